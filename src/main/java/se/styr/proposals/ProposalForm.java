package se.styr.proposals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.styr.platform.FormInput;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/**
 * The proposal editor's fields, read into a {@link Proposal} and written back for the form: amounts in tkr, the tax
 * change in öre, the goals one indicator a line ("goal | indicator | Kolada id | outcome | target").
 */
final class ProposalForm {

    static final String SEPARATOR = " | ";
    /** Empty rows offered for new frame changes under the existing ones. */
    static final int NEW_ROWS = 3;

    private ProposalForm() {
    }

    static Proposal read(Map<String, String> form, long budgetId, long partyUnitId, Problems problems) {
        Integer ore = ore(form.get("taxChangeOre"), problems);
        BigDecimal target = FormInput.number(form.get("resultTarget"), "resultTarget", problems);
        BigDecimal pkv = FormInput.number(form.get("pkvShare"), "pkvShare", problems);
        BigDecimal volume = FormInput.number(form.get("volumeShare"), "volumeShare", problems);
        Map<Integer, Long> taxBase = new TreeMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("taxBase") && key.length() > 7 && key.substring(7).chars().allMatch(Character::isDigit)) {
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
            if (unit != null && amount != null && year != null) {
                changes.add(new Proposal.FrameChange(unit, year.intValue(), amount, !"temporary".equals(form.get(f + ".kind")),
                        blankToNull(form.get(f + ".motivation"))));
            }
        }
        return new Proposal(0, 0, 0, budgetId, partyUnitId, null, 0, ProposalState.UTKAST, strip(form.get("title")),
                blankToNull(form.get("summary")), ore == null ? 0 : ore, taxBase, target, pkv, volume, changes,
                indicators(form.get("goals")), null, null, 0);
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

    static List<Proposal.Indicator> indicators(String text) {
        List<Proposal.Indicator> list = new ArrayList<>();
        if (text == null) {
            return list;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            list.add(new Proposal.Indicator(parts[0].strip(), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4)));
        }
        return list;
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? blankToNull(parts[i]) : null;
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
        p.taxBase().forEach((year, amount) -> form.put("taxBase" + year, sv.tkr(BigDecimal.valueOf(amount))));
        int i = 0;
        for (Proposal.FrameChange c : p.changes()) {
            form.put("change" + i + ".unit", String.valueOf(c.orgUnitId()));
            form.put("change" + i + ".year", String.valueOf(c.year()));
            form.put("change" + i + ".amount", tkr(sv, c.amount()));
            form.put("change" + i + ".kind", c.permanent() ? "permanent" : "temporary");
            form.put("change" + i + ".motivation", c.motivation() == null ? "" : c.motivation());
            i++;
        }
        StringBuilder goals = new StringBuilder();
        for (Proposal.Indicator ind : p.indicators()) {
            goals.append(String.join(SEPARATOR, ind.goal(), n(ind.indicator()), n(ind.koladaId()), n(ind.outcome()), n(ind.target())).stripTrailing())
                    .append('\n');
        }
        form.put("goals", goals.toString());
        return form;
    }

    /** How many change rows the editor shows: every typed one and some empty ones. */
    static int rows(Map<String, String> form) {
        int typed = 0;
        while (form.containsKey("change" + typed + ".unit")) {
            typed++;
        }
        return typed + NEW_ROWS;
    }

    private static String tkr(SwedishFormat sv, long kronor) {
        return sv.number(BigDecimal.valueOf(kronor).movePointLeft(3), 3);
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
