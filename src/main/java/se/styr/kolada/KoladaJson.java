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

    static KoladaRows.Page<KoladaRows.Kpi> kpis(String body, Object where) {
        JsonNode root = parse(body, where);
        List<KoladaRows.Kpi> rows = new ArrayList<>();
        for (JsonNode k : values(root, where)) {
            String id = text(k, "id");
            String title = text(k, "title");
            if (id == null || title == null) {
                throw new KoladaException("kolada.error.kpiWithoutId", where);
            }
            rows.add(new KoladaRows.Kpi(id.toUpperCase(java.util.Locale.ROOT), title, text(k, "description"),
                    text(k, "operating_area"), k.path("is_divided_by_gender").asBoolean(false)));
        }
        return new KoladaRows.Page<>(rows, text(root, "next_url"));
    }

    static KoladaRows.Page<KoladaRows.Value> values(String body, Object where) {
        JsonNode root = parse(body, where);
        List<KoladaRows.Value> rows = new ArrayList<>();
        for (JsonNode d : values(root, where)) {
            String kpi = text(d, "kpi");
            String area = text(d, "municipality");
            JsonNode period = d.get("period");
            if (kpi == null || area == null || period == null || !period.canConvertToInt()) {
                throw new KoladaException("kolada.error.valueWithoutKey", where);
            }
            for (JsonNode v : d.path("values")) {
                String sex = text(v, "gender");
                JsonNode value = v.get("value");
                if (sex == null || sex.length() != 1 || "TKM".indexOf(sex.charAt(0)) < 0) {
                    throw new KoladaException("kolada.error.unknownSex", sex, where);
                }
                if (value != null && !value.isNull() && !value.isNumber()) {
                    throw new KoladaException("kolada.error.notANumber", where);
                }
                rows.add(new KoladaRows.Value(kpi.toUpperCase(java.util.Locale.ROOT), area, period.asInt(), sex.charAt(0),
                        value == null || value.isNull() ? null : value.decimalValue()));
            }
        }
        return new KoladaRows.Page<>(rows, text(root, "next_url"));
    }

    /** A page of {@code /municipality_groups}: {@code {"id": "G124026", "title": "...", "members": [{"id", "title"}]}}. */
    static KoladaRows.Page<KoladaRows.Group> groups(String body, Object where) {
        JsonNode root = parse(body, where);
        List<KoladaRows.Group> rows = new ArrayList<>();
        for (JsonNode g : values(root, where)) {
            String id = text(g, "id");
            String title = text(g, "title");
            if (id == null || title == null) {
                throw new KoladaException("kolada.error.groupWithoutId", where);
            }
            List<KoladaRows.Member> members = new ArrayList<>();
            for (JsonNode m : g.path("members")) {
                String member = text(m, "id");
                if (member == null || !member.matches("\\d{4}")) {
                    throw new KoladaException("kolada.error.groupWithoutId", where);
                }
                members.add(new KoladaRows.Member(member, text(m, "title")));
            }
            rows.add(new KoladaRows.Group(id.toUpperCase(java.util.Locale.ROOT), title, members));
        }
        return new KoladaRows.Page<>(rows, text(root, "next_url"));
    }

    private static JsonNode parse(String body, Object where) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new KoladaException("kolada.error.notAnObject", where);
            }
            return root;
        } catch (JacksonException e) {
            throw new KoladaException(e, "kolada.error.badJson", where);
        }
    }

    private static JsonNode values(JsonNode root, Object where) {
        JsonNode values = root.get("values");
        if (values == null || !values.isArray()) {
            throw new KoladaException("kolada.error.noValues", where);
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
