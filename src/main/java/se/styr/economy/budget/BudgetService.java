package se.styr.economy.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.economy.StatementLine;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/**
 * The municipality's budget: typed figures per version, every derived line computed. A decided version is frozen;
 * revising it starts the next version as a draft, and the decided one stays as it was.
 */
@Service
public class BudgetService {

    public static final String AUDIT_TYPE = "BUDGET";

    private final BudgetRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final SwedishFormat sv;

    BudgetService(BudgetRepository repository, Organisation organisation, Access access, AuditLog audit, Messages messages,
                  SwedishFormat sv) {
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.sv = sv;
    }

    /** Every version of every budget of the municipality, newest period and version first. */
    public List<Budget> budgets() {
        Map<Long, PlanPeriod> periods = organisation.periods(access.municipalityId()).stream()
                .collect(Collectors.toMap(PlanPeriod::id, p -> p));
        return repository.all(access.municipalityId()).stream().map(r -> r.in(periods.get(r.periodId())))
                .sorted(newestFirst()).toList();
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
        return repository.data(budget(budgetId), unitLabels());
    }

    public ComputedBudget computed(long budgetId) {
        return BudgetCalculator.compute(data(budgetId), messages::text);
    }

    /** The committees and other bodies a budget line or a detail budget can belong to. */
    public List<OrgUnit> committees() {
        return organisation.units(access.municipalityId()).stream()
                .filter(u -> u.type() == OrgUnitType.NAMND || u.type() == OrgUnitType.KOMMUNSTYRELSE).toList();
    }

