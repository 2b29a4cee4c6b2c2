package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.platform.ValidationException.Problem;

/**
 * The resource allocation model (resursfördelningsmodell, DOMAIN §7.3) as a pure function: from the model's
 * parameters to each committee's frame per year, explained line by line. Per committee and year:
 * <pre>
 *   starting frame = last year's frame − last year's temporary allocations   (the base frame in the first year)
 *   index          = starting frame × PKV % × PKV share %
 *   volume         = Σ age groups (persons − last year's persons) × standard cost × volume share %
 *   frame          = starting frame + index + volume + permanent allocations + temporary allocations
 *   of which buffer = frame × buffer %
 * </pre>
 * Each component is computed exactly and rounded once to whole kronor, half up (away from zero); the frame is the sum
 * of the rounded components, so the lines always add up. Parties' proposals reuse it with other shares and
 * allocations.
 */
public final class AllocationCalculator {

    /** Sane bounds of what may be typed; outside them the model refuses the input. */
    static final BigDecimal PKV_MIN = BigDecimal.valueOf(-10);
    static final BigDecimal PKV_MAX = BigDecimal.valueOf(30);
    static final BigDecimal SHARE_MAX = BigDecimal.valueOf(200);
    static final BigDecimal BUFFER_MIN = BigDecimal.ONE;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    static final long MAX_PERSONS = 100_000_000L;
    static final long MAX_COST = 10_000_000L;
    static final int MAX_GROUPS = 20;
    static final int MAX_TARGETED = 200;
    static final int MAX_MOTIVATION = 500;
    static final int MAX_LABEL = 100;

    private AllocationCalculator() {
    }

    /** The frames of the model's committees for the input's years. The input must have passed {@link #check}. */
    public static AllocationResult compute(AllocationInput in) {
        AllocationModel model = in.model();
        List<Integer> years = in.years();
        int groups = model.ageGroups().size();
        Map<Integer, long[]> changes = new HashMap<>();
        for (int year : years) {
            long[] change = new long[groups];
            for (int g = 0; g < groups; g++) {
                Map<Integer, Long> persons = model.ageGroups().get(g).persons();
                Long now = persons.get(year);
                Long before = persons.get(year - 1);
                change[g] = now == null || before == null ? 0 : now - before;
            }
            changes.put(year, change);
        }
        BigDecimal pkvShare = model.pkvShare().movePointLeft(2);
        BigDecimal volumeShare = model.volumeShare().movePointLeft(2);

        List<AllocationResult.CommitteeResult> committees = new ArrayList<>();
        for (AllocationModel.Committee c : model.committees()) {
            if (!c.inModel()) {
                continue;
            }
            List<AllocationModel.Targeted> allocations = model.targeted().stream()
                    .filter(t -> t.orgUnitId() == c.orgUnitId()).toList();
            Map<Integer, Long> budget = in.budgetFrames().get(c.orgUnitId());
            List<AllocationResult.Year> rows = new ArrayList<>();
            long previous = c.baseFrame();
            long lessTemporary = 0;
            for (int year : years) {
                long starting = previous - lessTemporary;
                BigDecimal pkv = model.pkv().getOrDefault(year, BigDecimal.ZERO);
                long index = kronor(BigDecimal.valueOf(starting).multiply(pkv.movePointLeft(2)).multiply(pkvShare));
                long[] change = changes.get(year);
                long persons = 0;
                for (int g = 0; g < groups; g++) {
                    persons += change[g] * c.cost(g);
                }
                long volume = kronor(BigDecimal.valueOf(persons).multiply(volumeShare));
                long permanent = 0;
                long temporary = 0;
                for (AllocationModel.Targeted t : allocations) {
                    if (t.year() == year) {
                        if (t.permanent()) {
                            permanent += t.amount();
                        } else {
                            temporary += t.amount();
                        }
                    }
                }
                long frame = starting + index + volume + permanent + temporary;
                long buffer = kronor(BigDecimal.valueOf(frame).multiply(c.bufferPercent().movePointLeft(2)));
                Long budgetFrame = budget == null ? null : budget.get(year);
                rows.add(new AllocationResult.Year(year, previous, lessTemporary, starting, pkv, index, volume, permanent,
                        temporary, frame, buffer, frame - previous, BudgetCalculator.percent(frame - previous, previous),
                        budgetFrame, budgetFrame == null ? null : budgetFrame - frame));
                previous = frame;
                lessTemporary = temporary;
            }
            committees.add(new AllocationResult.CommitteeResult(c.orgUnitId(), in.name(c.orgUnitId()), c.bufferPercent(),
                    allocations, budget != null, rows));
        }
        return new AllocationResult(years, model.pkvShare(), model.volumeShare(), committees, totals(years, model, committees));
    }

