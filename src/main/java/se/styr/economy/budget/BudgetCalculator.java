package se.styr.economy.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable.Row;
import se.styr.economy.EconomyTable.RowKind;
import se.styr.economy.EconomyTable;
import se.styr.economy.StatementLine;

/**
 * Computes every derived line of a budget from what was typed. Pure and fast: the whole municipal budget is
 * recomputed after each change rather than patched.
 */
public final class BudgetCalculator {

    public static final String RESULT = "RESULTAT";
    public static final String BALANCE = "BALANS";
    public static final String CASH_FLOW = "KASSAFLODE";
    public static final String FRAMES = "DRIFT";
    public static final String INVESTMENTS = "INVESTERING";
    public static final String COMMITTEE = "NAMND";
    public static final String COMMITTEE_PREFIX = COMMITTEE + "-";

    /** Row keys of the operating and investment tables' derived rows. */
    public static final String SUM_FRAMES = "SUMMA_KOMMUNBIDRAG";
    public static final String NET_COST = "NETTOKOSTNADER";
    public static final String SUM_TAX_FINANCED = "SUMMA_SKATTEFINANSIERADE";
    public static final String SUM_INVESTMENTS = "SUMMA_INVESTERINGAR";

    private BudgetCalculator() {
    }

    /**
     * @param text resolves the message keys {@code economy.line.*}, {@code economy.group.*} and {@code economy.table.*}
     */
    public static ComputedBudget compute(BudgetData data, Function<String, String> text) {
        Budget budget = data.budget();
        List<Integer> years = budget.years();
        Map<String, Map<String, Long>> printed = printedByRow(data.printed());

        Map<Integer, Long> frameSum = new HashMap<>();
        Map<Integer, Long> netCostExclDepreciation = new HashMap<>();
        for (int year : years) {
            long grants = data.frames().stream().filter(f -> f.kind() != FrameKind.CENTRALA_POSTER)
                    .mapToLong(f -> f.amounts().getOrDefault(year, 0L)).sum();
            long central = data.frames().stream().filter(f -> f.kind() == FrameKind.CENTRALA_POSTER)
                    .mapToLong(f -> f.amounts().getOrDefault(year, 0L)).sum();
            frameSum.put(year, grants);
            netCostExclDepreciation.put(year, -(grants + central));
        }

        Map<Integer, Long> investmentTotal = new HashMap<>();
        Map<Integer, Long> taxFinanced = new HashMap<>();
        List<BudgetData.InvestmentLine> topLevel = data.investments().stream().filter(l -> l.parentId() == null).toList();
        Map<Long, List<BudgetData.InvestmentLine>> children = childrenOf(data.investments());
        for (int year : budget.investmentYears()) {
            long all = 0;
            long tax = 0;
            for (BudgetData.InvestmentLine line : topLevel) {
                long amount = investmentAmount(line, year, children);
                all += amount;
                tax += line.feeFinanced() ? 0 : amount;
            }
            investmentTotal.put(year, all);
            taxFinanced.put(year, tax);
        }

        Map<StatementLine, Map<Integer, Long>> lines = new EnumMap<>(StatementLine.class);
        for (int year : years) {
            Map<StatementLine, Long> typed = new EnumMap<>(StatementLine.class);
            data.statement().forEach((line, amounts) -> {
                if (amounts.get(year) != null) {
                    typed.put(line, amounts.get(year));
                }
            });
            typed.put(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR, netCostExclDepreciation.get(year));
            typed.put(StatementLine.INVESTERINGSVERKSAMHET, -investmentTotal.getOrDefault(year, 0L));
            if (year != budget.firstYear()) {
                typed.remove(StatementLine.EGET_KAPITAL);
            }
            Long equityBefore = year == budget.firstYear() ? null : lines.getOrDefault(StatementLine.EGET_KAPITAL, Map.of()).get(year - 1);
            completeYear(typed, equityBefore).forEach((line, amount) -> put(lines, line, year, amount));
        }

        List<String> yearColumns = years.stream().map(String::valueOf).toList();
        EconomyTable result = statementTable(RESULT, StatementLine.Statement.RESULTAT, years, yearColumns, lines, printed, text);
        EconomyTable balance = statementTable(BALANCE, StatementLine.Statement.BALANS, years, yearColumns, lines, printed, text);
        EconomyTable cashFlow = statementTable(CASH_FLOW, StatementLine.Statement.KASSAFLODE, years, yearColumns, lines, printed, text);
        EconomyTable frames = framesTable(data, years, yearColumns, frameSum, netCostExclDepreciation, printed, text);
        EconomyTable investments = investmentTable(data, topLevel, children, investmentTotal, taxFinanced, printed, text);

        Map<Long, EconomyTable> committees = new LinkedHashMap<>();
        for (long unit : committeeUnits(data)) {
            committees.put(unit, committeeTable(data, unit, printed, text));
        }
        return new ComputedBudget(budget, result, balance, cashFlow, frames, investments, committees, lines, taxFinanced);
    }

