package se.styr.economy.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.organisation.UnitTree;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/**
 * The municipality's budget: its versions, every derived line computed, creation, tax rate, decision and revision. A
 * decided version is frozen; revising it starts the next version as a draft, and the decided one stays as it was.
 * The typed figures are saved by {@link BudgetFigures}, a table's cells by {@link BudgetCells}.
 */
@Service
public class BudgetService {

    public static final String AUDIT_TYPE = "BUDGET";

    private final BudgetRepository repository;
    private final Organisation organisation;
    private final UnitTree units;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;

    BudgetService(BudgetRepository repository, Organisation organisation, UnitTree units, Access access, AuditLog audit,
                  Messages messages) {
        this.repository = repository;
        this.organisation = organisation;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    /** Every version of every budget of the municipality, newest period and version first. */
    public List<Budget> budgets() {
        Map<Long, PlanPeriod> periods = organisation.periods(access.municipalityId()).stream()
                .collect(Collectors.toMap(PlanPeriod::id, p -> p));
        return repository.all(access.municipalityId()).stream().map(r -> r.in(periods.get(r.periodId())))
                .sorted(newestFirst()).toList();
    }

    /** One page of the versions (the API's list), filtered, newest period and version first; paged in SQL. */
    public se.styr.platform.Paging.Page<Budget> budgets(Long periodId, Integer year, BudgetState state,
                                                       se.styr.platform.Paging paging) {
        Map<Long, PlanPeriod> periods = organisation.periods(access.municipalityId()).stream()
                .collect(Collectors.toMap(PlanPeriod::id, p -> p));
        Problems problems = new Problems();
        problems.check(periodId == null || periods.containsKey(periodId), "period", "validering.period.saknas");
        problems.check(year == null || (year >= 1990 && year <= 2100), "year", "validering.ar.utanfor", "1990", "2100");
        problems.throwIfAny();
        se.styr.platform.Paging.Page<BudgetRepository.Row> page = repository.page(access.municipalityId(), periodId, year, state, paging);
        return paging.of(page.total(), page.items().stream().map(r -> r.in(periods.get(r.periodId()))).toList());
    }

    public Budget budget(long id) {
        return repository.find(id).filter(b -> b.municipalityId() == access.municipalityId())
                .map(r -> r.in(organisation.findPeriod(r.periodId()).orElseThrow()))
                .orElseThrow(() -> new NotFoundException("Budgeten", id));
    }

    /** The latest version of the budget for a plan period. */
    public Optional<Budget> current(long periodId) {
        return budgets().stream().filter(b -> b.periodId() == periodId).findFirst();
    }

    /**
     * The budget that governs a year: the latest version of the newest plan period that contains it, preferring a
     * decided version over a later draft. An illustrative budget governs no year.
     */
    public Optional<Budget> forYear(int year) {
        List<Budget> candidates = budgets().stream()
                .filter(b -> !b.illustrative() && b.firstYear() <= year && year <= b.lastYear()).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        long period = candidates.get(0).periodId();
        List<Budget> ofPeriod = candidates.stream().filter(b -> b.periodId() == period).toList();
        return ofPeriod.stream().filter(Budget::decided).findFirst().or(() -> Optional.of(ofPeriod.get(0)));
    }

    public BudgetData data(long budgetId) {
        return withLabels(budget(budgetId));
    }

    /**
     * A decided version read without a signed-in user (the public pages and open data): empty for a draft, an
     * illustrative budget or an unknown id, so nothing undecided can be shown.
     */
    Optional<ComputedBudget> decidedForPublic(long budgetId) {
        return repository.find(budgetId).filter(r -> r.state() == BudgetState.BESLUTAD)
                .map(r -> r.in(organisation.findPeriod(r.periodId()).orElseThrow())).filter(b -> !b.illustrative())
                .map(b -> BudgetCalculator.compute(withLabels(b), messages::text));
    }

    private BudgetData withLabels(Budget budget) {
        BudgetData data = repository.data(budget, Map.of());
        return new BudgetData(data.budget(), data.statement(), data.frames(), data.investments(), data.committees(),
                data.printed(), unitLabels(data));
    }

    public ComputedBudget computed(long budgetId) {
        return BudgetCalculator.compute(data(budgetId), messages::text);
    }

    /** The kinds of body that have a budget of their own. */
    public static final Set<OrgUnitType> COMMITTEE_TYPES = Set.of(OrgUnitType.NAMND, OrgUnitType.KOMMUNSTYRELSE);

    /** The committees and other bodies a budget line or a detail budget can belong to. */
    public List<OrgUnit> committees() {
        return organisation.units(access.municipalityId(), COMMITTEE_TYPES);
    }

    /** The names of the units the budget's lines and detail budgets name, read by id (not the whole tree). */
    private Map<Long, String> unitLabels(BudgetData data) {
        Set<Long> ids = new java.util.HashSet<>(data.committees().keySet());
        data.frames().stream().map(BudgetData.FrameLine::orgUnitId).filter(java.util.Objects::nonNull).forEach(ids::add);
        data.investments().stream().map(BudgetData.InvestmentLine::orgUnitId).filter(java.util.Objects::nonNull).forEach(ids::add);
        data.printed().stream().map(BudgetData.Printed::orgUnitId).filter(java.util.Objects::nonNull).forEach(ids::add);
        return units.byIds(ids).values().stream().sorted(Comparator.comparingInt(OrgUnit::position).thenComparing(OrgUnit::name))
                .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a, LinkedHashMap::new));
    }

    /** A new, empty draft for a plan period, with a grant line for each committee. */
    @Transactional
    public Budget create(long periodId) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        PlanPeriod period = organisation.findPeriod(periodId).filter(p -> p.municipalityId() == access.municipalityId())
                .orElseThrow(() -> ValidationException.of("periodId", "economy.error.period"));
        if (current(periodId).isPresent()) {
            throw ValidationException.of("periodId", "economy.error.budgetExists", period.name());
        }
        long id = repository.insert(access.municipalityId(), periodId, 1, null, null);
        int position = 0;
        for (OrgUnit unit : committees()) {
            repository.insertFrameLine(id, unit.id(), unit.name(), FrameKind.NAMND, ++position);
        }
        Budget budget = budget(id);
        audit.record(budget.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Budget skapad: " + budget.label(),
                null, Map.of("period", period.name()));
        return budget;
    }

    /**
     * A new draft for a later plan period that starts from a decided budget: its tax rate, lines and the figures of
     * the years both periods cover (the years only the new period has are left to be typed). The frames are not
     * recomputed here: the resource allocation model does that ({@code economy.allocation.NextBudget}).
     */
    @Transactional
    public Budget createFrom(long periodId, long sourceId) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        Budget source = budget(sourceId);
        PlanPeriod period = organisation.findPeriod(periodId).filter(p -> p.municipalityId() == access.municipalityId())
                .orElseThrow(() -> ValidationException.of("periodId", "economy.error.period"));
        Problems problems = new Problems();
        problems.check(source.decided(), "source", "economy.error.sourceNotDecided", source.label());
        problems.check(!period.illustrative() && period.firstYear() > source.firstYear()
                && period.firstYear() <= source.lastYear() + 1, "periodId", "economy.error.nextPeriod", period.name(), source.periodName());
        problems.check(current(periodId).isEmpty(), "periodId", "economy.error.budgetExists", period.name());
        problems.throwIfAny();
        long id;
        try {
            id = repository.insert(access.municipalityId(), periodId, 1, source.taxRate(), null);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("Budgeten", periodId);
        }
        Budget budget = budget(id);
        repository.copyContents(data(sourceId), id, budget);
        audit.record(budget.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD,
                "Budget skapad från " + source.label() + ": " + budget.label(), null,
                Map.of("period", period.name(), "från", source.label()));
        return budget(id);
    }

    @Transactional
    public void setTaxRate(long budgetId, int version, BigDecimal rate) {
        Budget budget = editable(budgetId, null);
        if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(40)) > 0 || rate.scale() > 2) {
            throw ValidationException.of("taxRate", "economy.error.taxRate");
        }
        lock(budget, version);
        repository.setTaxRate(budgetId, rate);
        record(budget, "Skattesats ändrad", Map.of("skattesats", String.valueOf(budget.taxRate())), Map.of("skattesats", rate.toPlainString()));
    }

    /** KF's decision: the version is frozen from now on. */
    @Transactional
    public void decide(long budgetId, int version, LocalDate on, String paragraph) {
        Budget budget = editable(budgetId, null);
        Problems problems = new Problems();
        if (on == null) {
            problems.add("decidedOn", "economy.error.decidedOn");
        }
        if (paragraph == null || paragraph.isBlank() || paragraph.length() > 50) {
            problems.add("paragraph", "economy.error.paragraph");
        }
        if (repository.readyForDecision(budgetId) != null) {
            throw new ConflictException(AUDIT_TYPE, budgetId, "economy.error.inMinutes");
        }
        problems.throwIfAny();
        lock(budget, version);
        repository.decide(budgetId, on, paragraph.strip(), access.current().username());
        audit.record(budget.municipalityId(), AUDIT_TYPE, budgetId, AuditLog.Action.ANDRAD, "Budget beslutad: " + budget.label(),
                Map.of("status", budget.state().name()), Map.of("status", BudgetState.BESLUTAD.name(), "datum", on.toString(),
                        "paragraf", paragraph.strip()));
    }

    /** Starts the next version of a decided budget as a draft with the same figures; the decided one stays frozen. */
    @Transactional
    public Budget revise(long budgetId, int version) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        Budget budget = budget(budgetId);
        Budget latest = current(budget.periodId()).orElseThrow();
        if (!budget.decided() || latest.id() != budget.id()) {
            throw ValidationException.of("version", "economy.error.reviseLatest");
        }
        lock(budget, version);
        long id = repository.insert(budget.municipalityId(), budget.periodId(), budget.versionNo() + 1, budget.taxRate(), budgetId);
        repository.copyContents(data(budgetId), id);
        Budget revised = budget(id);
        audit.record(budget.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Ny budgetversion: " + revised.label(),
                Map.of("version", budget.versionNo()), Map.of("version", revised.versionNo()));
        return revised;
    }

    /** Stores a figure as printed in the decided document (demo data and imports), to show rounding differences. */
    @Transactional
    public void recordPrinted(long budgetId, BudgetData.Printed printed) {
        editable(budgetId, null);
        repository.insertPrinted(budgetId, printed);
    }

    public long municipalityId() {
        return access.municipalityId();
    }

    /** Whether the current user may create, decide and revise the municipality's budgets. */
    public boolean mayManageMunicipalBudget() {
        return access.may(Access.Action.MANAGE_BUDGET, null);
    }

    /** Refuses (403) someone who may not decide or revise the municipality's budgets, before their form is read. */
    public void requireMayManageMunicipalBudget() {
        access.require(Access.Action.MANAGE_BUDGET, null);
    }

    /** Whether the current user may change this budget (null: the municipal tables; a unit: its detail budget). */
    public boolean mayEdit(Budget budget, Long unitId) {
        return !budget.decided() && access.may(Access.Action.MANAGE_BUDGET, unitId);
    }

    /**
     * The version, once the user is known to may change it; a decided version is frozen: refused with 409 and the
     * Swedish reason, as frozen minutes are.
     */
    Budget editable(long budgetId, Long unitId) {
        access.require(Access.Action.MANAGE_BUDGET, unitId);
        Budget budget = budget(budgetId);
        if (budget.decided()) {
            throw new ConflictException(AUDIT_TYPE, budgetId, "economy.error.frozen");
        }
        return budget;
    }

    /** Optimistic locking: the version as the editor read it, or a conflict. */
    void lock(Budget budget, int version) {
        if (!repository.touch(budget.id(), version)) {
            throw new ConflictException("Budgeten", budget.id());
        }
    }

    /** One audit entry for a change of the budget; nothing when {@code changed} is empty. */
    void record(Budget budget, String summary, Map<String, String> old, Map<String, String> changed) {
        if (changed != null && changed.isEmpty()) {
            return;
        }
        String detail = changed == null ? "" : changed.keySet().stream().limit(3).collect(Collectors.joining(", "));
        audit.record(budget.municipalityId(), AUDIT_TYPE, budget.id(), AuditLog.Action.ANDRAD,
                summary + (detail.isEmpty() ? "" : ": " + detail), old, changed);
    }

    /** Real periods before illustrative ones, the newest period first, and in a period the latest version first. */
    private static Comparator<Budget> newestFirst() {
        return Comparator.comparing(Budget::illustrative)
                .thenComparing(Comparator.comparingInt(Budget::firstYear).reversed())
                .thenComparing(Comparator.comparingLong(Budget::periodId).reversed())
                .thenComparing(Comparator.comparingInt(Budget::versionNo).reversed());
    }
}
