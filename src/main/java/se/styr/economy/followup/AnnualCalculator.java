package se.styr.economy.followup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.economy.EconomyTable.Row;
import se.styr.economy.EconomyTable.RowKind;

/**
 * The årsbokslut's figures from the budget, the forecasts and the outcome: the operating table with the bokslut
 * columns and the forecast accuracy ({@link ForecastAccuracy}). Pure.
 */
final class AnnualCalculator {

    static final String BUDGET = ForecastCalculator.BUDGET;
    static final String OUTCOME = "BOKSLUT";
    static final String DEVIATION = ForecastCalculator.DEVIATION;
    static final String OUTCOME_LAST_YEAR = "BOKSLUT_FG";
    static final String DIFFERENCE = ForecastCalculator.DIFFERENCE;

    /** A submitted forecast of the year: the report's month, type and title, its budget and forecast net cost. */
    record Forecast(int month, EconomicFollowupType type, String title, long budgetNetCost, long forecastNetCost) {
    }

    private AnnualCalculator() {
    }

    /**
     * The forecast accuracy.
     *
     * @param budgetNetCost  the year's budget of verksamhetens nettokostnader (negative), null when there is none
     * @param outcomeNetCost the year's outcome of verksamhetens nettokostnader, null when there is none
     */
    static ForecastAccuracy accuracy(Long orgUnitId, String committee, int year, List<Forecast> forecasts,
                                     Long budgetNetCost, Long outcomeNetCost) {
        Long outcomeDeviation = budgetNetCost == null || outcomeNetCost == null ? null : outcomeNetCost - budgetNetCost;
        List<ForecastAccuracy.Occasion> occasions = forecasts.stream()
                .sorted(java.util.Comparator.comparingInt(Forecast::month))
                .map(f -> {
                    long deviation = f.forecastNetCost() - f.budgetNetCost();
                    return new ForecastAccuracy.Occasion(f.month(), f.type(), f.title(), f.budgetNetCost(),
                            f.forecastNetCost(), deviation, outcomeDeviation == null ? null : deviation - outcomeDeviation);
                }).toList();
        return new ForecastAccuracy(orgUnitId, committee, year, occasions, budgetNetCost, outcomeNetCost, outcomeDeviation);
    }

    /**
     * The municipality's accuracy from its committees': per month, the committees with a forecast then and an outcome
     * for the year; the outcome over the committees with one.
     */
    static ForecastAccuracy total(String name, int year, List<Integer> months, List<ForecastAccuracy> committees,
                                  Map<Integer, String> titles) {
        List<ForecastAccuracy> withOutcome = committees.stream().filter(c -> c.outcomeDeviation() != null).toList();
        List<ForecastAccuracy.Occasion> occasions = new ArrayList<>();
        for (int month : months) {
            List<ForecastAccuracy.Occasion> at = withOutcome.stream().map(c -> c.at(month)).filter(java.util.Objects::nonNull).toList();
            if (at.isEmpty()) {
                continue;
            }
            long budget = at.stream().mapToLong(ForecastAccuracy.Occasion::budgetNetCost).sum();
            long forecast = at.stream().mapToLong(ForecastAccuracy.Occasion::forecastNetCost).sum();
            long difference = at.stream().mapToLong(ForecastAccuracy.Occasion::differenceFromOutcome).sum();
            occasions.add(new ForecastAccuracy.Occasion(month, at.get(0).type(), titles.get(month), budget, forecast,
                    forecast - budget, difference));
        }
        boolean any = !withOutcome.isEmpty();
        return new ForecastAccuracy(null, name, year, occasions,
                any ? withOutcome.stream().mapToLong(ForecastAccuracy::budgetNetCost).sum() : null,
                any ? withOutcome.stream().mapToLong(ForecastAccuracy::outcomeNetCost).sum() : null,
                any ? withOutcome.stream().mapToLong(ForecastAccuracy::outcomeDeviation).sum() : null);
    }

    /**
     * The year's outcome as a whole column: the typed groups' outcome to December, the grant as the year's frame (the
     * committee receives its whole frame in the year) and finansnetto as recorded or else 0, derived rows completed.
     * Empty when nothing has been recorded.
     */
    static Map<AccountGroup, Long> outcomeColumn(Map<AccountGroup, Long> toDate, Long frame) {
        if (toDate.isEmpty()) {
            return Map.of();
        }
        Map<AccountGroup, Long> typed = new EnumMap<>(AccountGroup.class);
        toDate.forEach((g, v) -> {
            if (!g.derived()) {
                typed.put(g, v);
            }
        });
        if (frame != null) {
            typed.putIfAbsent(AccountGroup.KOMMUNBIDRAG, frame);
        }
        typed.putIfAbsent(AccountGroup.FINANSNETTO, 0L);
        return AccountGroup.complete(typed);
    }

    /** The operating table of the årsbokslut: budget, bokslut, their deviation, last year's bokslut and the difference. */
    static ForecastCalculator.Table operating(Map<AccountGroup, Long> budget, Map<AccountGroup, Long> outcome,
                                              Map<AccountGroup, Long> lastYear, Map<String, String> labels,
                                              Function<AccountGroup, String> rowLabel) {
        List<String> keys = new ArrayList<>(List.of(BUDGET, OUTCOME, DEVIATION));
        if (!lastYear.isEmpty()) {
            keys.add(OUTCOME_LAST_YEAR);
            keys.add(DIFFERENCE);
        }
        List<Row> rows = new ArrayList<>();
        for (AccountGroup g : AccountGroup.values()) {
            Long b = budget.get(g);
            Long o = outcome.get(g);
            Long ly = lastYear.get(g);
            List<Long> values = keys.stream().map(k -> switch (k) {
                case BUDGET -> b;
                case OUTCOME -> o;
                case DEVIATION -> ForecastCalculator.minus(o, b);
                case OUTCOME_LAST_YEAR -> ly;
                default -> ForecastCalculator.minus(o, ly);
            }).toList();
            boolean derived = g.derived() || g == AccountGroup.KOMMUNBIDRAG;
            rows.add(new Row(g.name(), rowLabel.apply(g), derived ? RowKind.DERIVED : RowKind.INPUT, g.cost() ? 1 : 0, values, null));
        }
        return new ForecastCalculator.Table(new EconomyTable(ForecastCalculator.OPERATING, labels.get(ForecastCalculator.OPERATING),
                keys.stream().map(labels::get).toList(), rows), keys);
    }
}