    private Map<Long, String> unitLabels() {
        return organisation.units(access.municipalityId()).stream()
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

    /** Saves typed lines of the result, balance and cash-flow budgets; null removes a figure. */
    @Transactional
    public void saveStatement(long budgetId, int version, Map<StatementLine, Map<Integer, Long>> amounts) {
        Budget budget = editable(budgetId, null);
        BudgetData before = data(budgetId);
        Problems problems = new Problems();
        amounts.forEach((line, years) -> years.forEach((year, amount) -> {
            String field = line.name() + "_" + year;
            if (line.derived() || (line == StatementLine.EGET_KAPITAL && year != budget.firstYear())) {
                problems.add(field, "economy.error.derived", messages.text("economy.line." + line.name()));
            } else if (!budget.years().contains(year)) {
                problems.add(field, "economy.error.year", year, budget.periodName());
            } else if (amount != null && line.cost() && amount > 0) {
                problems.add(field, "economy.error.costSign", messages.text("economy.line." + line.name()));
            }
        }));
        problems.throwIfAny();
        lock(budget, version);
        Changes changes = new Changes();
        amounts.forEach((line, years) -> years.forEach((year, amount) -> {
            if (changes.add(messages.text("economy.line." + line.name()) + " " + year, before.statementAmount(line, year), amount)) {
                repository.setStatementAmount(budgetId, line, year, amount);
            }
        }));
        changes.record(budget, "Budget ändrad");
    }

    /** Saves the grants of the operating budget, per line and year. */
    @Transactional
    public void saveFrames(long budgetId, int version, Map<Long, Map<Integer, Long>> amounts) {
        Budget budget = editable(budgetId, null);
        BudgetData before = data(budgetId);
        Map<Long, BudgetData.FrameLine> lines = before.frames().stream()
                .collect(Collectors.toMap(BudgetData.FrameLine::id, l -> l));
        Problems problems = new Problems();
        amounts.forEach((lineId, years) -> years.forEach((year, amount) -> {
            String field = "L" + lineId + "_" + year;
            if (!lines.containsKey(lineId)) {
                problems.add(field, "economy.error.line", lineId);
            } else if (!budget.years().contains(year)) {
                problems.add(field, "economy.error.year", year, budget.periodName());
            } else if (amount != null && amount < 0 && lines.get(lineId).kind() == FrameKind.NAMND) {
                problems.add(field, "economy.error.negativeGrant", BudgetCalculator.frameLabel(before, lines.get(lineId)));
            }
        }));
        problems.throwIfAny();
        lock(budget, version);
        Changes changes = new Changes();
        amounts.forEach((lineId, years) -> years.forEach((year, amount) -> {
            String key = messages.text("economy.table.DRIFT") + ": " + BudgetCalculator.frameLabel(before, lines.get(lineId)) + " " + year;
            if (changes.add(key, lines.get(lineId).amounts().get(year), amount)) {
                repository.setFrameAmount(lineId, year, amount);
            }
        }));
        changes.record(budget, "Driftbudget ändrad");
    }

    /** Adds a line to the operating budget: a committee's grant, another frame or central items. */
    @Transactional
    public long addFrameLine(long budgetId, int version, Long orgUnitId, String label, FrameKind kind) {
        Budget budget = editable(budgetId, null);
        BudgetData before = data(budgetId);
        Problems problems = new Problems();
        String name = label == null ? "" : label.strip();
        if (kind == FrameKind.NAMND) {
            if (orgUnitId == null || committees().stream().noneMatch(u -> u.id() == orgUnitId)) {
                problems.add("orgUnitId", "economy.error.committee");
            } else if (before.frames().stream().anyMatch(f -> orgUnitId.equals(f.orgUnitId()) && f.kind() == FrameKind.NAMND)) {
                problems.add("orgUnitId", "economy.error.committeeTwice");
            } else {
                name = organisation.unit(orgUnitId).name();
            }
        } else if (name.isEmpty() || name.length() > 200) {
            problems.add("label", "economy.error.label");
        }
        problems.throwIfAny();
        lock(budget, version);
        int position = before.frames().stream().mapToInt(BudgetData.FrameLine::position).max().orElse(0) + 1;
        long id = repository.insertFrameLine(budgetId, kind == FrameKind.NAMND ? orgUnitId : null, name, kind, position);
        record(budget, "Rad i driftbudgeten tillagd: " + name, null, Map.of("rad", name, "typ", kind.name()));
        return id;
    }

    /** Saves amounts of the investment budget; a line with sub-lines is their sum and cannot be typed. */
    @Transactional
    public void saveInvestments(long budgetId, int version, Map<Long, Map<Integer, Long>> amounts) {
        Budget budget = editable(budgetId, null);
        BudgetData before = data(budgetId);
        Map<Long, BudgetData.InvestmentLine> lines = before.investments().stream()
                .collect(Collectors.toMap(BudgetData.InvestmentLine::id, l -> l));
        Map<Long, List<BudgetData.InvestmentLine>> children = BudgetCalculator.childrenOf(before.investments());
        Problems problems = new Problems();
        amounts.forEach((lineId, years) -> years.forEach((year, amount) -> {
            String field = "L" + lineId + "_" + year;
            if (!lines.containsKey(lineId)) {
                problems.add(field, "economy.error.line", lineId);
            } else if (children.containsKey(lineId)) {
                problems.add(field, "economy.error.derived", lines.get(lineId).label());
            } else if (!budget.investmentYears().contains(year)) {
                problems.add(field, "economy.error.year", year, budget.periodName());
            } else if (amount != null && amount < 0) {
                problems.add(field, "economy.error.negativeInvestment", lines.get(lineId).label());
            }
        }));
        problems.throwIfAny();
        lock(budget, version);
        Changes changes = new Changes();
        amounts.forEach((lineId, years) -> years.forEach((year, amount) -> {
            String key = messages.text("economy.table.INVESTERING") + ": " + lines.get(lineId).label() + " " + year;
            if (changes.add(key, lines.get(lineId).amounts().get(year), amount)) {
                repository.setInvestmentAmount(lineId, year, amount);
            }
        }));
        changes.record(budget, "Investeringsbudget ändrad");
    }

    /** Adds an investment line (a project or type) for a committee, or a sub-line of another line. */
    @Transactional
    public long addInvestmentLine(long budgetId, int version, Long orgUnitId, Long parentId, String label, boolean feeFinanced) {
        Budget budget = editable(budgetId, null);
        BudgetData before = data(budgetId);
        Problems problems = new Problems();
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add("label", "economy.error.label");
        }
        BudgetData.InvestmentLine parent = parentId == null ? null
                : before.investments().stream().filter(l -> l.id() == parentId).findFirst().orElse(null);
        if (parentId != null && parent == null) {
            problems.add("parentId", "economy.error.line", parentId);
        }
        Long unit = parent != null ? parent.orgUnitId() : orgUnitId;
        if (parent == null && unit != null && committees().stream().noneMatch(u -> u.id() == unit)) {
            problems.add("orgUnitId", "economy.error.committee");
        }
        problems.throwIfAny();
        lock(budget, version);
        int position = before.investments().stream().mapToInt(BudgetData.InvestmentLine::position).max().orElse(0) + 1;
        long id = repository.insertInvestmentLine(budgetId, unit, parentId, name,
                parent != null ? parent.feeFinanced() : feeFinanced, position);
        if (parent != null && BudgetCalculator.childrenOf(before.investments()).get(parentId) == null) {
            // The parent's typed amounts move to its first sub-line, so the total stays what it was.
            for (Map.Entry<Integer, Long> e : parent.amounts().entrySet()) {
                repository.setInvestmentAmount(id, e.getKey(), e.getValue());
                repository.setInvestmentAmount(parentId, e.getKey(), null);
            }
        }
        record(budget, "Investeringsrad tillagd: " + name, null, Map.of("rad", name));
        return id;
    }

