package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetFigures;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.FrameKind;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Messages;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/**
 * The next budget starts from the last decided one: a draft for a later plan period with the decided budget's lines
 * and figures, and the committees' frames computed by the decided budget's resource allocation model carried one
 * step on (its base frames are the decided frames of the year before the new period, less that year's temporary
 * allocations). What is missing for the new years (PKV, population) is typed; the result is previewed as old frame →
 * new frame per committee before anything is created.
 */
@Service
public class NextBudget {

    /**
     * What is typed for the next budget: the plan period, and PKV and persons per age group (in the model's order)
     * for the years the decided model does not have, or to replace what it has.
     */
    public record Request(Long periodId, Map<Integer, BigDecimal> pkv, List<Map<Integer, Long>> population) {

        public Request {
            pkv = pkv == null ? Map.of() : pkv;
            population = population == null ? List.of() : population;
        }
    }

    /**
     * A committee's frame before and after: {@code oldFrame} the decided frame of the base year, {@code frames} the
     * model's frame per year of the new period, {@code plannedFrames} what the decided budget planned for those years.
     */
    public record Row(long orgUnitId, String name, Long oldFrame, Map<Integer, Long> frames, Map<Integer, Long> plannedFrames,
                      Long change, BigDecimal changePercent, boolean inModel) {
    }

    /**
     * The preview: the decided budget it starts from, the candidate plan periods, the chosen one, the carried model,
     * the computed frames (null while something is missing or wrong) and what is wrong.
     */
    public record Preview(Budget source, List<PlanPeriod> periods, PlanPeriod period, AllocationModel model,
                          AllocationResult result, List<Row> rows, List<ValidationException.Problem> problems, boolean mayCreate) {

        public int baseYear() {
            return period == null ? 0 : period.firstYear() - 1;
        }

        public List<Integer> years() {
            return period == null ? List.of() : java.util.stream.IntStream.rangeClosed(period.firstYear(), period.lastYear()).boxed().toList();
        }

        /** The population years of the new model: the base year and the period's years. */
        public List<Integer> populationYears() {
            return period == null ? List.of() : java.util.stream.IntStream.rangeClosed(baseYear(), period.lastYear()).boxed().toList();
        }
    }

    private final BudgetService budgets;
    private final BudgetFigures figures;
    private final AllocationService allocations;
    private final AllocationRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final SwedishFormat sv;

    NextBudget(BudgetService budgets, BudgetFigures figures, AllocationService allocations, AllocationRepository repository,
               Organisation organisation, Access access, AuditLog audit, Messages messages, SwedishFormat sv) {
        this.budgets = budgets;
        this.figures = figures;
        this.allocations = allocations;
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.sv = sv;
    }

    /** The last decided budget: the decided version of the newest real plan period that has one. */
    public Optional<Budget> lastDecided() {
        return budgets.budgets().stream().filter(b -> b.decided() && !b.illustrative()).findFirst();
    }

    /** The plan periods a next budget can be made for: later than the decided one, adjoining it, without a budget. */
    List<PlanPeriod> periods(Budget source) {
        List<Long> withBudget = budgets.budgets().stream().map(Budget::periodId).distinct().toList();
        return organisation.periods(access.municipalityId()).stream()
                .filter(p -> !p.illustrative() && p.firstYear() > source.firstYear() && p.firstYear() <= source.lastYear() + 1
                        && !withBudget.contains(p.id()))
                .sorted(Comparator.comparingInt(PlanPeriod::firstYear)).toList();
    }

