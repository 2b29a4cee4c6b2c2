package se.styr.economy.goals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.StatementLine;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.ComputedBudget;
import se.styr.economy.followup.CommitteeForecast;
import se.styr.economy.followup.EconomicFollowupService;
import se.styr.economy.goals.FinancialGoalRules.Evaluation;
import se.styr.economy.goals.FinancialGoalRules.YearFigures;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/**
 * Goals for sound finances, evaluated for the budget, the latest forecast and the annual accounts of each year of a
 * plan period. The forecast is the budget with the municipality's own forecast lines (taxes, grants, financial items)
 * and the committees' forecast deviations; the outcome is the annual accounts as typed.
 */
@Service
public class FinancialGoalService {

    static final String AUDIT_TYPE = "FINANSIELLT_MAL";
    static final String AUDIT_FIGURES = "KOMMUNENS_PROGNOS";

    /**
     * Figures the budget's tables cannot give and that are entered for the budget's years: the tax-financed share of
     * the depreciation and the municipal group's equity and total assets.
     */
    static final List<String> BUDGET_LINES = List.of(FinancialGoalRepository.TAX_FINANCED_DEPRECIATION,
            FinancialGoalRepository.GROUP_EQUITY, FinancialGoalRepository.GROUP_ASSETS);

    /** Lines the municipality forecasts itself; the committees' net costs come from their follow-up. */
    static final List<String> FORECAST_LINES = List.of(StatementLine.SKATTEINTAKTER.name(), StatementLine.GENERELLA_STATSBIDRAG.name(),
            StatementLine.AVSKRIVNINGAR.name(), StatementLine.FINANSIELLA_INTAKTER.name(), StatementLine.FINANSIELLA_KOSTNADER.name(),
            FinancialGoalRepository.TAX_FINANCED_INVESTMENTS, FinancialGoalRepository.TAX_FINANCED_DEPRECIATION,
            FinancialGoalRepository.GROUP_EQUITY, FinancialGoalRepository.GROUP_ASSETS);

    /** Lines of the annual accounts that the goals need. */
    static final List<String> OUTCOME_LINES = List.of(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR.name(),
            StatementLine.AVSKRIVNINGAR.name(), StatementLine.SKATTEINTAKTER.name(), StatementLine.GENERELLA_STATSBIDRAG.name(),
            StatementLine.FINANSIELLA_INTAKTER.name(), StatementLine.FINANSIELLA_KOSTNADER.name(),
            StatementLine.ANLAGGNINGSTILLGANGAR.name(), StatementLine.OMSATTNINGSTILLGANGAR.name(), StatementLine.EGET_KAPITAL.name(),
            StatementLine.AVSATTNINGAR.name(), StatementLine.LANGFRISTIGA_SKULDER.name(), StatementLine.KORTFRISTIGA_SKULDER.name(),
            FinancialGoalRepository.TAX_FINANCED_INVESTMENTS, FinancialGoalRepository.TAX_FINANCED_DEPRECIATION,
            FinancialGoalRepository.GROUP_EQUITY, FinancialGoalRepository.GROUP_ASSETS);

    private final FinancialGoalRepository repository;
    private final BudgetService budgets;
    private final EconomicFollowupService followups;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;

