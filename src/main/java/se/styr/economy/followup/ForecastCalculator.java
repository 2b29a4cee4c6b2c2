package se.styr.economy.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable.Row;
import se.styr.economy.EconomyTable.RowKind;
import se.styr.economy.EconomyTable;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetData;

/**
 * The tables of an economic report, from what was typed: derived rows with {@link AccountGroup#complete}, the
 * operating deviation as forecast − budget on signed amounts (positive is favourable), the investment deviation as
 * budget − forecast (the seeds' convention for spending), and a line with sub-lines as their sum. Pure.
 */
final class ForecastCalculator {

    static final String OPERATING = "DRIFT";
    static final String INVESTMENTS = "INVESTERING";
    static final String TOTAL = "TOTAL";

    static final String BUDGET = "BUDGET";
    static final String FORECAST = "PROGNOS";
    static final String DEVIATION = "AVVIKELSE";
    static final String CHANGE = "FORANDRING";
    static final String OUTCOME = "UTFALL";
    static final String OUTCOME_LAST_YEAR = "UTFALL_FG";
    static final String DIFFERENCE = "DIFF_FG";

    /** The rows a forecast is typed for: revenue and the four costs (the grant is the frame, finansnetto optional). */
    static final List<AccountGroup> OPERATING_ROWS = Arrays.stream(AccountGroup.values())
            .filter(g -> g == AccountGroup.VERKSAMHETENS_INTAKTER || g.cost()).toList();

    /** A table and the key of each of its columns. */
    record Table(EconomyTable table, List<String> keys) {
    }

    /** Figures typed for one investment line without sub-lines. */
    record InvestmentFigures(Long forecast, Long outcome, Long outcomeLastYear) {
    }

    private ForecastCalculator() {
    }

    /**
     * A forecast column: completed with its derived rows once every operating row has a figure; before that only the
     * typed figures (with the grant and finansnetto), and empty while none has one, so a forecast that has not been
     * made shows nothing rather than a result equal to the grant.
     */
    static Map<AccountGroup, Long> complete(Map<AccountGroup, Long> typed) {
        if (OPERATING_ROWS.stream().allMatch(typed::containsKey)) {
            return AccountGroup.complete(typed);
        }
        Map<AccountGroup, Long> partial = new java.util.EnumMap<>(AccountGroup.class);
        OPERATING_ROWS.stream().filter(typed::containsKey).forEach(g -> partial.put(g, typed.get(g)));
        if (!partial.isEmpty()) {
            partial.put(AccountGroup.KOMMUNBIDRAG, typed.get(AccountGroup.KOMMUNBIDRAG));
            partial.put(AccountGroup.FINANSNETTO, typed.get(AccountGroup.FINANSNETTO));
        }
        return partial;
    }

