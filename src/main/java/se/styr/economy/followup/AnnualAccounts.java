package se.styr.economy.followup;

import java.util.List;
import se.styr.economy.EconomyTable;

/**
 * A committee's economy in the årsbokslut: the operating table with the year's outcome (Budget | Bokslut |
 * Avv. bokslut/budget | Bokslut last year | Diff. bokslut, seed 004 tab "12 RR skattefin övriga ÅB") and the
 * forecast accuracy of the year. The outcome is the committee's outcome from January to December in
 * {@code economic_outcome}; the budget is the revised budget of the committee's latest report of the year, or the
 * detail budget when it has made none.
 *
 * @param operatingColumns the key of each column (BUDGET, BOKSLUT, AVVIKELSE, BOKSLUT_FG, DIFF_FG)
 * @param hasOutcome       whether any outcome of the year has been read in or typed
 */
public record AnnualAccounts(long orgUnitId, String committee, int year, EconomyTable operating,
                             List<String> operatingColumns, boolean hasOutcome, ForecastAccuracy accuracy) {

    /** A figure of the operating table by row (an AccountGroup name) and column key; null where there is none. */
    public Long value(String rowKey, String columnKey) {
        int i = operatingColumns.indexOf(columnKey);
        return i < 0 ? null : operating.row(rowKey).values().get(i);
    }
}
