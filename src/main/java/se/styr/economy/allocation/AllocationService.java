package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
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
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/**
 * A budget version's resource allocation model: kept per version, computed on every read, previewed without saving,
 * and applied to the version's operating budget. The model stays with its version: a decided version's model is
 * frozen with it, and a revision starts from a copy of the model it was revised from, stored when first saved.
 */
@Service
public class AllocationService {

    static final String AUDIT_TYPE = "RESURSFORDELNING";

    /**
     * A budget version's model as the page and the API show it.
     *
     * @param version     the model's version for optimistic locking; 0 while it is not saved
     * @param copiedFrom  the version number of the budget whose model this unsaved one copies, or null
     * @param result      the computed frames, or null while the model is incomplete
     */
    public record View(Budget budget, AllocationModel model, int version, boolean saved, Integer copiedFrom,
                       AllocationResult result, boolean mayEdit) {
    }

    /** What applying the model wrote: frame lines per committee, and the committees without a line in the budget. */
    public record Applied(List<String> written, List<String> withoutLine) {
    }

    private final AllocationRepository repository;
    private final BudgetService budgets;
    private final BudgetFigures figures;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final SwedishFormat sv;

    AllocationService(AllocationRepository repository, BudgetService budgets, BudgetFigures figures, Access access,
                      AuditLog audit, Messages messages, SwedishFormat sv) {
        this.repository = repository;
        this.budgets = budgets;
        this.figures = figures;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.sv = sv;
    }

    /**
     * The municipality's committees, the rows a model can have: those with a line in the budget's operating budget in
     * its order, then the others in the organisation's order.
     */
    public List<OrgUnit> committees(long budgetId) {
        return committees(budgets.data(budgetId));
    }

    private List<OrgUnit> committees(BudgetData data) {
        List<Long> lines = new ArrayList<>(BudgetCalculator.committeeUnits(data));
        return budgets.committees().stream()
                .sorted(Comparator.comparingInt(u -> lines.contains(u.id()) ? lines.indexOf(u.id()) : lines.size()))
                .toList();
    }

    public View view(long budgetId) {
        BudgetData data = budgets.data(budgetId);
        Budget budget = data.budget();
        Optional<AllocationRepository.Stored> stored = repository.find(budgetId);
        AllocationModel model;
        Integer copiedFrom = null;
        if (stored.isPresent()) {
            model = stored.get().model();
        } else {
            Optional<AllocationRepository.Stored> earlier = repository.revisedFrom(budgetId).flatMap(repository::find);
            if (earlier.isPresent()) {
                model = earlier.get().model();
                copiedFrom = budgets.budget(earlier.get().budgetId()).versionNo();
            } else {
                model = empty(data);
            }
        }
        model = ordered(data, model);
        AllocationInput in = input(model, data);
        AllocationResult result = AllocationCalculator.check(in).isEmpty() ? AllocationCalculator.compute(in) : null;
        return new View(budget, model, stored.map(AllocationRepository.Stored::version).orElse(0), stored.isPresent(),
                copiedFrom, result, mayEdit(budget));
    }

    /** The frames the model gives, computed without saving anything; bad input is refused as on save. */
    public AllocationResult preview(long budgetId, AllocationModel model) {
        BudgetData data = budgets.data(budgetId);
        AllocationInput in = input(ordered(data, model), data);
        new Problems().addAll(AllocationCalculator.check(in)).throwIfAny();
        return AllocationCalculator.compute(in);
    }

    /** What is wrong with a model for this budget version (nothing is computed or saved). */
    public List<ValidationException.Problem> problems(long budgetId, AllocationModel model) {
        BudgetData data = budgets.data(budgetId);
        return AllocationCalculator.check(input(ordered(data, model), data));
    }