    /** Everything computed, nothing saved. With no period chosen, the first candidate is shown. */
    public Preview preview(Request in) {
        Budget source = lastDecided().orElseThrow(() -> ValidationException.of("source", "nextBudget.error.noDecided"));
        List<PlanPeriod> periods = periods(source);
        Problems problems = new Problems();
        PlanPeriod period = null;
        if (in.periodId() == null) {
            period = periods.isEmpty() ? null : periods.get(0);
            problems.check(period != null, "periodId", "nextBudget.error.noPeriod", source.periodName());
        } else {
            period = periods.stream().filter(p -> p.id() == in.periodId()).findFirst().orElse(null);
            problems.check(period != null, "periodId", "nextBudget.error.period", source.periodName());
        }
        boolean may = access.may(Access.Action.MANAGE_BUDGET, null);
        if (period == null) {
            return new Preview(source, periods, null, null, null, List.of(), problems.list(), may);
        }
        BudgetData decided = budgets.data(source.id());
        AllocationModel model = carried(source, decided, allocations.view(source.id()).model(), period, in, problems);
        List<Integer> years = java.util.stream.IntStream.rangeClosed(period.firstYear(), period.lastYear()).boxed().toList();
        AllocationInput input = new AllocationInput(years, model, names(), planned(decided, years));
        problems.addAll(AllocationCalculator.check(input));
        AllocationResult result = problems.isEmpty() ? AllocationCalculator.compute(input) : null;
        return new Preview(source, periods, period, model, result, rows(decided, model, result, period), problems.list(), may);
    }

