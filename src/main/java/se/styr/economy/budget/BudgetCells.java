package se.styr.economy.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.economy.StatementLine;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * A budget table's cells as the forms and the API address them ("ROWKEY_YEAR"): which ones the user may type, saving
 * typed cells through {@link BudgetFigures}, and the table recomputed from what is typed so far (the live preview).
 */
@Service
class BudgetCells {

    private final BudgetService budgets;
    private final BudgetFigures figures;
    private final Messages messages;

    BudgetCells(BudgetService budgets, BudgetFigures figures, Messages messages) {
        this.budgets = budgets;
        this.figures = figures;
        this.messages = messages;
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
        if (!budgets.mayEdit(budget, unit)) {
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
        ComputedBudget computed = budgets.computed(budgetId);
        computed.table(tableCode);
        Problems problems = new Problems();
        java.util.Set<String> editable = editableCells(computed, tableCode);
        if (editable.isEmpty()) {
            budgets.editable(budgetId, committeeOf(tableCode));
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
                figures.saveStatement(budgetId, version, amounts);
            }
            case BudgetCalculator.FRAMES, BudgetCalculator.INVESTMENTS -> {
                Map<Long, Map<Integer, Long>> amounts = new LinkedHashMap<>();
                byRow.forEach((row, years) -> amounts.put(Long.parseLong(row.substring(1)), years));
                if (tableCode.equals(BudgetCalculator.FRAMES)) {
                    figures.saveFrames(budgetId, version, amounts);
                } else {
                    figures.saveInvestments(budgetId, version, amounts);
                }
            }
            default -> {
                Map<AccountGroup, Map<Integer, Long>> amounts = new java.util.EnumMap<>(AccountGroup.class);
                byRow.forEach((row, years) -> amounts.put(AccountGroup.valueOf(row), years));
                figures.saveCommittee(budgetId, version, committeeOf(tableCode), amounts);
            }
        }
    }

    /** The budget computed as if the cells were saved: the forms' preview while typing. Nothing is written. */
    public ComputedBudget preview(long budgetId, String tableCode, Map<String, Long> cells) {
        BudgetData data = budgets.data(budgetId);
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
}