    /** Saves the model of a draft budget version; {@code version} is the one read, 0 for a model not saved before. */
    @Transactional
    public View save(long budgetId, int version, AllocationModel model) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        BudgetData data = budgets.data(budgetId);
        Budget budget = data.budget();
        if (budget.decided()) {
            throw ValidationException.of("version", "allocation.error.decided", budget.label());
        }
        AllocationModel typed = ordered(data, model);
        new Problems().addAll(AllocationCalculator.check(input(typed, data))).throwIfAny();
        Map<Long, String> names = names();
        Optional<AllocationRepository.Stored> stored = repository.find(budgetId);
        if (stored.isEmpty()) {
            if (version != 0) {
                throw new ConflictException("Resursfördelningsmodellen", budgetId);
            }
            long id;
            try {
                id = repository.insert(budgetId, typed);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("Resursfördelningsmodellen", budgetId);
            }
            audit.record(budget.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD,
                    messages.text("allocation.audit.created", budget.label()), null, describe(typed, names));
        } else {
            long id = stored.get().id();
            if (!repository.touch(id, version)) {
                throw new ConflictException("Resursfördelningsmodellen", id);
            }
            repository.replace(id, typed);
            Map<String, String> before = describe(stored.get().model(), names);
            Map<String, String> after = describe(typed, names);
            Map<String, String> old = new LinkedHashMap<>();
            Map<String, String> changed = new LinkedHashMap<>();
            Set<String> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                if (!Objects.equals(before.get(key), after.get(key))) {
                    old.put(key, before.getOrDefault(key, "–"));
                    changed.put(key, after.getOrDefault(key, "–"));
                }
            }
            if (!changed.isEmpty()) {
                audit.record(budget.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD,
                        messages.text("allocation.audit.changed", budget.label(), String.join(", ", changed.keySet().stream().limit(3).toList())),
                        old, changed);
            }
        }
        return view(budgetId);
    }

    /**
     * Writes the model's frames for the period's years into the draft budget's operating budget. Committees without
     * a line there are reported, not skipped in silence; when none has a line nothing is written.
     *
     * @param version       the model's version that was read
     * @param budgetVersion the budget's version that was read
     */
    @Transactional
    public Applied apply(long budgetId, int version, int budgetVersion) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        Budget budget = budgets.budget(budgetId);
        if (budget.decided()) {
            throw ValidationException.of("version", "allocation.error.applyDecided", budget.label());
        }
        AllocationRepository.Stored stored = repository.find(budgetId)
                .orElseThrow(() -> ValidationException.of("version", "allocation.error.notSaved"));
        if (!repository.touch(stored.id(), version)) {
            throw new ConflictException("Resursfördelningsmodellen", stored.id());
        }
        BudgetData data = budgets.data(budgetId);
        AllocationInput in = input(ordered(data, stored.model()), data);
        new Problems().addAll(AllocationCalculator.check(in)).throwIfAny();
        AllocationResult result = AllocationCalculator.compute(in);

        Map<Long, Map<Integer, Long>> amounts = new LinkedHashMap<>();
        List<String> written = new ArrayList<>();
        List<String> without = new ArrayList<>();
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        for (AllocationResult.CommitteeResult c : result.committees()) {
            Optional<BudgetData.FrameLine> line = data.frames().stream()
                    .filter(f -> f.kind() == FrameKind.NAMND && Objects.equals(f.orgUnitId(), c.orgUnitId())).findFirst();
            if (line.isEmpty()) {
                without.add(c.name());
                continue;
            }
            written.add(c.name());
            Map<Integer, Long> frames = new TreeMap<>();
            for (AllocationResult.Year y : c.years()) {
                frames.put(y.year(), y.frame());
                old.put(c.name() + " " + y.year(), tkr(line.get().amounts().get(y.year())));
                changed.put(c.name() + " " + y.year(), tkr(y.frame()));
            }
            amounts.put(line.get().id(), frames);
        }
        if (amounts.isEmpty()) {
            throw ValidationException.of("version", "allocation.error.noLines", budget.label());
        }
        figures.saveFrames(budgetId, budgetVersion, amounts);
        if (!without.isEmpty()) {
            changed.put(messages.text("allocation.audit.withoutLine"), String.join(", ", without));
        }
        audit.record(budget.municipalityId(), AUDIT_TYPE, stored.id(), AuditLog.Action.ANDRAD,
                messages.text("allocation.audit.applied", budget.label()), old, changed);
        return new Applied(written, without);
    }

    public boolean mayEdit(Budget budget) {
        return !budget.decided() && access.may(Access.Action.MANAGE_BUDGET, null);
    }

    private AllocationInput input(AllocationModel model, BudgetData data) {
        Budget budget = data.budget();
        Map<Long, Map<Integer, Long>> frames = new HashMap<>();
        for (long unit : BudgetCalculator.committeeUnits(data)) {
            if (data.frames().stream().anyMatch(f -> f.kind() == FrameKind.NAMND && Objects.equals(f.orgUnitId(), unit))) {
                Map<Integer, Long> byYear = new HashMap<>();
                budget.years().forEach(y -> byYear.put(y, BudgetCalculator.grant(data, unit, y)));
                frames.put(unit, byYear);
            }
        }
        return new AllocationInput(budget.years(), model, names(), frames);
    }

    private Map<Long, String> names() {
        return budgets.committees().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * The committees in the organisation's order, without rows that hold nothing; unknown committees last, so that
     * {@link AllocationCalculator#check} names them.
     */
    private AllocationModel ordered(BudgetData data, AllocationModel model) {
        List<Long> order = committees(data).stream().map(OrgUnit::id).toList();
        List<AllocationModel.Committee> committees = model.committees().stream()
                .filter(c -> c.inModel() || c.standardCosts().stream().anyMatch(Objects::nonNull) || !order.contains(c.orgUnitId()))
                .sorted(Comparator.comparingInt(c -> order.contains(c.orgUnitId()) ? order.indexOf(c.orgUnitId()) : order.size()))
                .toList();
        return new AllocationModel(model.pkvShare(), model.volumeShare(), model.pkv(), model.ageGroups(), committees, model.targeted());
    }

    /**
     * A first model for a version with none to copy: half the price index, full volume compensation, the age groups
     * of the cost-equalisation system, and as base frames the frames of the year before in the budget that governs it.
     */
    private AllocationModel empty(BudgetData data) {
        Budget budget = data.budget();
        int baseYear = budget.firstYear() - 1;
        BudgetData before = budgets.forYear(baseYear).filter(b -> b.periodId() != budget.periodId())
                .map(b -> budgets.data(b.id())).orElse(null);
        List<AllocationModel.Committee> committees = committees(data).stream()
                .map(u -> new AllocationModel.Committee(u.id(), before == null ? null : BudgetCalculator.grant(before, u.id(), baseYear),
                        BigDecimal.ONE, List.of()))
                .toList();
        List<AllocationModel.AgeGroup> groups = List.of(messages.text("allocation.defaultGroups").split(";")).stream()
                .map(label -> new AllocationModel.AgeGroup(label.strip(), Map.of())).toList();
        return new AllocationModel(BigDecimal.valueOf(50), BigDecimal.valueOf(100), Map.of(), groups, committees, List.of());
    }

    /** The model as "what: value" lines for the audit log. */
    private Map<String, String> describe(AllocationModel m, Map<Long, String> names) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(messages.text("allocation.pkvShare"), percent(m.pkvShare()));
        lines.put(messages.text("allocation.volumeShare"), percent(m.volumeShare()));
        new TreeMap<>(m.pkv()).forEach((year, pkv) -> lines.put(messages.text("allocation.audit.pkv", String.valueOf(year)), percent(pkv)));
        for (AllocationModel.AgeGroup g : m.ageGroups()) {
            new TreeMap<>(g.persons()).forEach((year, persons) -> lines.put(
                    messages.text("allocation.audit.persons", g.label().strip(), String.valueOf(year)), sv.number(BigDecimal.valueOf(persons), 0)));
        }
        for (AllocationModel.Committee c : m.committees()) {
            String name = names.getOrDefault(c.orgUnitId(), String.valueOf(c.orgUnitId()));
            lines.put(messages.text("allocation.audit.base", name), tkr(c.baseFrame()));
            lines.put(messages.text("allocation.audit.buffer", name), percent(c.bufferPercent()));
            for (int g = 0; g < c.standardCosts().size() && g < m.ageGroups().size(); g++) {
                if (c.standardCosts().get(g) != null) {
                    lines.put(messages.text("allocation.audit.cost", name, m.ageGroups().get(g).label().strip()),
                            sv.number(BigDecimal.valueOf(c.standardCosts().get(g)), 0) + " kr");
                }
            }
        }
        for (AllocationModel.Targeted t : m.targeted()) {
            String key = messages.text(t.permanent() ? "allocation.audit.permanent" : "allocation.audit.temporary",
                    names.getOrDefault(t.orgUnitId(), String.valueOf(t.orgUnitId())), String.valueOf(t.year()), t.motivation().strip());
            lines.merge(key, tkr(t.amount()), (a, b) -> a + " + " + b);
        }
        return lines;
    }

    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor) + " tkr";
    }

    private String percent(BigDecimal value) {
        return value == null ? "–" : sv.number(value, 2) + " %";
    }
}
