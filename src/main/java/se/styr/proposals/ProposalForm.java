package se.styr.proposals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.styr.goals.GoalRules;
import se.styr.platform.FormInput;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/**
 * The proposal editor's fields, read into a {@link Proposal} and written back for the form: amounts in tkr, the tax
 * change in öre, the goals as "goal0.title" with their indicator rows "goal0.ind0.text", "goal0.ind0.kolada",
 * "goal0.ind0.outcomeYear", "goal0.ind0.outcome", "goal0.ind0.targetYear" and "goal0.ind0.target".
 */
final class ProposalForm {

    /** Empty rows offered for new frame changes under the existing ones. */
    static final int NEW_ROWS = 3;
    /** The longest texts proposal_version, proposal_frame_change and proposal_indicator hold. */
    static final int TITLE_LENGTH = 300;
    static final int SUMMARY_LENGTH = 4000;
    static final int MOTIVATION_LENGTH = 2000;
    static final int GOAL_LENGTH = 500;
    static final int INDICATOR_LENGTH = 1000;
    static final int FIGURE_LENGTH = 200;
    private static final List<String> INDICATOR_FIELDS = List.of(".text", ".kolada", ".outcomeYear", ".outcome", ".targetYear", ".target");

    private ProposalForm() {
    }

    static Proposal read(Map<String, String> form, long budgetId, long partyUnitId, Problems problems) {
        Integer ore = ore(form.get("taxChangeOre"), problems);
        BigDecimal target = FormInput.number(form.get("resultTarget"), "resultTarget", problems);
        BigDecimal pkv = FormInput.number(form.get("pkvShare"), "pkvShare", problems);
        BigDecimal volume = FormInput.number(form.get("volumeShare"), "volumeShare", problems);
        Map<Integer, Long> taxBase = new TreeMap<>();
        form.forEach((key, value) -> {
            if (key.matches("taxBase\\d{1,9}")) {
                Long amount = FormInput.tkr(value, key, problems);
                if (amount != null) {
                    taxBase.put(Integer.valueOf(key.substring(7)), amount);
                }
            }
        });
        List<Proposal.FrameChange> changes = new ArrayList<>();
        for (int i = 0; form.containsKey("change" + i + ".unit"); i++) {
            String f = "change" + i;
            Long unit = FormInput.whole(form.get(f + ".unit"), f + ".unit", problems);
            Long amount = FormInput.tkr(form.get(f + ".amount"), f + ".amount", problems);
            if (unit == null && amount == null) {
                continue;
            }
            Long year = FormInput.whole(form.get(f + ".year"), f + ".year", problems);
            problems.check(unit != null, f + ".unit", "proposals.error.unitMissing");
            problems.check(amount != null, f + ".amount", "proposals.error.amountMissing");
            problems.check(year != null, f + ".year", "proposals.error.yearMissing");
            String motivation = blankToNull(form.get(f + ".motivation"));
            problems.check(motivation == null || motivation.length() <= MOTIVATION_LENGTH, f + ".motivation", "validering.text.lang",
                    MOTIVATION_LENGTH);
            if (unit != null && amount != null && year != null) {
                changes.add(new Proposal.FrameChange(unit, year.intValue(), amount, !"temporary".equals(form.get(f + ".kind")), motivation));
            }
        }
        String title = strip(form.get("title"));
        String summary = blankToNull(form.get("summary"));
        problems.check(title == null || title.length() <= TITLE_LENGTH, "title", "validering.titel.lang", TITLE_LENGTH);
        problems.check(summary == null || summary.length() <= SUMMARY_LENGTH, "summary", "validering.text.lang", SUMMARY_LENGTH);
        return new Proposal(0, 0, 0, budgetId, partyUnitId, null, 0, ProposalState.UTKAST, title, summary, ore == null ? 0 : ore, taxBase,
                target, pkv, volume, changes, indicators(form, problems), null, null, 0);
    }