    /** Saves a committee's detail budget; the grant is typed only for the year before the period. */
    @Transactional
    public void saveCommittee(long budgetId, int version, long unitId, Map<AccountGroup, Map<Integer, Long>> amounts) {
        saveCommittees(budgetId, version, Map.of(unitId, amounts));
    }

    /** Saves the detail budgets of several committees at once (an import): all or nothing. */
    @Transactional
    public void saveCommittees(long budgetId, int version, Map<Long, Map<AccountGroup, Map<Integer, Long>>> byUnit) {
        saveCommittees(budgetId, version, byUnit, null);
    }

    /** As above; {@code source} (an imported file's name) is named in the audit log. */
    @Transactional
    public void saveCommittees(long budgetId, int version, Map<Long, Map<AccountGroup, Map<Integer, Long>>> byUnit,
                               String source) {
        byUnit.keySet().forEach(unit -> access.require(Access.Action.MANAGE_BUDGET, unit));
        Budget budget = editable(budgetId, byUnit.size() == 1 ? byUnit.keySet().iterator().next() : null);
        BudgetData before = data(budgetId);
        Problems problems = new Problems();
        byUnit.forEach((unitId, amounts) -> {
            if (committees().stream().noneMatch(u -> u.id() == unitId)) {
                problems.add("orgUnitId", "economy.error.committee");
                return;
            }
            amounts.forEach((group, years) -> years.forEach((year, amount) -> {
                String field = group.name() + "_" + year;
                String label = messages.text("economy.group." + group.name());
                if (group.derived() || (group == AccountGroup.KOMMUNBIDRAG && year >= budget.firstYear())) {
                    problems.add(field, "economy.error.derived", label);
                } else if (!budget.detailYears().contains(year)) {
                    problems.add(field, "economy.error.year", year, budget.periodName());
                } else if (amount != null && group.cost() && amount > 0) {
                    problems.add(field, "economy.error.costSign", label);
                } else if (amount != null && (group == AccountGroup.VERKSAMHETENS_INTAKTER || group == AccountGroup.KOMMUNBIDRAG) && amount < 0) {
                    problems.add(field, "economy.error.revenueSign", label);
                }
            }));
        });
        problems.throwIfAny();
        lock(budget, version);
        Changes changes = new Changes();
        byUnit.forEach((unitId, amounts) -> {
            Map<AccountGroup, Map<Integer, Long>> existing = before.committees().getOrDefault(unitId, Map.of());
            String unitName = organisation.unit(unitId).name();
            amounts.forEach((group, years) -> years.forEach((year, amount) -> {
                String key = unitName + ": " + messages.text("economy.group." + group.name()) + " " + year;
                if (changes.add(key, existing.getOrDefault(group, Map.of()).get(year), amount)) {
                    repository.setCommitteeAmount(budgetId, unitId, group, year, amount);
                }
            }));
        });
        changes.record(budget, source == null ? "Nämndbudget ändrad" : "Nämndbudget inläst från " + source);
    }

    /**
     * The cells of a table a person may type, as "ROWKEY_YEAR" (e.g. "SKATTEINTAKTER_2022", "L17_2023"): typed rows
     * only, equity only in the first year, a committee's grant only before the period. Empty when the version is
     * decided or the user may not edit the table.
     */
    public java.util.Set<String> editableCells(ComputedBudget computed, String tableCode) {
        Budget budget = computed.budget();
        EconomyTable table = computed.table(tableCode);
        Long unit = committeeOf(tableCode);
        if (!mayEdit(budget, unit)) {
            return java.util.Set.of();
        }
        java.util.Set<String> cells = new java.util.LinkedHashSet<>();
        List<Integer> years = yearsOf(budget, tableCode);
        for (EconomyTable.Row row : table.rows()) {
            if (row.kind() != EconomyTable.RowKind.INPUT) {
                continue;
            }
            for (int year : years) {
                boolean typed = switch (tableCode) {
                    case BudgetCalculator.RESULT, BudgetCalculator.BALANCE, BudgetCalculator.CASH_FLOW ->
                            !row.key().equals(StatementLine.EGET_KAPITAL.name()) || year == budget.firstYear();
                    case BudgetCalculator.FRAMES, BudgetCalculator.INVESTMENTS -> row.key().startsWith("L");
                    default -> !row.key().equals(AccountGroup.KOMMUNBIDRAG.name()) || year < budget.firstYear();
                };
                if (typed) {
                    cells.add(row.key() + "_" + year);
                }
            }
        }
        return cells;
    }

