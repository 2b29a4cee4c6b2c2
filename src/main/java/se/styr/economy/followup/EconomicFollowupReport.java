package se.styr.economy.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;

/**
 * A committee's economic report for a year and month, everything computed: the operating table per account group
 * (budget, forecast, deviation, change against the chosen earlier forecast, outcome to date and last year's), the
 * explanations, investments, volumes and the action plan. The page, the JSON API and the compiled follow-up
 * report all show this.
 *
 * @param operatingColumns the key of each column of {@code operating} (BUDGET, PROGNOS, AVVIKELSE, FORANDRING,
 *                         UTFALL, UTFALL_FG, DIFF_FG); columns without figures are left out
 * @param investments      null when the committee has no investment lines or, when shown, nothing was reported on them
 * @param forecastResult   årets resultat of the forecast; null until every row has a forecast
 * @param outcomeSource    where the outcome to date comes from
 */
public record EconomicFollowupReport(long id, long orgUnitId, String committee, int year, int month,
                                     EconomicFollowupType type, EconomicFollowupState state, int version,
                                     String title, Long compareWithId, String compareWithTitle, String summary,
                                     EconomyTable operating, List<String> operatingColumns, List<Explanation> explanations,
                                     EconomyTable investments, List<String> investmentColumns, List<VolumeTable> volumes,
                                     long frame, long budgetNetCost, Long forecastNetCost, Long forecastResult,
                                     long outcomeNetCostToDate, OutcomeSource outcomeSource, ActionPlan actionPlan,
                                     String submittedBy, OffsetDateTime submittedAt) {

    /** Typed in the report (stored as the committee's own outcome), read from the units' outcomes, or none yet. */
    public enum OutcomeSource { NONE, TYPED, UNITS }

    public record Explanation(AccountGroup group, String label, String text) {
    }

    /** Åtgärder för en ekonomi i balans, and the committee's decision on them. */
    public record ActionPlan(String text, LocalDate decidedOn, String reference) {
    }

    public boolean submitted() {
        return state == EconomicFollowupState.INLAMNAD;
    }

    /** The policy's case: a forecast deficit, which needs an action plan decided at the same time. */
    public boolean negativeForecast() {
        return forecastResult != null && forecastResult < 0;
    }

    /** A figure of the operating table by row (an {@link AccountGroup} name) and column key; null where there is none. */
    public Long value(String rowKey, String columnKey) {
        int i = operatingColumns.indexOf(columnKey);
        return i < 0 ? null : operating.row(rowKey).values().get(i);
    }

    /** A figure of the investment table by row ("L" + line id, or TOTAL) and column key; null where there is none. */
    public Long investmentValue(String rowKey, String columnKey) {
        int i = investmentColumns.indexOf(columnKey);
        return i < 0 || investments == null ? null : investments.row(rowKey).values().get(i);
    }

    public boolean hasExplanations() {
        return explanations.stream().anyMatch(e -> e.text() != null);
    }
}