    /** A whole number of öre; "12,5" is refused. */
    static Integer ore(String text, Problems problems) {
        BigDecimal ore = FormInput.number(text, "taxChangeOre", problems);
        if (ore == null) {
            return 0;
        }
        try {
            return ore.intValueExact();
        } catch (ArithmeticException e) {
            problems.add("taxChangeOre", "proposals.error.ore");
            return null;
        }
    }

    /**
     * The goals in order, each as its indicators or, without any, as one row with only the goal. A goal or an indicator
     * whose "Ta bort" box is ticked is left out, and so are empty ones.
     */
    static List<Proposal.Indicator> indicators(Map<String, String> form, Problems problems) {
        List<Proposal.Indicator> list = new ArrayList<>();
        // the goals are kept by their wording, so two goals worded alike would become one
        Map<String, Integer> worded = new java.util.HashMap<>();
        for (int g = 0; form.containsKey(goal(g) + ".title"); g++) {
            if (ticked(form, goal(g) + ".remove")) {
                continue;
            }
            String title = blankToNull(form.get(goal(g) + ".title"));
            List<Proposal.Indicator> rows = new ArrayList<>();
            for (int i = 0; form.containsKey(row(g, i) + ".text"); i++) {
                Proposal.Indicator row = indicator(form, row(g, i), title, problems);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (title == null) {
                problems.check(rows.isEmpty(), goal(g) + ".title", "proposals.error.goalMissing", g + 1);
                continue;
            }
            problems.check(title.length() <= GOAL_LENGTH, goal(g) + ".title", "validering.text.lang", GOAL_LENGTH);
            Integer same = worded.putIfAbsent(title, g + 1);
            problems.check(same == null, goal(g) + ".title", "proposals.error.goalTwice", same);
            list.addAll(rows.isEmpty() ? List.of(new Proposal.Indicator(title, null, null, null, null, null, null)) : rows);
        }
        return list;
    }

    /** One indicator row; null when it is empty or to be removed. */
    private static Proposal.Indicator indicator(Map<String, String> form, String f, String goal, Problems problems) {
        if (ticked(form, f + ".remove") || INDICATOR_FIELDS.stream().allMatch(field -> blankToNull(form.get(f + field)) == null)) {
            return null;
        }
        String text = blankToNull(form.get(f + ".text"));
        String kolada = blankToNull(form.get(f + ".kolada"));
        String outcome = blankToNull(form.get(f + ".outcome"));
        String target = blankToNull(form.get(f + ".target"));
        Integer outcomeYear = year(form.get(f + ".outcomeYear"), f + ".outcomeYear", problems);
        Integer targetYear = year(form.get(f + ".targetYear"), f + ".targetYear", problems);
        problems.check(text != null, f + ".text", "proposals.error.indicatorMissing");
        problems.check(text == null || text.length() <= INDICATOR_LENGTH, f + ".text", "validering.text.lang", INDICATOR_LENGTH);
        problems.check(kolada == null || GoalRules.KOLADA_ID.matcher(kolada).matches(), f + ".kolada", "validering.kolada");
        problems.check(outcome == null || outcome.length() <= FIGURE_LENGTH, f + ".outcome", "validering.text.lang", FIGURE_LENGTH);
        problems.check(target == null || target.length() <= FIGURE_LENGTH, f + ".target", "validering.text.lang", FIGURE_LENGTH);
        problems.check(outcomeYear == null || targetYear == null || targetYear >= outcomeYear, f + ".targetYear",
                "proposals.error.targetBeforeOutcome", String.valueOf(targetYear), String.valueOf(outcomeYear));
        return new Proposal.Indicator(goal, text, kolada, outcomeYear, outcome, targetYear, target);
    }

    /** A year as a whole number within the plausible years of the goal chain; blank is null. */
    private static Integer year(String text, String field, Problems problems) {
        Long year = FormInput.whole(text, field, problems);
        if (year != null && (year < GoalRules.FIRST_YEAR || year > GoalRules.LAST_YEAR)) {
            problems.add(field, "validering.ar.utanfor", String.valueOf(GoalRules.FIRST_YEAR), String.valueOf(GoalRules.LAST_YEAR));
            return null;
        }
        return year == null ? null : year.intValue();
    }

    private static boolean ticked(Map<String, String> form, String field) {
        return form.get(field) != null && !form.get(field).isBlank();
    }

    static String goal(int g) {
        return "goal" + g;
    }

    static String row(int g, int i) {
        return goal(g) + ".ind" + i;
    }

    /** The form's values for a proposal, as the editor shows them. */
    static Map<String, String> of(Proposal p, SwedishFormat sv) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", p.title());
        form.put("summary", p.summary() == null ? "" : p.summary());
        form.put("taxChangeOre", String.valueOf(p.taxChangeOre()));
        form.put("resultTarget", p.resultTarget() == null ? "" : sv.number(p.resultTarget(), 2));
        form.put("pkvShare", sv.number(p.pkvShare(), 2));
        form.put("volumeShare", sv.number(p.volumeShare(), 2));
        p.taxBase().forEach((year, amount) -> form.put("taxBase" + year, sv.tkrExact(amount)));
        int i = 0;
        for (Proposal.FrameChange c : p.changes()) {
            form.put("change" + i + ".unit", String.valueOf(c.orgUnitId()));
            form.put("change" + i + ".year", String.valueOf(c.year()));
            form.put("change" + i + ".amount", sv.tkrExact(c.amount()));
            form.put("change" + i + ".kind", c.permanent() ? "permanent" : "temporary");
            form.put("change" + i + ".motivation", c.motivation() == null ? "" : c.motivation());
            i++;
        }
        int g = 0;
        for (Map.Entry<String, List<Proposal.Indicator>> goal : p.goals().entrySet()) {
            form.put(goal(g) + ".title", goal.getKey());
            int r = 0;
            for (Proposal.Indicator ind : goal.getValue()) {
                String f = row(g, r++);
                form.put(f + ".text", n(ind.indicator()));
                form.put(f + ".kolada", n(ind.koladaId()));
                form.put(f + ".outcomeYear", ind.outcomeYear() == null ? "" : String.valueOf(ind.outcomeYear()));
                form.put(f + ".outcome", n(ind.outcome()));
                form.put(f + ".targetYear", ind.targetYear() == null ? "" : String.valueOf(ind.targetYear()));
                form.put(f + ".target", n(ind.target()));
            }
            g++;
        }
        return form;
    }