    /**
     * The operating table ("Belopp i tkr") of a report.
     *
     * @param comparison  the completed forecast compared with, or null when the report compares with none
     * @param showOutcome whether the outcome column is shown even when empty (the form, where it can be typed)
     * @param labels      column key → heading
     * @param printed     row key → column key → the figure as printed, where it differs
     */
    static Table operating(Map<AccountGroup, Long> budget, Map<AccountGroup, Long> forecast,
                           Map<AccountGroup, Long> comparison, Map<AccountGroup, Long> outcome,
                           Map<AccountGroup, Long> lastYear, boolean showOutcome, Map<String, String> labels,
                           Function<AccountGroup, String> rowLabel, Map<String, Map<String, Long>> printed) {
        List<String> keys = new ArrayList<>(List.of(BUDGET, FORECAST, DEVIATION));
        if (comparison != null) {
            keys.add(CHANGE);
        }
        if (showOutcome || !outcome.isEmpty()) {
            keys.add(OUTCOME);
        }
        if (!lastYear.isEmpty()) {
            keys.add(OUTCOME_LAST_YEAR);
            if (keys.contains(OUTCOME)) {
                keys.add(DIFFERENCE);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (AccountGroup g : AccountGroup.values()) {
            Long b = budget.get(g);
            Long f = forecast.get(g);
            Long o = outcome.get(g);
            Long ly = lastYear.get(g);
            List<Long> values = keys.stream().map(k -> switch (k) {
                case BUDGET -> b;
                case FORECAST -> f;
                case DEVIATION -> minus(f, b);
                case CHANGE -> minus(f, comparison.get(g));
                case OUTCOME -> o;
                case OUTCOME_LAST_YEAR -> ly;
                default -> minus(o, ly);
            }).toList();
            boolean derived = g.derived() || g == AccountGroup.KOMMUNBIDRAG;
            rows.add(new Row(g.name(), rowLabel.apply(g), derived ? RowKind.DERIVED : RowKind.INPUT, g.cost() ? 1 : 0,
                    values, printedRow(printed, g.name(), keys)));
        }
        return new Table(new EconomyTable(OPERATING, labels.get(OPERATING), keys.stream().map(labels::get).toList(), rows), keys);
    }

    /**
     * The investment table of a committee: each line with its sub-lines indented below it, and the total.
     *
     * @param lines the committee's investment lines in the budget, sub-lines included
     */
    static Table investments(int year, List<BudgetData.InvestmentLine> lines, Map<Long, InvestmentFigures> typed,
                             boolean showOutcome, Map<String, String> labels, String totalLabel,
                             Map<String, Map<String, Long>> printed) {
        boolean anyOutcome = typed.values().stream().anyMatch(f -> f.outcome() != null || f.outcomeLastYear() != null);
        List<String> keys = new ArrayList<>(List.of(BUDGET, FORECAST, DEVIATION));
        if (showOutcome || anyOutcome) {
            keys.addAll(List.of(OUTCOME, OUTCOME_LAST_YEAR, DIFFERENCE));
        }
        Map<Long, List<BudgetData.InvestmentLine>> children = BudgetCalculator.childrenOf(lines);
        List<BudgetData.InvestmentLine> top = lines.stream().filter(l -> l.parentId() == null)
                .sorted(java.util.Comparator.comparingInt(BudgetData.InvestmentLine::position)
                        .thenComparingLong(BudgetData.InvestmentLine::id)).toList();
        List<Row> rows = new ArrayList<>();
        Long[] total = new Long[4];
        for (BudgetData.InvestmentLine line : top) {
            Long[] sums = addInvestment(line, 0, year, children, typed, keys, printed, rows);
            for (int i = 0; i < total.length; i++) {
                total[i] = plus(total[i], sums[i]);
            }
        }
        rows.add(new Row(TOTAL, totalLabel, RowKind.DERIVED, 0, investmentValues(total, keys), printedRow(printed, TOTAL, keys)));
        return new Table(new EconomyTable(INVESTMENTS, labels.get(INVESTMENTS), keys.stream().map(labels::get).toList(), rows), keys);
    }

    /** Adds the line's rows and returns its budget, forecast, outcome and last year's outcome. */
    private static Long[] addInvestment(BudgetData.InvestmentLine line, int indent, int year,
                                        Map<Long, List<BudgetData.InvestmentLine>> children,
                                        Map<Long, InvestmentFigures> typed, List<String> keys,
                                        Map<String, Map<String, Long>> printed, List<Row> rows) {
        List<BudgetData.InvestmentLine> kids = children.getOrDefault(line.id(), List.of());
        Long[] sums;
        List<Row> below = new ArrayList<>();
        if (kids.isEmpty()) {
            InvestmentFigures f = typed.getOrDefault(line.id(), new InvestmentFigures(null, null, null));
            sums = new Long[] {line.amounts().getOrDefault(year, 0L), f.forecast(), f.outcome(), f.outcomeLastYear()};
        } else {
            sums = new Long[4];
            for (BudgetData.InvestmentLine kid : kids) {
                Long[] k = addInvestment(kid, indent + 1, year, children, typed, keys, printed, below);
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = plus(sums[i], k[i]);
                }
            }
        }
        String key = "L" + line.id();
        rows.add(new Row(key, line.label(), kids.isEmpty() ? RowKind.INPUT : RowKind.DERIVED, indent,
                investmentValues(sums, keys), printedRow(printed, key, keys)));
        rows.addAll(below);
        return sums;
    }

    private static List<Long> investmentValues(Long[] s, List<String> keys) {
        return keys.stream().map(k -> switch (k) {
            case BUDGET -> s[0];
            case FORECAST -> s[1];
            case DEVIATION -> minus(s[0], s[1]);
            case OUTCOME -> s[2];
            case OUTCOME_LAST_YEAR -> s[3];
            default -> minus(s[2], s[3]);
        }).toList();
    }

    private static List<Long> printedRow(Map<String, Map<String, Long>> printed, String row, List<String> keys) {
        Map<String, Long> p = printed.get(row);
        return p == null ? null : keys.stream().map(p::get).toList();
    }

    static Long minus(Long a, Long b) {
        return a == null || b == null ? null : a - b;
    }

    private static Long plus(Long a, Long b) {
        return a == null ? b : b == null ? a : (Long) (a + b);
    }

    /** The sum of the operating rows that have a figure, for the frame check of a revised budget. */
    static long netCost(Map<AccountGroup, Long> typed) {
        return OPERATING_ROWS.stream().map(typed::get).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