    /**
     * Creates the draft: the decided budget's contents for the new period ({@link BudgetService#createFrom}), the
     * carried model saved with it, and the computed frames written into its operating budget, in one transaction.
     */
    @Transactional
    public Budget create(Request in) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        Preview preview = preview(in);
        new Problems().addAll(preview.problems()).throwIfAny();
        Budget budget = budgets.createFrom(preview.period().id(), preview.source().id());
        long modelId = repository.insert(budget.id(), preview.model());
        BudgetData data = budgets.data(budget.id());
        Map<Long, Map<Integer, Long>> amounts = new LinkedHashMap<>();
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        for (AllocationResult.CommitteeResult c : preview.result().committees()) {
            data.frames().stream().filter(f -> f.kind() == FrameKind.NAMND && Objects.equals(f.orgUnitId(), c.orgUnitId()))
                    .findFirst().ifPresent(line -> {
                        Map<Integer, Long> frames = new TreeMap<>();
                        c.years().forEach(y -> frames.put(y.year(), y.frame()));
                        amounts.put(line.id(), frames);
                    });
        }
        for (Row row : preview.rows()) {
            if (row.inModel()) {
                old.put(row.name() + " " + preview.baseYear(), tkr(row.oldFrame()));
                row.frames().forEach((year, frame) -> changed.put(row.name() + " " + year, tkr(frame)));
            }
        }
        if (!amounts.isEmpty()) {
            figures.saveFrames(budget.id(), budgets.budget(budget.id()).version(), amounts);
        }
        audit.record(budget.municipalityId(), AllocationService.AUDIT_TYPE, modelId, AuditLog.Action.SKAPAD,
                messages.text("nextBudget.audit", budget.label(), preview.source().label()), old, changed);
        return budgets.budget(budget.id());
    }

    /**
     * The decided model carried one step: the same shares, age groups, buffers and standard costs; PKV and persons
     * for the new years as typed (the decided model's where it has them and nothing is typed); as base frames the
     * decided frames of the base year less that year's temporary allocations; the allocations of the new years kept.
     */
    private AllocationModel carried(Budget source, BudgetData decided, AllocationModel from, PlanPeriod period, Request in,
                                    Problems problems) {
        int base = period.firstYear() - 1;
        Map<Integer, BigDecimal> pkv = new TreeMap<>();
        from.pkv().forEach((year, percent) -> {
            if (year >= period.firstYear() && year <= period.lastYear()) {
                pkv.put(year, percent);
            }
        });
        in.pkv().forEach((year, percent) -> {
            if (year < period.firstYear() || year > period.lastYear()) {
                problems.add("pkv_" + year, "nextBudget.error.year", String.valueOf(year), period.name());
            } else if (percent != null) {
                pkv.put(year, percent);
            }
        });
        problems.check(in.population().size() <= from.ageGroups().size(), "population", "nextBudget.error.groups",
                from.ageGroups().size());
        List<AllocationModel.AgeGroup> groups = new ArrayList<>();
        for (int g = 0; g < from.ageGroups().size(); g++) {
            AllocationModel.AgeGroup group = from.ageGroups().get(g);
            Map<Integer, Long> persons = new TreeMap<>();
            group.persons().forEach((year, n) -> {
                if (year >= base && year <= period.lastYear()) {
                    persons.put(year, n);
                }
            });
            if (g < in.population().size() && in.population().get(g) != null) {
                for (Map.Entry<Integer, Long> e : in.population().get(g).entrySet()) {
                    if (e.getKey() < base || e.getKey() > period.lastYear()) {
                        problems.add("group" + g + "_" + e.getKey(), "nextBudget.error.year", String.valueOf(e.getKey()), period.name());
                    } else if (e.getValue() != null) {
                        persons.put(e.getKey(), e.getValue());
                    }
                }
            }
            groups.add(new AllocationModel.AgeGroup(group.label(), persons));
        }
        Map<Long, Long> temporaryInBase = new HashMap<>();
        from.targeted().stream().filter(t -> t.year() == base && !t.permanent())
                .forEach(t -> temporaryInBase.merge(t.orgUnitId(), t.amount(), Long::sum));
        List<AllocationModel.Committee> committees = from.committees().stream().map(c -> {
            Long frame = source.years().contains(base) ? BudgetCalculator.grant(decided, c.orgUnitId(), base) : null;
            Long baseFrame = frame == null ? null : frame - temporaryInBase.getOrDefault(c.orgUnitId(), 0L);
            return new AllocationModel.Committee(c.orgUnitId(), baseFrame, c.bufferPercent(), c.standardCosts());
        }).filter(c -> c.inModel() || c.standardCosts().stream().anyMatch(Objects::nonNull)).toList();
        List<AllocationModel.Targeted> targeted = from.targeted().stream()
                .filter(t -> t.year() >= period.firstYear() && t.year() <= period.lastYear()).toList();
        return new AllocationModel(from.pkvShare(), from.volumeShare(), pkv, groups, committees, targeted);
    }

    /** What the decided budget planned per committee for the new period's years (where it covers them). */
    private static Map<Long, Map<Integer, Long>> planned(BudgetData decided, List<Integer> years) {
        Map<Long, Map<Integer, Long>> frames = new HashMap<>();
        for (long unit : BudgetCalculator.committeeUnits(decided)) {
            Map<Integer, Long> byYear = new HashMap<>();
            years.stream().filter(y -> decided.budget().years().contains(y))
                    .forEach(y -> byYear.put(y, BudgetCalculator.grant(decided, unit, y)));
            frames.put(unit, byYear);
        }
        return frames;
    }

    /** Old frame → new frames per committee with a line in the decided budget or in the model, in the budget's order. */
    private List<Row> rows(BudgetData decided, AllocationModel model, AllocationResult result, PlanPeriod period) {
        int base = period.firstYear() - 1;
        List<Integer> years = java.util.stream.IntStream.rangeClosed(period.firstYear(), period.lastYear()).boxed().toList();
        Map<Long, String> names = names();
        List<Long> units = new ArrayList<>(BudgetCalculator.committeeUnits(decided));
        model.committees().stream().map(AllocationModel.Committee::orgUnitId).filter(u -> !units.contains(u)).forEach(units::add);
        List<Row> rows = new ArrayList<>();
        for (long unit : units) {
            boolean inModel = model.committees().stream().anyMatch(c -> c.orgUnitId() == unit && c.inModel());
            Long old = decided.budget().years().contains(base) ? BudgetCalculator.grant(decided, unit, base) : null;
            Map<Integer, Long> frames = new TreeMap<>();
            Map<Integer, Long> planned = new TreeMap<>();
            for (int y : years) {
                if (decided.budget().years().contains(y)) {
                    Long p = BudgetCalculator.grant(decided, unit, y);
                    if (p != null) {
                        planned.put(y, p);
                    }
                }
            }
            Long change = null;
            BigDecimal percent = null;
            if (inModel && result != null) {
                AllocationResult.CommitteeResult c = result.committee(unit);
                c.years().forEach(y -> frames.put(y.year(), y.frame()));
                if (old != null) {
                    change = frames.get(period.firstYear()) - old;
                    percent = old == 0 ? null : BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(old), 2, java.math.RoundingMode.HALF_UP);
                }
            }
            if (old == null && !inModel) {
                continue;
            }
            rows.add(new Row(unit, names.getOrDefault(unit, String.valueOf(unit)), old, frames, planned, change, percent, inModel));
        }
        return rows;
    }

    private Map<Long, String> names() {
        return budgets.committees().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a, LinkedHashMap::new));
    }

    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor) + " tkr";
    }
}