    /** The editor's goals, each as the numbers of its indicator rows. */
    static List<List<Integer>> goalRows(Map<String, String> form) {
        List<List<Integer>> goals = new ArrayList<>();
        for (int g = 0; form.containsKey(goal(g) + ".title"); g++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; form.containsKey(row(g, i) + ".text"); i++) {
                rows.add(i);
            }
            goals.add(rows);
        }
        return goals;
    }

    /** Whether the editor was posted by its button for another goal ("addGoal") or another indicator ("addIndicator"). */
    static boolean asksForRow(Map<String, String> form) {
        return form.containsKey("addGoal") || form.containsKey("addIndicator");
    }

    /**
     * Adds to the form the empty goal (with one indicator row) or the empty indicator row of the goal its button asked
     * for; returns the id of the new row's first field, null when there is no such goal.
     */
    static String addRow(Map<String, String> form) {
        List<List<Integer>> goals = goalRows(form);
        if (form.containsKey("addGoal")) {
            int g = goals.size();
            form.put(goal(g) + ".title", "");
            form.put(row(g, 0) + ".text", "");
            return goal(g) + ".title";
        }
        Long g = FormInput.whole(form.get("addIndicator"), "addIndicator", new Problems());
        if (g == null || g < 0 || g >= goals.size()) {
            return null;
        }
        String f = row(g.intValue(), goals.get(g.intValue()).size());
        form.put(f + ".text", "");
        return f + ".text";
    }

    /** How many change rows the editor shows: every typed one and some empty ones (not more each time it is shown again). */
    static int rows(Map<String, String> form) {
        int typed = 0;
        for (int i = 0; form.containsKey("change" + i + ".unit"); i++) {
            if (blankToNull(form.get("change" + i + ".unit")) != null || blankToNull(form.get("change" + i + ".amount")) != null) {
                typed = i + 1;
            }
        }
        return typed + NEW_ROWS;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
