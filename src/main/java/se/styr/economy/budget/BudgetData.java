package se.styr.economy.budget;

import java.util.List;
import java.util.Map;
import se.styr.economy.AccountGroup;
import se.styr.economy.StatementLine;

/** Everything typed into one budget version: the input of {@link BudgetCalculator}. */
public record BudgetData(Budget budget,
                         Map<StatementLine, Map<Integer, Long>> statement,
                         List<FrameLine> frames,
                         List<InvestmentLine> investments,
                         Map<Long, Map<AccountGroup, Map<Integer, Long>>> committees,
                         List<Printed> printed,
                         Map<Long, String> unitLabels) {

    /** A line of the operating budget with its grant per year. */
    public record FrameLine(long id, Long orgUnitId, String label, FrameKind kind, int position, Map<Integer, Long> amounts) {
    }

    /** A line of the investment budget; a sub-line names its parent. */
    public record InvestmentLine(long id, Long orgUnitId, Long parentId, String label, boolean feeFinanced, int position,
                                 Map<Integer, Long> amounts) {
    }

    /** A figure as printed in the decided document. {@code line} is the row key of the table it belongs to. */
    public record Printed(String table, Long orgUnitId, String line, int year, long amount) {
    }

    public Long statementAmount(StatementLine line, int year) {
        return statement.getOrDefault(line, Map.of()).get(year);
    }
}
