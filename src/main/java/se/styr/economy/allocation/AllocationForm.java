package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import se.styr.organisation.OrgUnit;
import se.styr.platform.FormInput;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;
import se.styr.platform.ValidationException.Problem;

/**
 * The model page's form as text, field name → what is (or was) in the field, with the names that
 * {@link AllocationCalculator#check} gives its problems. Amounts are typed in tkr, standard costs in kr per
 * inhabitant, persons as whole numbers, percentages in percent. Rows that are left wholly blank are dropped and the
 * rest numbered again, so every row's number is its position in the model; one blank row is offered for a new one.
 */
final class AllocationForm {

    static final String PERMANENT = "PERMANENT";
    static final String TEMPORARY = "TILLFALLIG";
    private static final Pattern GROUP = Pattern.compile("group(\\d+)_.*");
    private static final Pattern TARGETED = Pattern.compile("targeted(\\d+)_.*");
    private static final Pattern COST = Pattern.compile("cost_(\\d+)_(\\d+)");
    private static final int MAX_ROWS = 256;

    private final Map<String, String> values;
    private final int groups;
    private final int targeted;

    private AllocationForm(Map<String, String> values, int groups, int targeted) {
        this.values = values;
        this.groups = groups;
        this.targeted = targeted;
    }

    /** Field name → text, for the template. */
    Map<String, String> values() {
        return values;
    }

    /** The age-group rows to show: the model's and a blank one. */
    List<Integer> groupRows() {
        return IntStream.rangeClosed(0, groups).boxed().toList();
    }

    /** The targeted-allocation rows to show: the model's and a blank one. */
    List<Integer> targetedRows() {
        return IntStream.rangeClosed(0, targeted).boxed().toList();
    }

    // ---- from a model

    static AllocationForm of(AllocationModel model, SwedishFormat sv) {
        Map<String, String> v = new HashMap<>();
        v.put("pkvShare", sv.number(model.pkvShare(), 2));
        v.put("volumeShare", sv.number(model.volumeShare(), 2));
        model.pkv().forEach((year, pkv) -> v.put("pkv_" + year, sv.number(pkv, 2)));
        for (int g = 0; g < model.ageGroups().size(); g++) {
            AllocationModel.AgeGroup group = model.ageGroups().get(g);
            v.put("group" + g + "_label", group.label());
            int row = g;
            group.persons().forEach((year, persons) -> v.put("group" + row + "_" + year, whole(persons, sv)));
        }
        for (AllocationModel.Committee c : model.committees()) {
            v.put("base_" + c.orgUnitId(), sv.tkrExact(c.baseFrame()));
            v.put("buffer_" + c.orgUnitId(), sv.number(c.bufferPercent(), 2));
            for (int g = 0; g < c.standardCosts().size(); g++) {
                v.put("cost_" + c.orgUnitId() + "_" + g, whole(c.standardCosts().get(g), sv));
            }
        }
        for (int i = 0; i < model.targeted().size(); i++) {
            AllocationModel.Targeted t = model.targeted().get(i);
            v.put("targeted" + i + "_committee", String.valueOf(t.orgUnitId()));
            v.put("targeted" + i + "_year", String.valueOf(t.year()));
            v.put("targeted" + i + "_kind", t.permanent() ? PERMANENT : TEMPORARY);
            v.put("targeted" + i + "_amount", sv.tkrExact(t.amount()));
            v.put("targeted" + i + "_motivation", t.motivation());
        }
        return new AllocationForm(v, model.ageGroups().size(), model.targeted().size());
    }

    private static String whole(Long value, SwedishFormat sv) {
        return value == null ? "" : sv.number(BigDecimal.valueOf(value), 0);
    }

    // ---- from a post

    /** The posted form with its wholly blank rows dropped and the others numbered from 0. */
    static AllocationForm posted(Map<String, String> posted) {
        int groupCount = rows(posted, GROUP);
        int targetedCount = rows(posted, TARGETED);
        Map<String, String> v = new HashMap<>();
        Map<Integer, Integer> groupIndex = new HashMap<>();
        for (int g = 0; g < groupCount; g++) {
            String prefix = "group" + g + "_";
            String costSuffix = "_" + g;
            boolean blank = posted.entrySet().stream().noneMatch(e -> !isBlank(e.getValue())
                    && (e.getKey().startsWith(prefix) || (COST.matcher(e.getKey()).matches() && e.getKey().endsWith(costSuffix))));
            if (!blank) {
                groupIndex.put(g, groupIndex.size());
            }
        }
        Map<Integer, Integer> targetedIndex = new HashMap<>();
        for (int t = 0; t < targetedCount; t++) {
            String prefix = "targeted" + t + "_";
            boolean blank = isBlank(posted.get(prefix + "committee")) && isBlank(posted.get(prefix + "amount"))
                    && isBlank(posted.get(prefix + "motivation"));
            if (!blank) {
                targetedIndex.put(t, targetedIndex.size());
            }
        }
        posted.forEach((key, value) -> {
            Matcher group = GROUP.matcher(key);
            Matcher target = TARGETED.matcher(key);
            Matcher cost = COST.matcher(key);
            if (group.matches()) {
                Integer to = groupIndex.get(Integer.parseInt(group.group(1)));
                if (to != null) {
                    v.put("group" + to + key.substring(key.indexOf('_')), value);
                }
            } else if (target.matches()) {
                Integer to = targetedIndex.get(Integer.parseInt(target.group(1)));
                if (to != null) {
                    v.put("targeted" + to + key.substring(key.indexOf('_')), value);
                }
            } else if (cost.matches()) {
                Integer to = groupIndex.get(Integer.parseInt(cost.group(2)));
                if (to != null) {
                    v.put("cost_" + cost.group(1) + "_" + to, value);
                }
            } else {
                v.put(key, value);
            }
        });
        return new AllocationForm(v, groupIndex.size(), targetedIndex.size());
    }

