package se.styr.economy.followup;

import java.util.List;

/**
 * The forecast accuracy of every committee of the municipality in a year, and the municipality's: per month in which
 * any committee submitted a forecast, the sum over the committees that submitted one then and have an outcome for the
 * year (so forecast and outcome are summed over the same committees).
 *
 * @param months     the months with a submitted forecast, the columns of the overview
 * @param committees one page of the committees that reported during the year
 * @param total      the municipality, over all committees (not only the page)
 */
public record MunicipalForecastAccuracy(int year, List<Integer> months, se.styr.platform.Paging.Page<ForecastAccuracy> committees,
                                       ForecastAccuracy total) {
}
