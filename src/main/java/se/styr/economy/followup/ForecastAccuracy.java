package se.styr.economy.followup;

import java.util.List;

/**
 * Prognossäkerhet (seed 004, Anvisningar årsbokslut, tab "12 prognossäkerhet ALLA ÅB"): each full-year forecast the
 * committee submitted during the year set against the year's outcome (bokslut). Every figure is a deviation from the
 * budget of verksamhetens nettokostnader in whole kronor, signed as the reports sign it (positive is favourable):
 * the forecast's deviation is forecast − budget of that report, the outcome's is outcome − budget of the year, and
 * *Avvikelse från bokslut* is the forecast's deviation minus the outcome's, i.e. how much better (positive) or worse
 * (negative) the forecast said the year would end than it did.
 *
 * @param orgUnitId        the committee, or null for the municipality (the sum over its committees)
 * @param outcomeDeviation the year's outcome against the budget; null while there is no outcome for the year
 */
public record ForecastAccuracy(Long orgUnitId, String committee, int year, List<Occasion> occasions,
                               Long budgetNetCost, Long outcomeNetCost, Long outcomeDeviation) {

    /**
     * One occasion (avstämningstillfälle): a submitted report and its forecast.
     *
     * @param differenceFromOutcome forecastDeviation − outcomeDeviation; null without an outcome
     */
    public record Occasion(int month, EconomicFollowupType type, String title, long budgetNetCost, long forecastNetCost,
                           long forecastDeviation, Long differenceFromOutcome) {
    }

    /** The occasion of this month, or null. */
    public Occasion at(int month) {
        return occasions.stream().filter(o -> o.month() == month).findFirst().orElse(null);
    }
}
