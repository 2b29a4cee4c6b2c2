package se.styr.economy.followup;

/**
 * A committee's latest full-year forecast, for those who build on the economic follow-up (the financial goals).
 * Net costs are signed as in the seeds (negative); {@code month} is the month of the report the figures come from.
 */
public record CommitteeForecast(long orgUnitId, int year, int month, long budgetNetCost, long forecastNetCost,
                                long outcomeNetCostToDate, boolean submitted) {
}