    /**
     * Completes one year of the statements from its typed lines. Net costs excluding depreciation and the investing
     * cash flow are given (in a budget they come from the operating and investment budgets). Equity is typed, or
     * last year's equity plus the year's result when {@code equityBefore} is given.
     */
    public static Map<StatementLine, Long> completeYear(Map<StatementLine, Long> typed, Long equityBefore) {
        ToLongFunction<StatementLine> v = l -> {
            Long amount = typed.get(l);
            return amount == null ? 0 : amount;
        };
        Map<StatementLine, Long> all = new EnumMap<>(StatementLine.class);
        typed.forEach((line, amount) -> {
            if (amount != null && (!line.derived() || line == StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR
                    || line == StatementLine.INVESTERINGSVERKSAMHET)) {
                all.put(line, amount);
            }
        });
        long netCost = v.applyAsLong(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR) + v.applyAsLong(StatementLine.AVSKRIVNINGAR);
        long operatingResult = netCost + v.applyAsLong(StatementLine.SKATTEINTAKTER) + v.applyAsLong(StatementLine.GENERELLA_STATSBIDRAG);
        long afterFinancial = operatingResult + v.applyAsLong(StatementLine.FINANSIELLA_INTAKTER)
                + v.applyAsLong(StatementLine.FINANSIELLA_KOSTNADER);
        all.put(StatementLine.VERKSAMHETENS_NETTOKOSTNADER, netCost);
        all.put(StatementLine.VERKSAMHETENS_RESULTAT, operatingResult);
        all.put(StatementLine.RESULTAT_EFTER_FINANSIELLA_POSTER, afterFinancial);
        all.put(StatementLine.ARETS_RESULTAT, afterFinancial);
        Long equity = equityBefore != null ? Long.valueOf(equityBefore + afterFinancial) : typed.get(StatementLine.EGET_KAPITAL);
        if (equity != null) {
            all.put(StatementLine.EGET_KAPITAL, equity);
        } else {
            all.remove(StatementLine.EGET_KAPITAL);
        }
        all.put(StatementLine.SUMMA_TILLGANGAR, v.applyAsLong(StatementLine.ANLAGGNINGSTILLGANGAR) + v.applyAsLong(StatementLine.OMSATTNINGSTILLGANGAR));
        all.put(StatementLine.SUMMA_EGET_KAPITAL_OCH_SKULDER, (equity == null ? 0 : equity) + v.applyAsLong(StatementLine.AVSATTNINGAR)
                + v.applyAsLong(StatementLine.LANGFRISTIGA_SKULDER) + v.applyAsLong(StatementLine.KORTFRISTIGA_SKULDER));
        all.put(StatementLine.ARETS_KASSAFLODE, v.applyAsLong(StatementLine.LOPANDE_VERKSAMHET)
                + v.applyAsLong(StatementLine.INVESTERINGSVERKSAMHET) + v.applyAsLong(StatementLine.FINANSIERINGSVERKSAMHET));
        return all;
    }

    /** {@code part / whole} in percent with two decimals; null when there is no whole. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The committees with a detail budget or a grant line, in the operating budget's order. */
    public static Set<Long> committeeUnits(BudgetData data) {
        Set<Long> units = new LinkedHashSet<>();
        data.frames().stream().filter(f -> f.kind() == FrameKind.NAMND && f.orgUnitId() != null)
                .sorted(Comparator.comparingInt(BudgetData.FrameLine::position)).forEach(f -> units.add(f.orgUnitId()));
        units.addAll(data.committees().keySet());
        return units;
    }

    /** The committee's grant in a year of the period: the sum of its lines in the operating budget. */
    public static Long grant(BudgetData data, long unit, int year) {
        return data.frames().stream().filter(f -> Objects.equals(f.orgUnitId(), unit) && f.kind() == FrameKind.NAMND)
                .map(f -> f.amounts().get(year)).filter(Objects::nonNull).reduce(Long::sum).orElse(null);
    }

    private static EconomyTable statementTable(String code, StatementLine.Statement statement, List<Integer> years,
                                               List<String> columns, Map<StatementLine, Map<Integer, Long>> lines,
                                               Map<String, Map<String, Long>> printed, Function<String, String> text) {
        List<Row> rows = new ArrayList<>();
        for (StatementLine line : StatementLine.of(statement)) {
            boolean derived = line.derived();
            List<Long> values = years.stream().map(y -> lines.getOrDefault(line, Map.of()).get(y)).toList();
            rows.add(new Row(line.name(), text.apply("economy.line." + line.name()), derived ? RowKind.DERIVED : RowKind.INPUT,
                    0, values, printedRow(printed, code, null, line.name(), years)));
        }
        return new EconomyTable(code, text.apply("economy.table." + code), columns, rows);
    }