    /** How many rows of a kind the form posted: one more than the highest number. */
    private static int rows(Map<String, String> posted, Pattern pattern) {
        int max = -1;
        for (String key : posted.keySet()) {
            Matcher m = pattern.matcher(key);
            if (m.matches()) {
                if (m.group(1).length() > 3 || Integer.parseInt(m.group(1)) >= MAX_ROWS) {
                    throw ValidationException.of(key, "validering.rader", MAX_ROWS);
                }
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }

    /**
     * The model the form holds. What cannot be read as a number is reported to {@code problems} and read as missing,
     * so that {@link AllocationCalculator#check} finds the rest; {@link #merge} keeps the first message per field.
     */
    AllocationModel model(List<Integer> years, List<OrgUnit> committees, List<Problem> problems) {
        Map<Integer, BigDecimal> pkv = new TreeMap<>();
        for (int year : years) {
            BigDecimal p = number("pkv_" + year, problems);
            if (p != null) {
                pkv.put(year, p);
            }
        }
        List<AllocationModel.AgeGroup> ageGroups = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Map<Integer, Long> persons = new TreeMap<>();
            for (int year = years.get(0) - 1; year <= years.get(years.size() - 1); year++) {
                Long n = whole("group" + g + "_" + year, problems);
                if (n != null) {
                    persons.put(year, n);
                }
            }
            ageGroups.add(new AllocationModel.AgeGroup(values.getOrDefault("group" + g + "_label", ""), persons));
        }
        List<AllocationModel.Committee> rows = new ArrayList<>();
        for (OrgUnit unit : committees) {
            long id = unit.id();
            List<Long> costs = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                costs.add(whole("cost_" + id + "_" + g, problems));
            }
            rows.add(new AllocationModel.Committee(id, tkr("base_" + id, problems), number("buffer_" + id, problems), costs));
        }
        List<AllocationModel.Targeted> allocations = new ArrayList<>();
        for (int t = 0; t < targeted; t++) {
            String field = "targeted" + t + "_";
            long committee = parseLong(values.get(field + "committee"), -1);
            long year = parseLong(values.get(field + "year"), 0);
            if (year == 0) {
                problems.add(new Problem(field + "year", "allocation.error.yearMissing"));
            }
            String kind = values.get(field + "kind");
            if (!PERMANENT.equals(kind) && !TEMPORARY.equals(kind)) {
                problems.add(new Problem(field + "kind", "validering.val"));
            }
            Long amount = tkr(field + "amount", problems);
            allocations.add(new AllocationModel.Targeted(committee, (int) year, amount == null ? 0 : amount,
                    !TEMPORARY.equals(kind), values.getOrDefault(field + "motivation", "")));
        }
        return new AllocationModel(number("pkvShare", problems), number("volumeShare", problems), pkv, ageGroups, rows, allocations);
    }

    /** The problems of reading the form first, then the model's own, one field's first message only once. */
    static List<Problem> merge(List<Problem> reading, List<Problem> checked) {
        Set<String> fields = reading.stream().map(Problem::field).collect(Collectors.toSet());
        List<Problem> all = new ArrayList<>(reading);
        checked.stream().filter(p -> !fields.contains(p.field())).forEach(all::add);
        return all;
    }

    private BigDecimal number(String field, List<Problem> problems) {
        return read(problems, p -> FormInput.number(values.get(field), field, p));
    }

    /** A whole number as a Swede types it ("1 500"). */
    private Long whole(String field, List<Problem> problems) {
        BigDecimal n = number(field, problems);
        if (n == null) {
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new Problem(field, "validering.heltal"));
            return null;
        }
    }

    private Long tkr(String field, List<Problem> problems) {
        return read(problems, p -> FormInput.tkr(values.get(field), field, p));
    }

    private static <T> T read(List<Problem> problems, java.util.function.Function<Problems, T> reader) {
        Problems p = new Problems();
        T value = reader.apply(p);
        problems.addAll(p.list());
        return value;
    }

    private static long parseLong(String text, long otherwise) {
        try {
            return isBlank(text) ? otherwise : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
