package se.styr.followup.arshjul;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.styr.followup.RoundType;
import se.styr.platform.FormInput;
import se.styr.platform.Problems;

/**
 * The template as the page's form holds it: per row {@code rN_type}, {@code rN_name}, and the dates {@code rN_asOf},
 * {@code rN_opens}, {@code rN_unit}, {@code rN_dept} typed as month-day ("08-23"), with {@code rN_opensYear},
 * {@code rN_unitYear}, {@code rN_deptYear} 1 for the year after. A row left empty, or marked {@code rN_remove}, goes.
 */
record ArshjulForm(Map<String, String> values, int rows) {

    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*-\\s*(\\d{1,2})");
    static final String[] DATES = {"asOf", "opens", "unit", "dept"};

    static ArshjulForm of(List<CalendarRound> rounds) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            CalendarRound r = rounds.get(i);
            String f = "r" + i + "_";
            v.put(f + "type", r.type().name());
            v.put(f + "name", r.name());
            RelativeDate[] dates = {r.asOf(), r.opens(), r.unitDeadline(), r.departmentDeadline()};
            for (int d = 0; d < DATES.length; d++) {
                v.put(f + DATES[d], String.format("%02d-%02d", dates[d].month(), dates[d].day()));
                v.put(f + DATES[d] + "Year", String.valueOf(dates[d].yearOffset()));
            }
        }
        return new ArshjulForm(v, rounds.size() + 1);
    }

    static ArshjulForm posted(Map<String, String> form) {
        int rows = 0;
        for (String key : form.keySet()) {
            Matcher m = Pattern.compile("r(\\d{1,2})_.*").matcher(key);
            if (m.matches()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return new ArshjulForm(Map.copyOf(form), Math.min(rows, Arshjul.MAX_ROUNDS + 1));
    }

    /** The rounds typed, in order; what cannot be read is reported with its field (numbered as the rows are kept). */
    List<CalendarRound> rounds(Problems problems) {
        List<CalendarRound> rounds = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String f = "r" + i + "_";
            if (!blank(f + "remove") || empty(f)) {
                continue;
            }
            String to = "r" + rounds.size() + "_";
            RoundType type = FormInput.choice(RoundType.class, values.get(f + "type"), to + "type", problems);
            RelativeDate[] dates = new RelativeDate[DATES.length];
            for (int d = 0; d < DATES.length; d++) {
                dates[d] = date(values.get(f + DATES[d]), "1".equals(values.get(f + DATES[d] + "Year")) ? 1 : 0);
                if (dates[d] == null) {
                    problems.add(to + DATES[d], "arshjul.error.date." + DATES[d], rounds.size() + 1);
                }
            }
            String name = values.get(f + "name");
            rounds.add(new CalendarRound(type, name == null ? "" : name.strip(), dates[0], dates[1], dates[2], dates[3]));
        }
        return rounds;
    }

    private boolean blank(String key) {
        String v = values.get(key);
        return v == null || v.isBlank();
    }

    private boolean empty(String f) {
        if (!blank(f + "type") || !blank(f + "name")) {
            return false;
        }
        for (String d : DATES) {
            if (!blank(f + d)) {
                return false;
            }
        }
        return true;
    }

    /** "08-23" → the date; null when it cannot be read or is no date. */
    static RelativeDate date(String text, int yearOffset) {
        if (text == null) {
            return null;
        }
        Matcher m = MONTH_DAY.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        RelativeDate date = new RelativeDate(yearOffset, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return date.valid() ? date : null;
    }

    /** The posted rows as the page shows them again: removed and empty rows out, numbered as {@link #rounds} numbers them. */
    ArshjulForm compacted() {
        Map<String, String> v = new HashMap<>();
        int n = 0;
        for (int i = 0; i < rows; i++) {
            String f = "r" + i + "_";
            if (!blank(f + "remove") || empty(f)) {
                continue;
            }
            String to = "r" + n++ + "_";
            for (String key : new String[] {"type", "name", "asOf", "opens", "unit", "dept", "asOfYear", "opensYear", "unitYear", "deptYear"}) {
                if (values.containsKey(f + key)) {
                    v.put(to + key, values.get(f + key));
                }
            }
        }
        return new ArshjulForm(v, n + 1);
    }
}