    private static EconomyTable framesTable(BudgetData data, List<Integer> years, List<String> columns,
                                            Map<Integer, Long> sum, Map<Integer, Long> netCost,
                                            Map<String, Map<String, Long>> printed, Function<String, String> text) {
        List<Row> rows = new ArrayList<>();
        List<BudgetData.FrameLine> ordered = data.frames().stream()
                .sorted(Comparator.comparingInt(BudgetData.FrameLine::position).thenComparingLong(BudgetData.FrameLine::id)).toList();
        for (BudgetData.FrameLine line : ordered) {
            if (line.kind() != FrameKind.CENTRALA_POSTER) {
                rows.add(new Row("L" + line.id(), frameLabel(data, line), RowKind.INPUT, 0,
                        years.stream().map(y -> line.amounts().get(y)).toList(), null));
            }
        }
        rows.add(new Row(SUM_FRAMES, text.apply("economy.frames.sum"), RowKind.DERIVED, 0,
                years.stream().map(sum::get).toList(), printedRow(printed, FRAMES, null, SUM_FRAMES, years)));
        for (BudgetData.FrameLine line : ordered) {
            if (line.kind() == FrameKind.CENTRALA_POSTER) {
                rows.add(new Row("L" + line.id(), frameLabel(data, line), RowKind.INPUT, 0,
                        years.stream().map(y -> line.amounts().get(y)).toList(), null));
            }
        }
        rows.add(new Row(NET_COST, text.apply("economy.line." + StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR.name()),
                RowKind.DERIVED, 0, years.stream().map(netCost::get).toList(), null));
        return new EconomyTable(FRAMES, text.apply("economy.table." + FRAMES), columns, rows);
    }

    static String frameLabel(BudgetData data, BudgetData.FrameLine line) {
        return line.orgUnitId() != null && line.kind() == FrameKind.NAMND
                ? data.unitLabels().getOrDefault(line.orgUnitId(), line.label()) : line.label();
    }

    private static EconomyTable investmentTable(BudgetData data, List<BudgetData.InvestmentLine> topLevel,
                                                Map<Long, List<BudgetData.InvestmentLine>> children,
                                                Map<Integer, Long> total, Map<Integer, Long> taxFinanced,
                                                Map<String, Map<String, Long>> printed, Function<String, String> text) {
        List<Integer> years = data.budget().investmentYears();
        List<Row> rows = new ArrayList<>();
        for (boolean feeFinanced : List.of(false, true)) {
            Map<Long, List<BudgetData.InvestmentLine>> byUnit = new LinkedHashMap<>();
            topLevel.stream().filter(l -> l.feeFinanced() == feeFinanced)
                    .sorted(Comparator.comparingInt(BudgetData.InvestmentLine::position).thenComparingLong(BudgetData.InvestmentLine::id))
                    .forEach(l -> byUnit.computeIfAbsent(l.orgUnitId() == null ? -l.id() : l.orgUnitId(), k -> new ArrayList<>()).add(l));
            for (Map.Entry<Long, List<BudgetData.InvestmentLine>> group : byUnit.entrySet()) {
                List<BudgetData.InvestmentLine> lines = group.getValue();
                BudgetData.InvestmentLine first = lines.get(0);
                String unitLabel = first.orgUnitId() == null ? first.label()
                        : data.unitLabels().getOrDefault(first.orgUnitId(), first.label());
                boolean single = lines.size() == 1 && children.getOrDefault(first.id(), List.of()).isEmpty();
                if (single) {
                    rows.add(new Row("L" + first.id(), unitLabel, RowKind.INPUT, 0,
                            years.stream().map(y -> first.amounts().get(y)).toList(), null));
                    continue;
                }
                rows.add(new Row("U" + group.getKey(), unitLabel, RowKind.DERIVED, 0, years.stream()
                        .map(y -> lines.stream().mapToLong(l -> investmentAmount(l, y, children)).sum()).toList(), null));
                for (BudgetData.InvestmentLine line : lines) {
                    addInvestmentRows(line, 1, years, children, printed, rows);
                }
            }
            if (!feeFinanced) {
                rows.add(new Row(SUM_TAX_FINANCED, text.apply("economy.investments.taxFinanced"), RowKind.DERIVED, 0,
                        years.stream().map(taxFinanced::get).toList(), null));
            }
        }
        rows.add(new Row(SUM_INVESTMENTS, text.apply("economy.investments.sum"), RowKind.DERIVED, 0,
                years.stream().map(total::get).toList(), printedRow(printed, INVESTMENTS, null, SUM_INVESTMENTS, years)));
        return new EconomyTable(INVESTMENTS, text.apply("economy.table." + INVESTMENTS),
                years.stream().map(String::valueOf).toList(), rows);
    }