    private static List<AllocationResult.Year> totals(List<Integer> years, AllocationModel model,
                                                      List<AllocationResult.CommitteeResult> committees) {
        List<AllocationResult.Year> total = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            long previous = 0, less = 0, starting = 0, index = 0, volume = 0, permanent = 0, temporary = 0, frame = 0, buffer = 0;
            Long budget = null;
            Long difference = null;
            for (AllocationResult.CommitteeResult c : committees) {
                AllocationResult.Year y = c.years().get(i);
                previous += y.previousFrame();
                less += y.lessTemporary();
                starting += y.startingFrame();
                index += y.index();
                volume += y.volume();
                permanent += y.permanent();
                temporary += y.temporary();
                frame += y.frame();
                buffer += y.buffer();
                if (y.budgetFrame() != null) {
                    budget = (budget == null ? 0 : budget) + y.budgetFrame();
                    difference = (difference == null ? 0 : difference) + y.difference();
                }
            }
            total.add(new AllocationResult.Year(years.get(i), previous, less, starting,
                    model.pkv().getOrDefault(years.get(i), BigDecimal.ZERO), index, volume, permanent, temporary, frame,
                    buffer, frame - previous, BudgetCalculator.percent(frame - previous, previous), budget, difference));
        }
        return total;
    }

    /** Whole kronor, half up: 0,5 kr is 1 kr and −0,5 kr is −1 kr. */
    static long kronor(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * What is wrong with the input, each problem with the form field it belongs to: {@code pkvShare},
     * {@code volumeShare}, {@code pkv_YEAR}, {@code groupN_label}, {@code groupN_YEAR}, {@code base_UNIT},
     * {@code buffer_UNIT}, {@code cost_UNIT_N}, {@code targetedN_committee|year|amount|motivation} (N counts from 0 in
     * the model's lists). Empty when {@link #compute} may run.
     */
    public static List<Problem> check(AllocationInput in) {
        AllocationModel model = in.model();
        List<Integer> years = in.years();
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        List<Problem> problems = new ArrayList<>();
        checkShare(model.pkvShare(), "pkvShare", problems);
        checkShare(model.volumeShare(), "volumeShare", problems);

        for (int year : years) {
            BigDecimal pkv = model.pkv().get(year);
            if (pkv == null) {
                problems.add(new Problem("pkv_" + year, "allocation.error.pkvMissing", String.valueOf(year)));
            } else if (pkv.compareTo(PKV_MIN) < 0 || pkv.compareTo(PKV_MAX) > 0 || decimals(pkv) > 2) {
                problems.add(new Problem("pkv_" + year, "allocation.error.pkv", String.valueOf(year)));
            }
        }
        model.pkv().keySet().stream().filter(y -> !years.contains(y)).forEach(y ->
                problems.add(new Problem("pkv_" + y, "allocation.error.year", String.valueOf(y), String.valueOf(first), String.valueOf(last))));

        List<AllocationModel.AgeGroup> groups = model.ageGroups();
        if (groups.size() > MAX_GROUPS) {
            problems.add(new Problem("groups", "allocation.error.groups", MAX_GROUPS));
        }
        for (int g = 0; g < groups.size() && g < MAX_GROUPS; g++) {
            AllocationModel.AgeGroup group = groups.get(g);
            String label = group.label() == null ? "" : group.label().strip();
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                problems.add(new Problem("group" + g + "_label", "allocation.error.groupLabel", MAX_LABEL));
            }
            String name = label.isEmpty() ? String.valueOf(g + 1) : label;
            for (int year = first - 1; year <= last; year++) {
                Long persons = group.persons().get(year);
                if (persons == null) {
                    problems.add(new Problem("group" + g + "_" + year, "allocation.error.personsMissing", name, String.valueOf(year)));
                } else if (persons < 0 || persons > MAX_PERSONS) {
                    problems.add(new Problem("group" + g + "_" + year, "allocation.error.persons", name, String.valueOf(year)));
                }
            }
            for (int year : group.persons().keySet()) {
                if (year < first - 1 || year > last) {
                    problems.add(new Problem("group" + g + "_" + year, "allocation.error.year", String.valueOf(year),
                            String.valueOf(first - 1), String.valueOf(last)));
                }
            }
        }

        Set<Long> seen = new HashSet<>();
        Set<Long> inModel = new HashSet<>();
        for (AllocationModel.Committee c : model.committees()) {
            long id = c.orgUnitId();
            String name = in.committeeNames().get(id);
            if (name == null) {
                problems.add(new Problem("base_" + id, "allocation.error.committee", String.valueOf(id)));
                continue;
            }
            if (!seen.add(id)) {
                problems.add(new Problem("base_" + id, "allocation.error.committeeTwice", name));
                continue;
            }
            if (c.baseFrame() != null && (c.baseFrame() < 0 || c.baseFrame() > MAX_AMOUNT)) {
                problems.add(new Problem("base_" + id, "allocation.error.baseFrame", name));
            }
            if (c.inModel()) {
                inModel.add(id);
                if (c.bufferPercent() == null) {
                    problems.add(new Problem("buffer_" + id, "allocation.error.bufferMissing", name));
                } else if (c.bufferPercent().compareTo(BUFFER_MIN) < 0 || c.bufferPercent().compareTo(HUNDRED) > 0
                        || decimals(c.bufferPercent()) > 2) {
                    problems.add(new Problem("buffer_" + id, "allocation.error.buffer", name));
                }
            }
            if (c.standardCosts().size() > groups.size()) {
                problems.add(new Problem("cost_" + id + "_" + groups.size(), "allocation.error.costGroups", name));
            }
            for (int g = 0; g < c.standardCosts().size() && g < groups.size(); g++) {
                Long cost = c.standardCosts().get(g);
                if (cost != null && (cost < 0 || cost > MAX_COST)) {
                    problems.add(new Problem("cost_" + id + "_" + g, "allocation.error.cost", name, groups.get(g).label()));
                }
            }
        }

        List<AllocationModel.Targeted> targeted = model.targeted();
        if (targeted.size() > MAX_TARGETED) {
            problems.add(new Problem("targeted", "allocation.error.targetedCount", MAX_TARGETED));
        }
        for (int i = 0; i < targeted.size() && i < MAX_TARGETED; i++) {
            AllocationModel.Targeted t = targeted.get(i);
            String field = "targeted" + i + "_";
            String name = in.committeeNames().get(t.orgUnitId());
            if (name == null) {
                problems.add(new Problem(field + "committee", "allocation.error.targetedCommittee"));
            } else if (!inModel.contains(t.orgUnitId())) {
                problems.add(new Problem(field + "committee", "allocation.error.targetedOutside", name));
            }
            if (!years.contains(t.year())) {
                problems.add(new Problem(field + "year", "allocation.error.year", String.valueOf(t.year()),
                        String.valueOf(first), String.valueOf(last)));
            }
            if (t.amount() == 0 || Math.abs(t.amount()) > MAX_AMOUNT) {
                problems.add(new Problem(field + "amount", "allocation.error.amount"));
            }
            if (t.motivation() == null || t.motivation().isBlank() || t.motivation().strip().length() > MAX_MOTIVATION) {
                problems.add(new Problem(field + "motivation", "allocation.error.motivation", MAX_MOTIVATION));
            }
        }
        return problems;
    }

    private static void checkShare(BigDecimal share, String field, List<Problem> problems) {
        if (share == null || share.signum() < 0 || share.compareTo(SHARE_MAX) > 0 || decimals(share) > 2) {
            problems.add(new Problem(field, "allocation.error.share"));
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