    FinancialGoalService(FinancialGoalRepository repository, BudgetService budgets, EconomicFollowupService followups,
                         Organisation organisation, Access access, AuditLog audit) {
        this.repository = repository;
        this.budgets = budgets;
        this.followups = followups;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    public List<FinancialGoal> goals(long periodId) {
        return repository.goals(access.municipalityId(), period(periodId).id());
    }

    public FinancialGoal goal(long id) {
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Målet", id));
    }

    public boolean mayEdit() {
        return access.may(Access.Action.MANAGE_BUDGET, null);
    }

    @Transactional
    public long add(long periodId, FinancialGoalKind kind, String title, BigDecimal threshold, String description) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        PlanPeriod period = period(periodId);
        validate(kind, title, threshold, description);
        int position = goals(periodId).stream().mapToInt(FinancialGoal::position).max().orElse(0) + 1;
        long id = repository.insert(access.municipalityId(), period.id(), position, kind, title.strip(), threshold, blankToNull(description));
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Finansiellt mål: " + title.strip(), null,
                snapshot(goal(id)));
        return id;
    }

    @Transactional
    public void update(long id, int version, FinancialGoalKind kind, String title, BigDecimal threshold, String description) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        FinancialGoal before = goal(id);
        validate(kind, title, threshold, description);
        if (!repository.update(id, version, kind, title.strip(), threshold, blankToNull(description))) {
            throw new ConflictException("Målet", id);
        }
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, "Finansiellt mål ändrat: " + title.strip(),
                snapshot(before), snapshot(goal(id)));
    }

    @Transactional
    public void remove(long id, int version) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        FinancialGoal before = goal(id);
        if (!repository.delete(id, version)) {
            throw new ConflictException("Målet", id);
        }
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.BORTTAGEN, "Finansiellt mål borttaget: " + before.title(),
                snapshot(before), null);
    }

    private static void validate(FinancialGoalKind kind, String title, BigDecimal threshold, String description) {
        Problems problems = new Problems();
        problems.check(kind != null, "kind", "economy.goal.error.kind");
        problems.check(title != null && !title.isBlank() && title.strip().length() <= 500, "title", "economy.goal.error.title");
        problems.check(description == null || description.length() <= 2000, "description", "economy.goal.error.description");
        if (kind != null && kind.needsThreshold()) {
            problems.check(threshold != null, "threshold", "economy.goal.error.threshold");
            if (threshold != null && kind == FinancialGoalKind.LANGFRISTIGA_SKULDER) {
                problems.check(threshold.signum() > 0, "threshold", "economy.goal.error.ceiling");
            } else if (threshold != null) {
                problems.check(threshold.abs().compareTo(BigDecimal.valueOf(1000)) <= 0, "threshold", "economy.goal.error.percent");
            }
        }
        problems.throwIfAny();
    }

    private static Map<String, Object> snapshot(FinancialGoal goal) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("typ", goal.kind().name());
        values.put("titel", goal.title());
        values.put("gräns", goal.threshold() == null ? null : goal.threshold().toPlainString());
        values.put("beskrivning", goal.description());
        return values;
    }

    /** Each goal's evaluation per year of the period, on budget, forecast (as of the month) and outcome. */
    public record Overview(PlanPeriod period, int month, List<FinancialGoal> goals, List<YearView> years) {
    }

    /**
     * @param committeeForecasts the committees' latest forecasts the year's forecast is built on, with their names
     */
    public record YearView(int year, Map<FinancialBasis, Map<Long, Evaluation>> evaluations, Map<FinancialBasis, Summary> summaries,
                           Map<FinancialBasis, Boolean> hasFigures, Map<String, CommitteeForecast> committeeForecasts) {

        public Evaluation at(FinancialBasis basis, long goalId) {
            return evaluations.get(basis).get(goalId);
        }
    }

    /**
     * How many goals are met, and how many could be evaluated; sound finances need a majority of all the goals (seed
     * 004), so a goal without figures counts as not met.
     */
    public record Summary(int met, int evaluated, int goals) {
        public boolean majority() {
            return met * 2 > goals;
        }
    }

    public Overview overview(long periodId, int month) {
        PlanPeriod period = period(periodId);
        if (month < 1 || month > 12) {
            throw ValidationException.of("month", "economy.goal.error.month");
        }
        List<FinancialGoal> goals = goals(periodId);
        List<YearView> years = new ArrayList<>();
        Map<Long, ComputedBudget> cache = new java.util.HashMap<>();
        for (int year = period.firstYear(); year <= period.lastYear(); year++) {
            Map<FinancialBasis, Map<Long, Evaluation>> evaluations = new EnumMap<>(FinancialBasis.class);
            Map<FinancialBasis, Summary> summaries = new EnumMap<>(FinancialBasis.class);
            Map<FinancialBasis, Boolean> hasFigures = new EnumMap<>(FinancialBasis.class);
            for (FinancialBasis basis : FinancialBasis.values()) {
                Optional<YearFigures> now = figures(basis, year, month, cache);
                Optional<YearFigures> before = previousYear(basis, year - 1, cache);
                Map<Long, Evaluation> byGoal = new LinkedHashMap<>();
                goals.forEach(g -> byGoal.put(g.id(), FinancialGoalRules.evaluate(g, now.orElse(null), before.orElse(null))));
                evaluations.put(basis, byGoal);
                int evaluated = (int) byGoal.values().stream().filter(e -> e.status() != FinancialGoalRules.Status.UNDERLAG_SAKNAS).count();
                int met = (int) byGoal.values().stream().filter(Evaluation::met).count();
                summaries.put(basis, new Summary(met, evaluated, goals.size()));
                hasFigures.put(basis, now.isPresent());
            }
            Map<String, CommitteeForecast> named = new LinkedHashMap<>();
            Map<Long, String> names = budgets.committees().stream()
                    .collect(java.util.stream.Collectors.toMap(se.styr.organisation.OrgUnit::id, se.styr.organisation.OrgUnit::name));
            followups.committeeForecasts(year, month).forEach(f -> named.put(names.getOrDefault(f.orgUnitId(), "?"), f));
            years.add(new YearView(year, evaluations, summaries, hasFigures, named));
        }
        return new Overview(period, month, goals, years);
    }

    /**
     * A goal of the period evaluated on given figures (e.g. a party's proposal): whether it could be evaluated, whether
     * it is met, and the numbers compared (a percentage, or kronor for a ceiling, when {@code percent} is false).
     */
    public record Check(FinancialGoal goal, int year, boolean evaluated, boolean met, BigDecimal value, BigDecimal reference,
                        boolean percent) {
    }

    /**
     * The period's goals evaluated on the given statement lines per year and tax-financed investments per year; a goal
     * about change compares the first year with the budget governing the year before. An illustrative period's figures
     * are another series than the municipality's budgets, so there the first year's goals about change are not
     * evaluated.
     */
    public List<Check> evaluate(long periodId, Map<Integer, Map<StatementLine, Long>> lines, Map<Integer, Long> taxFinancedInvestments) {
        PlanPeriod period = period(periodId);
        List<FinancialGoal> goals = repository.goals(access.municipalityId(), period.id());
        Map<Long, ComputedBudget> cache = new java.util.HashMap<>();
        List<Check> checks = new ArrayList<>();
        for (int year : new java.util.TreeSet<>(lines.keySet())) {
            YearFigures now = withEntered(new YearFigures(year, lines.get(year), taxFinancedInvestments.get(year)), entered(period, year));
            YearFigures before = lines.containsKey(year - 1)
                    ? withEntered(new YearFigures(year - 1, lines.get(year - 1), taxFinancedInvestments.get(year - 1)), entered(period, year - 1))
                    : period.illustrative() ? null : budgetFigures(year - 1, cache).orElse(null);
            for (FinancialGoal goal : goals) {
                Evaluation e = FinancialGoalRules.evaluate(goal, now, before);
                checks.add(new Check(goal, year, e.status() != FinancialGoalRules.Status.UNDERLAG_SAKNAS, e.met(), e.value(),
                        e.reference(), e.percent()));
            }
        }
        return checks;
    }

    /**
     * The figures entered beside the budget for a year (tax-financed depreciation, the group's balance); none for an
     * illustrative period, whose years are another series than the municipality's.
     */
    private Map<String, Long> entered(PlanPeriod period, int year) {
        return period.illustrative() ? Map.of() : repository.figures(access.municipalityId(), FinancialBasis.BUDGET, year, 12);
    }

    /** Last year as a goal about change compares with: the budget for the budget, else the outcome if there is one. */
    private Optional<YearFigures> previousYear(FinancialBasis basis, int year, Map<Long, ComputedBudget> cache) {
        Optional<YearFigures> budget = figures(FinancialBasis.BUDGET, year, 12, cache);
        return basis == FinancialBasis.BUDGET ? budget : figures(FinancialBasis.UTFALL, year, 12, cache).or(() -> budget);
    }

    /** One year's figures on a basis; empty when there is nothing to evaluate. */
    Optional<YearFigures> figures(FinancialBasis basis, int year, int month, Map<Long, ComputedBudget> cache) {
        return switch (basis) {
            case BUDGET -> budgetFigures(year, cache);
            case PROGNOS -> budgetFigures(year, cache).map(budget -> forecast(budget, month));
            case UTFALL -> {
                Map<String, Long> typed = repository.figures(access.municipalityId(), FinancialBasis.UTFALL, year, 12);
                if (typed.isEmpty()) {
                    yield Optional.empty();
                }
                yield Optional.of(withEntered(new YearFigures(year,
                        BudgetCalculator.completeYear(FinancialGoalRepository.statementLines(typed), null),
                        typed.get(FinancialGoalRepository.TAX_FINANCED_INVESTMENTS)), typed));
            }
        };
    }

    private Optional<YearFigures> budgetFigures(int year, Map<Long, ComputedBudget> cache) {
        return budgets.forYear(year).map(b -> {
            ComputedBudget computed = cache.computeIfAbsent(b.id(), budgets::computed);
            Map<StatementLine, Long> lines = new EnumMap<>(StatementLine.class);
            computed.lines().forEach((line, years) -> {
                if (years.get(year) != null) {
                    lines.put(line, years.get(year));
                }
            });
            return withEntered(new YearFigures(year, lines, computed.taxFinancedInvestments().get(year)),
                    repository.figures(access.municipalityId(), FinancialBasis.BUDGET, year, 12));
        });
    }

    /** The figures with those entered beside the statements (tax-financed depreciation, the group's balance), where entered. */
    private static YearFigures withEntered(YearFigures figures, Map<String, Long> entered) {
        return new YearFigures(figures.year(), figures.lines(), figures.taxFinancedInvestments(),
                entered.getOrDefault(FinancialGoalRepository.TAX_FINANCED_DEPRECIATION, figures.taxFinancedDepreciation()),
                entered.getOrDefault(FinancialGoalRepository.GROUP_EQUITY, figures.groupEquity()),
                entered.getOrDefault(FinancialGoalRepository.GROUP_ASSETS, figures.groupAssets()));
    }

    /**
     * The budget's year with the municipality's latest forecast lines up to the month and the committees' latest
     * forecast deviations (a committee's forecast net cost minus its budgeted one moves the municipality's net cost).
     */
    private YearFigures forecast(YearFigures budget, int month) {
        Optional<Integer> latest = repository.latestMonth(access.municipalityId(), FinancialBasis.PROGNOS, budget.year(), month);
        Map<String, Long> typed = latest.map(m -> repository.figures(access.municipalityId(), FinancialBasis.PROGNOS, budget.year(), m))
                .orElse(Map.of());
        Map<StatementLine, Long> lines = new EnumMap<>(StatementLine.class);
        budget.lines().forEach((line, amount) -> {
            if (!line.derived() || line == StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR || line == StatementLine.INVESTERINGSVERKSAMHET) {
                lines.put(line, amount);
            }
        });
        lines.putAll(FinancialGoalRepository.statementLines(typed));
        long deviation = followups.committeeForecasts(budget.year(), month).stream()
                .mapToLong(f -> f.forecastNetCost() - f.budgetNetCost()).sum();
        lines.computeIfPresent(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR, (l, amount) -> amount + deviation);
        Long equityBefore = budget.line(StatementLine.EGET_KAPITAL) == null || budget.line(StatementLine.ARETS_RESULTAT) == null ? null
                : budget.line(StatementLine.EGET_KAPITAL) - budget.line(StatementLine.ARETS_RESULTAT);
        Long investments = typed.getOrDefault(FinancialGoalRepository.TAX_FINANCED_INVESTMENTS, budget.taxFinancedInvestments());
        return withEntered(new YearFigures(budget.year(), BudgetCalculator.completeYear(lines, equityBefore), investments,
                budget.taxFinancedDepreciation(), budget.groupEquity(), budget.groupAssets()), typed);
    }

    /** The typed figures of a basis, year and month (budget and outcome: month 12), by line. */
    public Map<String, Long> typedFigures(FinancialBasis basis, int year, int month) {
        return repository.figures(access.municipalityId(), basis, year, basis == FinancialBasis.PROGNOS ? month : 12);
    }

    public static List<String> linesOf(FinancialBasis basis) {
        return switch (basis) {
            case BUDGET -> BUDGET_LINES;
            case PROGNOS -> FORECAST_LINES;
            case UTFALL -> OUTCOME_LINES;
        };
    }

    /**
     * Saves the municipality's forecast (for a month) or outcome (the annual accounts) lines. {@code read} holds the
     * figures the form showed: if someone changed them since, the save is a conflict.
     */
    @Transactional
    public void saveFigures(FinancialBasis basis, int year, int month, Map<String, Long> values, Map<String, Long> read) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        Problems problems = new Problems();
        problems.check(basis != null, "basis", "economy.goal.error.basis");
        problems.check(month >= 1 && month <= 12, "month", "economy.goal.error.month");
        problems.check(year >= 1990 && year <= 2100, "year", "economy.goal.error.year");
        problems.throwIfAny();
        int m = basis == FinancialBasis.PROGNOS ? month : 12;
        List<String> allowed = linesOf(basis);
        values.forEach((line, amount) -> {
            if (!allowed.contains(line)) {
                problems.add(line, "economy.error.cell", line);
            } else if (amount != null && (line.equals(StatementLine.AVSKRIVNINGAR.name()) || line.equals(StatementLine.FINANSIELLA_KOSTNADER.name())
                    || line.equals(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR.name())
                    || line.equals(FinancialGoalRepository.TAX_FINANCED_DEPRECIATION)) && amount > 0) {
                problems.add(line, "economy.error.costSign", line);
            } else if (amount != null && line.equals(FinancialGoalRepository.GROUP_ASSETS) && amount <= 0) {
                problems.add(line, "economy.goal.error.groupAssets");
            }
        });
        problems.throwIfAny();
        Map<String, Long> current = repository.figures(access.municipalityId(), basis, year, m);
        Map<String, Long> old = new LinkedHashMap<>();
        Map<String, Long> changed = new LinkedHashMap<>();
        values.forEach((line, amount) -> {
            if (read != null && !Objects.equals(read.get(line), current.get(line))) {
                throw new ConflictException("Kommunens prognos", year);
            }
            if (!Objects.equals(current.get(line), amount)) {
                repository.setFigure(access.municipalityId(), basis, year, m, line, amount);
                old.put(line, current.get(line));
                changed.put(line, amount);
            }
        });
        if (!changed.isEmpty()) {
            audit.record(access.municipalityId(), AUDIT_FIGURES, (long) year, AuditLog.Action.ANDRAD,
                    (basis == FinancialBasis.UTFALL ? "Bokslut " + year : basis == FinancialBasis.BUDGET ? "Budgetens underlag " + year
                            : "Kommunens prognos " + year + "-" + String.format("%02d", m))
                            + ": " + String.join(", ", changed.keySet()), old, changed);
        }
    }

    private PlanPeriod period(long periodId) {
        return organisation.findPeriod(periodId).filter(p -> p.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Planperioden", periodId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