    /** The years of a table's columns. */
    public static List<Integer> yearsOf(Budget budget, String tableCode) {
        return switch (tableCode) {
            case BudgetCalculator.INVESTMENTS -> budget.investmentYears();
            case BudgetCalculator.RESULT, BudgetCalculator.BALANCE, BudgetCalculator.CASH_FLOW, BudgetCalculator.FRAMES -> budget.years();
            default -> budget.detailYears();
        };
    }

    /** The committee whose detail budget a table code names, or null for the municipal tables. */
    static Long committeeOf(String tableCode) {
        if (!tableCode.startsWith(BudgetCalculator.COMMITTEE_PREFIX)) {
            return null;
        }
        try {
            return Long.parseLong(tableCode.substring(BudgetCalculator.COMMITTEE_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Tabellen", tableCode);
        }
    }

    /**
     * Saves typed cells of one table ("ROWKEY_YEAR" → kronor, null to clear), the way the budget's forms and the API
     * address them. A cell that is not typed in this table is refused with its name.
     */
    @Transactional
    public void saveCells(long budgetId, int version, String tableCode, Map<String, Long> cells) {
        ComputedBudget computed = computed(budgetId);
        computed.table(tableCode);
        Problems problems = new Problems();
        java.util.Set<String> editable = editableCells(computed, tableCode);
        if (editable.isEmpty()) {
            editable(budgetId, committeeOf(tableCode));
        }
        Map<String, Map<Integer, Long>> byRow = new LinkedHashMap<>();
        cells.forEach((cell, amount) -> {
            int cut = cell.lastIndexOf('_');
            if (!editable.contains(cell) || cut < 0) {
                problems.add(cell, "economy.error.cell", cell);
                return;
            }
            byRow.computeIfAbsent(cell.substring(0, cut), k -> new LinkedHashMap<>())
                    .put(Integer.parseInt(cell.substring(cut + 1)), amount);
        });
        problems.throwIfAny();
        switch (tableCode) {
            case BudgetCalculator.RESULT, BudgetCalculator.BALANCE, BudgetCalculator.CASH_FLOW -> {
                Map<StatementLine, Map<Integer, Long>> amounts = new java.util.EnumMap<>(StatementLine.class);
                byRow.forEach((row, years) -> amounts.put(StatementLine.valueOf(row), years));
                saveStatement(budgetId, version, amounts);
            }
            case BudgetCalculator.FRAMES, BudgetCalculator.INVESTMENTS -> {
                Map<Long, Map<Integer, Long>> amounts = new LinkedHashMap<>();
                byRow.forEach((row, years) -> amounts.put(Long.parseLong(row.substring(1)), years));
                if (tableCode.equals(BudgetCalculator.FRAMES)) {
                    saveFrames(budgetId, version, amounts);
                } else {
                    saveInvestments(budgetId, version, amounts);
                }
            }
            default -> {
                Map<AccountGroup, Map<Integer, Long>> amounts = new java.util.EnumMap<>(AccountGroup.class);
                byRow.forEach((row, years) -> amounts.put(AccountGroup.valueOf(row), years));
                saveCommittee(budgetId, version, committeeOf(tableCode), amounts);
            }
        }
    }

    /** The budget computed as if the cells were saved: the forms' preview while typing. Nothing is written. */
    public ComputedBudget preview(long budgetId, String tableCode, Map<String, Long> cells) {
        BudgetData data = data(budgetId);
        Map<StatementLine, Map<Integer, Long>> statement = new java.util.EnumMap<>(StatementLine.class);
        data.statement().forEach((l, y) -> statement.put(l, new java.util.HashMap<>(y)));
        List<BudgetData.FrameLine> frames = new ArrayList<>(data.frames());
        List<BudgetData.InvestmentLine> investments = new ArrayList<>(data.investments());
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> committees = new LinkedHashMap<>();
        data.committees().forEach((u, g) -> {
            Map<AccountGroup, Map<Integer, Long>> copy = new java.util.EnumMap<>(AccountGroup.class);
            g.forEach((group, y) -> copy.put(group, new java.util.HashMap<>(y)));
            committees.put(u, copy);
        });
        Long unit = committeeOf(tableCode);
        cells.forEach((cell, amount) -> {
            int cut = cell.lastIndexOf('_');
            if (cut < 0) {
                return;
            }
            String row = cell.substring(0, cut);
            int year;
            try {
                year = Integer.parseInt(cell.substring(cut + 1));
            } catch (NumberFormatException e) {
                return;
            }
            switch (tableCode) {
                case BudgetCalculator.RESULT, BudgetCalculator.BALANCE, BudgetCalculator.CASH_FLOW -> {
                    try {
                        statement.computeIfAbsent(StatementLine.valueOf(row), k -> new java.util.HashMap<>()).put(year, amount);
                    } catch (IllegalArgumentException ignored) {
                        // not a line: the save will say so
                    }
                }
                case BudgetCalculator.FRAMES -> frames.replaceAll(f -> ("L" + f.id()).equals(row)
                        ? new BudgetData.FrameLine(f.id(), f.orgUnitId(), f.label(), f.kind(), f.position(), with(f.amounts(), year, amount)) : f);
                case BudgetCalculator.INVESTMENTS -> investments.replaceAll(l -> ("L" + l.id()).equals(row)
                        ? new BudgetData.InvestmentLine(l.id(), l.orgUnitId(), l.parentId(), l.label(), l.feeFinanced(), l.position(),
                        with(l.amounts(), year, amount)) : l);
                default -> {
                    try {
                        committees.computeIfAbsent(unit, k -> new java.util.EnumMap<>(AccountGroup.class))
                                .computeIfAbsent(AccountGroup.valueOf(row), k -> new java.util.HashMap<>()).put(year, amount);
                    } catch (IllegalArgumentException ignored) {
                        // not a group: the save will say so
                    }
                }
            }
        });
        return BudgetCalculator.compute(new BudgetData(data.budget(), statement, frames, investments, committees, data.printed(),
                data.unitLabels()), messages::text);
    }

    private static Map<Integer, Long> with(Map<Integer, Long> amounts, int year, Long amount) {
        Map<Integer, Long> copy = new java.util.HashMap<>(amounts);
        if (amount == null) {
            copy.remove(year);
        } else {
            copy.put(year, amount);
        }
        return copy;
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

    /** Whether the current user may change this budget (null: the municipal tables; a unit: its detail budget). */
    public boolean mayEdit(Budget budget, Long unitId) {
        return !budget.decided() && access.may(Access.Action.MANAGE_BUDGET, unitId);
    }

    private Budget editable(long budgetId, Long unitId) {
        access.require(Access.Action.MANAGE_BUDGET, unitId);
        Budget budget = budget(budgetId);
        if (budget.decided()) {
            throw ValidationException.of("version", "economy.error.decided", budget.label());
        }
        return budget;
    }

    private void lock(Budget budget, int version) {
        if (!repository.touch(budget.id(), version)) {
            throw new ConflictException("Budgeten", budget.id());
        }
    }

    /** The cells a save changes, old → new in tkr, for one audit entry. */
    private final class Changes {
        private final Map<String, String> old = new LinkedHashMap<>();
        private final Map<String, String> changed = new LinkedHashMap<>();

        /** Notes the cell if the amount differs; true when it does (and must be written). */
        boolean add(String key, Long before, Long after) {
            if (Objects.equals(before, after)) {
                return false;
            }
            old.put(key, tkr(before));
            changed.put(key, tkr(after));
            return true;
        }

        void record(Budget budget, String summary) {
            BudgetService.this.record(budget, summary, old, changed);
        }
    }

    private void record(Budget budget, String summary, Map<String, String> old, Map<String, String> changed) {
        if (changed != null && changed.isEmpty()) {
            return;
        }
        String detail = changed == null ? "" : changed.keySet().stream().limit(3).collect(Collectors.joining(", "));
        audit.record(budget.municipalityId(), AUDIT_TYPE, budget.id(), AuditLog.Action.ANDRAD,
                summary + (detail.isEmpty() ? "" : ": " + detail), old, changed);
    }

    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor) + " tkr";
    }

    /** Real periods before illustrative ones, the newest period first, and in a period the latest version first. */
    private static Comparator<Budget> newestFirst() {
        return Comparator.comparing(Budget::illustrative)
                .thenComparing(Comparator.comparingInt(Budget::firstYear).reversed())
                .thenComparing(Comparator.comparingLong(Budget::periodId).reversed())
                .thenComparing(Comparator.comparingInt(Budget::versionNo).reversed());
    }
}
