package se.styr.kolada;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline way in: a file holding Kolada's JSON pages (one page, or an array of pages) or a bulk CSV with the
 * columns kpi, municipality, year, sex, value (comma or semicolon separated; a decimal comma with semicolons).
 */
final class KoladaFiles {

    private KoladaFiles() {
    }

    static List<KoladaRows.Value> values(String content, String name) {
        String text = content.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("{")) {
            return KoladaJson.values(text, name).rows();
        }
        if (text.startsWith("[")) {
            List<KoladaRows.Value> rows = new ArrayList<>();
            for (String page : pages(text, name)) {
                rows.addAll(KoladaJson.values(page, name).rows());
            }
            return rows;
        }
        return csv(text, name);
    }

    static List<KoladaRows.Kpi> kpis(String content, String name) {
        String text = content.strip();
        if (text.startsWith("[")) {
            List<KoladaRows.Kpi> rows = new ArrayList<>();
            for (String page : pages(text, name)) {
                rows.addAll(KoladaJson.kpis(page, name).rows());
            }
            return rows;
        }
        return KoladaJson.kpis(text, name).rows();
    }

    /** Kolada's municipality groups from a file of {@code /v3/municipality_groups} pages (one page, or an array of pages). */
    static List<KoladaRows.Group> groups(String content, String name) {
        String text = content.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("[")) {
            List<KoladaRows.Group> rows = new ArrayList<>();
            for (String page : pages(text, name)) {
                rows.addAll(KoladaJson.groups(page, name).rows());
            }
            return rows;
        }
        return KoladaJson.groups(text, name).rows();
    }

    private static List<String> pages(String text, String name) {
        try {
            tools.jackson.databind.JsonNode array = tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
            List<String> pages = new ArrayList<>();
            array.forEach(p -> pages.add(p.toString()));
            return pages;
        } catch (tools.jackson.core.JacksonException e) {
            throw new KoladaException(e, "kolada.error.fileBadJson", name);
        }
    }

    static List<KoladaRows.Value> csv(String text, String name) {
        String[] lines = text.split("\\R");
        String separator = lines[0].contains(";") ? ";" : ",";
        String[] header = lines[0].toLowerCase(Locale.ROOT).split(separator);
        if (header.length < 5 || !header[0].strip().equals("kpi") || !header[1].strip().equals("municipality")) {
            throw new KoladaException("kolada.error.fileHeader", name, String.join(separator, "kpi", "municipality", "year", "sex", "value"));
        }
        List<KoladaRows.Value> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] c = lines[i].split(separator, -1);
            try {
                if (c.length < 5) {
                    throw new IllegalArgumentException();
                }
                String sex = c[3].strip().toUpperCase(Locale.ROOT);
                if (sex.length() != 1 || "TKM".indexOf(sex.charAt(0)) < 0) {
                    throw new IllegalArgumentException();
                }
                String value = c[4].strip().replace(" ", "");
                rows.add(new KoladaRows.Value(c[0].strip().toUpperCase(Locale.ROOT), c[1].strip(),
                        Integer.parseInt(c[2].strip()), sex.charAt(0),
                        value.isEmpty() ? null : new BigDecimal(separator.equals(";") ? value.replace(',', '.') : value)));
            } catch (IllegalArgumentException e) {
                throw new KoladaException("kolada.error.fileRow", i + 1, name);
            }
        }
        return rows;
    }
}