    private static void addInvestmentRows(BudgetData.InvestmentLine line, int indent, List<Integer> years,
                                          Map<Long, List<BudgetData.InvestmentLine>> children,
                                          Map<String, Map<String, Long>> printed, List<Row> rows) {
        List<BudgetData.InvestmentLine> kids = children.getOrDefault(line.id(), List.of());
        rows.add(new Row("L" + line.id(), line.label(), kids.isEmpty() ? RowKind.INPUT : RowKind.DERIVED, indent,
                years.stream().map(y -> kids.isEmpty() ? line.amounts().get(y) : (Long) investmentAmount(line, y, children)).toList(),
                printedRow(printed, INVESTMENTS, null, "L" + line.id(), years)));
        kids.forEach(k -> addInvestmentRows(k, indent + 1, years, children, printed, rows));
    }

    /** A line with sub-lines is their sum, so nothing is counted twice. */
    static long investmentAmount(BudgetData.InvestmentLine line, int year, Map<Long, List<BudgetData.InvestmentLine>> children) {
        List<BudgetData.InvestmentLine> kids = children.getOrDefault(line.id(), List.of());
        if (kids.isEmpty()) {
            return line.amounts().getOrDefault(year, 0L);
        }
        return kids.stream().mapToLong(k -> investmentAmount(k, year, children)).sum();
    }

    public static Map<Long, List<BudgetData.InvestmentLine>> childrenOf(List<BudgetData.InvestmentLine> lines) {
        Map<Long, List<BudgetData.InvestmentLine>> children = new HashMap<>();
        lines.stream().filter(l -> l.parentId() != null)
                .sorted(Comparator.comparingInt(BudgetData.InvestmentLine::position).thenComparingLong(BudgetData.InvestmentLine::id))
                .forEach(l -> children.computeIfAbsent(l.parentId(), k -> new ArrayList<>()).add(l));
        return children;
    }

    private static EconomyTable committeeTable(BudgetData data, long unit, Map<String, Map<String, Long>> printed,
                                               Function<String, String> text) {
        Budget budget = data.budget();
        List<Integer> years = budget.detailYears();
        Map<AccountGroup, Map<Integer, Long>> typed = data.committees().getOrDefault(unit, Map.of());
        Map<Integer, Map<AccountGroup, Long>> columns = new HashMap<>();
        for (int year : years) {
            Map<AccountGroup, Long> column = new EnumMap<>(AccountGroup.class);
            typed.forEach((group, amounts) -> {
                if (amounts.get(year) != null) {
                    column.put(group, amounts.get(year));
                }
            });
            if (year >= budget.firstYear()) {
                column.put(AccountGroup.KOMMUNBIDRAG, grant(data, unit, year));
            }
            columns.put(year, AccountGroup.completeIfDetailed(column));
        }
        String code = COMMITTEE_PREFIX + unit;
        List<Row> rows = new ArrayList<>();
        for (AccountGroup group : AccountGroup.values()) {
            boolean derived = group.derived() || group == AccountGroup.KOMMUNBIDRAG;
            rows.add(new Row(group.name(), text.apply("economy.group." + group.name()), derived ? RowKind.DERIVED : RowKind.INPUT,
                    group.cost() ? 1 : 0, years.stream().map(y -> columns.get(y).get(group)).toList(),
                    printedRow(printed, COMMITTEE, unit, group.name(), years)));
        }
        String label = data.unitLabels().getOrDefault(unit, String.valueOf(unit));
        return new EconomyTable(code, label, years.stream().map(y -> (y <= budget.firstYear() ? "Budget " : "Plan ") + y).toList(), rows);
    }

    private static Map<String, Map<String, Long>> printedByRow(List<BudgetData.Printed> printed) {
        Map<String, Map<String, Long>> byRow = new HashMap<>();
        for (BudgetData.Printed p : printed) {
            byRow.computeIfAbsent(rowKey(p.table(), p.orgUnitId(), p.line()), k -> new HashMap<>())
                    .put(String.valueOf(p.year()), p.amount());
        }
        return byRow;
    }

    private static List<Long> printedRow(Map<String, Map<String, Long>> printed, String table, Long unit, String line,
                                         List<Integer> years) {
        Map<String, Long> row = printed.get(rowKey(table, unit, line));
        return row == null ? null : years.stream().map(y -> row.get(String.valueOf(y))).toList();
    }

    private static String rowKey(String table, Long unit, String line) {
        return table + "/" + (unit == null ? "" : unit) + "/" + line;
    }

    private static void put(Map<StatementLine, Map<Integer, Long>> lines, StatementLine line, int year, Long value) {
        if (value != null) {
            lines.computeIfAbsent(line, k -> new HashMap<>()).put(year, value);
        }
    }

}
