package se.styr.economy.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.StatementLine;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/**
 * The typed figures of a draft budget version: the statement lines, the operating budget's grants, the investment
 * budget and the committees' detail budgets, and the lines they are typed on. Each save is checked whole, locked
 * against the version the editor read and audited old → new, in one transaction.
 */
@Service
public class BudgetFigures {

    private final BudgetService budgets;
    private final BudgetRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;

    BudgetFigures(BudgetService budgets, BudgetRepository repository, Organisation organisation, Access access,
                  Messages messages, SwedishFormat sv) {
        this.budgets = budgets;
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
        this.sv = sv;
    }

    /** Saves typed lines of the result, balance and cash-flow budgets; null removes a figure. */
    @Transactional
    public void saveStatement(long budgetId, int version, Map<StatementLine, Map<Integer, Long>> amounts) {
        Budget budget = budgets.editable(budgetId, null);
        BudgetData before = budgets.data(budgetId);
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
        budgets.lock(budget, version);
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
        Budget budget = budgets.editable(budgetId, null);
        BudgetData before = budgets.data(budgetId);
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
        budgets.lock(budget, version);
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
        Budget budget = budgets.editable(budgetId, null);
        BudgetData before = budgets.data(budgetId);
        Problems problems = new Problems();
        String name = label == null ? "" : label.strip();
        if (kind == FrameKind.NAMND) {
            if (orgUnitId == null || budgets.committees().stream().noneMatch(u -> u.id() == orgUnitId)) {
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
        budgets.lock(budget, version);
        int position = before.frames().stream().mapToInt(BudgetData.FrameLine::position).max().orElse(0) + 1;
        long id = repository.insertFrameLine(budgetId, kind == FrameKind.NAMND ? orgUnitId : null, name, kind, position);
        budgets.record(budget, "Rad i driftbudgeten tillagd: " + name, null, Map.of("rad", name, "typ", kind.name()));
        return id;
    }

    /** Saves amounts of the investment budget; a line with sub-lines is their sum and cannot be typed. */
    @Transactional
    public void saveInvestments(long budgetId, int version, Map<Long, Map<Integer, Long>> amounts) {
        Budget budget = budgets.editable(budgetId, null);
        BudgetData before = budgets.data(budgetId);
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
        budgets.lock(budget, version);
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
        Budget budget = budgets.editable(budgetId, null);
        BudgetData before = budgets.data(budgetId);
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
        if (parent == null && unit != null && budgets.committees().stream().noneMatch(u -> u.id() == unit)) {
            problems.add("orgUnitId", "economy.error.committee");
        }
        problems.throwIfAny();
        budgets.lock(budget, version);
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
        budgets.record(budget, "Investeringsrad tillagd: " + name, null, Map.of("rad", name));
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
        Budget budget = budgets.editable(budgetId, byUnit.size() == 1 ? byUnit.keySet().iterator().next() : null);
        BudgetData before = budgets.data(budgetId);
        Problems problems = new Problems();
        byUnit.forEach((unitId, amounts) -> {
            if (budgets.committees().stream().noneMatch(u -> u.id() == unitId)) {
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
        budgets.lock(budget, version);
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
            budgets.record(budget, summary, old, changed);
        }
    }

    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor) + " tkr";
    }
}
