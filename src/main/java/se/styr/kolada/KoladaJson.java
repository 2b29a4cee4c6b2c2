package se.styr.kolada;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Kolada v3's JSON pages ({@code values} and {@code next_url}) of KPIs and of data. */
final class KoladaJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KoladaJson() {
    }

    static KoladaRows.Page<KoladaRows.Kpi> kpis(String body, String where) {
        JsonNode root = parse(body, where);
        List<KoladaRows.Kpi> rows = new ArrayList<>();
        for (JsonNode k : values(root, where)) {
            String id = text(k, "id");
            String title = text(k, "title");
            if (id == null || title == null) {
                throw new KoladaException("Kolada svarade med ett nyckeltal utan id eller titel (" + where + ").");
            }
            rows.add(new KoladaRows.Kpi(id.toUpperCase(java.util.Locale.ROOT), title, text(k, "description"),
                    text(k, "operating_area"), k.path("is_divided_by_gender").asBoolean(false)));
        }
        return new KoladaRows.Page<>(rows, text(root, "next_url"));
    }

    static KoladaRows.Page<KoladaRows.Value> values(String body, String where) {
        JsonNode root = parse(body, where);
        List<KoladaRows.Value> rows = new ArrayList<>();
        for (JsonNode d : values(root, where)) {
            String kpi = text(d, "kpi");
            String area = text(d, "municipality");
            JsonNode period = d.get("period");
            if (kpi == null || area == null || period == null || !period.canConvertToInt()) {
                throw new KoladaException("Kolada svarade med ett värde utan nyckeltal, kommun eller år (" + where + ").");
            }
            for (JsonNode v : d.path("values")) {
                String sex = text(v, "gender");
                JsonNode value = v.get("value");
                if (sex == null || sex.length() != 1 || "TKM".indexOf(sex.charAt(0)) < 0) {
                    throw new KoladaException("Kolada svarade med ett okänt kön \"" + sex + "\" (" + where + ").");
                }
                if (value != null && !value.isNull() && !value.isNumber()) {
                    throw new KoladaException("Kolada svarade med ett värde som inte är ett tal (" + where + ").");
                }
                rows.add(new KoladaRows.Value(kpi.toUpperCase(java.util.Locale.ROOT), area, period.asInt(), sex.charAt(0),
                        value == null || value.isNull() ? null : value.decimalValue()));
            }
        }
        return new KoladaRows.Page<>(rows, text(root, "next_url"));
    }

    private static JsonNode parse(String body, String where) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new KoladaException("Svaret från Kolada gick inte att läsa: det är inte ett JSON-objekt (" + where + ").");
            }
            return root;
        } catch (JacksonException e) {
            throw new KoladaException("Svaret från Kolada gick inte att läsa: felaktig JSON (" + where + "). Inget sparades.", e);
        }
    }

    private static JsonNode values(JsonNode root, String where) {
        JsonNode values = root.get("values");
        if (values == null || !values.isArray()) {
            throw new KoladaException("Svaret från Kolada saknar listan \"values\" (" + where + ").");
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
