package se.styr.economy.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.styr.economy.AccountGroup;

/**
 * The årsbokslut's figures, exact to the krona. The budget is Vård- och omsorgsnämndens revised budget 2022 as the
 * seed's follow-ups print it (195 144 / −717 534 / −93 004 / −160 751 / −77 411 tkr, net −853 556, grant 853 556), its
 * forecasts those of the demo (March and May as printed, April and August illustrative: all within the frame). The
 * seeds stop at the interim report, so the year's outcome is illustrative.
 */
class AnnualCalculatorTest {

    private static final long VON_BUDGET_NET = -853_556_000L;

    private static Map<AccountGroup, Long> vonBudget() {
        Map<AccountGroup, Long> b = new EnumMap<>(AccountGroup.class);
        b.put(AccountGroup.VERKSAMHETENS_INTAKTER, 195_144_000L);
        b.put(AccountGroup.PERSONALKOSTNADER, -717_534_000L);
        b.put(AccountGroup.LOKALHYROR, -93_004_000L);
        b.put(AccountGroup.KOP_AV_TJANSTER, -160_751_000L);
        b.put(AccountGroup.OVRIGA_KOSTNADER, -77_411_000L);
        b.put(AccountGroup.KOMMUNBIDRAG, 853_556_000L);
        b.put(AccountGroup.FINANSNETTO, 0L);
        return AccountGroup.complete(b);
    }

    /** The year's outcome to December as read in: the typed groups, without the grant. */
    private static Map<AccountGroup, Long> vonOutcomeToDecember() {
        Map<AccountGroup, Long> o = new EnumMap<>(AccountGroup.class);
        o.put(AccountGroup.VERKSAMHETENS_INTAKTER, 236_412_000L);
        o.put(AccountGroup.PERSONALKOSTNADER, -729_815_000L);
        o.put(AccountGroup.LOKALHYROR, -93_952_000L);
        o.put(AccountGroup.KOP_AV_TJANSTER, -168_907_000L);
        o.put(AccountGroup.OVRIGA_KOSTNADER, -95_254_000L);
        return AccountGroup.complete(o);
    }

    private static List<AnnualCalculator.Forecast> vonForecasts() {
        // March: 217 796 − 724 465 − 93 004 − 171 895 − 81 988 = −853 556 tkr, as printed; the others also within the frame.
        return List.of(
                new AnnualCalculator.Forecast(8, EconomicFollowupType.DELARSBOKSLUT, "Delårsbokslut per augusti 2022", VON_BUDGET_NET,
                        224_144_000L - 723_434_000L - 94_104_000L - 167_651_000L - 92_511_000L),
                new AnnualCalculator.Forecast(3, EconomicFollowupType.MANADSUPPFOLJNING, "Månadsuppföljning per mars 2022", VON_BUDGET_NET,
                        217_796_000L - 724_465_000L - 93_004_000L - 171_895_000L - 81_988_000L),
                new AnnualCalculator.Forecast(4, EconomicFollowupType.FORDJUPAD_MANADSUPPFOLJNING, "Fördjupad månadsuppföljning per april 2022",
                        VON_BUDGET_NET, VON_BUDGET_NET));
    }

    @Test
    void the_year_outcome_gets_the_grant_and_a_result() {
        Map<AccountGroup, Long> outcome = AnnualCalculator.outcomeColumn(vonOutcomeToDecember(), 853_556_000L);
        assertThat(outcome.get(AccountGroup.VERKSAMHETENS_KOSTNADER)).isEqualTo(-1_087_928_000L);
        assertThat(outcome.get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER)).isEqualTo(-851_516_000L);
        assertThat(outcome.get(AccountGroup.KOMMUNBIDRAG)).isEqualTo(853_556_000L);
        assertThat(outcome.get(AccountGroup.ARETS_RESULTAT)).isEqualTo(2_040_000L);
        // A grant booked in the outcome is the one used.
        Map<AccountGroup, Long> booked = new EnumMap<>(vonOutcomeToDecember());
        booked.put(AccountGroup.KOMMUNBIDRAG, 850_000_000L);
        assertThat(AnnualCalculator.outcomeColumn(booked, 853_556_000L).get(AccountGroup.ARETS_RESULTAT)).isEqualTo(-1_516_000L);
        assertThat(AnnualCalculator.outcomeColumn(Map.of(), 853_556_000L)).isEmpty();
    }

    @Test
    void the_annual_operating_table_has_budget_bokslut_deviation_last_year_and_difference() {
        Map<AccountGroup, Long> outcome = AnnualCalculator.outcomeColumn(vonOutcomeToDecember(), 853_556_000L);
        Map<AccountGroup, Long> lastYear = new EnumMap<>(AccountGroup.class);
        lastYear.put(AccountGroup.VERKSAMHETENS_INTAKTER, 233_600_000L);
        lastYear.put(AccountGroup.PERSONALKOSTNADER, -700_100_000L);
        lastYear.put(AccountGroup.KOMMUNBIDRAG, 818_728_000L);
        lastYear = AnnualCalculator.outcomeColumn(AccountGroup.complete(lastYear), null);
        ForecastCalculator.Table t = AnnualCalculator.operating(vonBudget(), outcome, lastYear,
                Map.of(ForecastCalculator.OPERATING, "Drift", "BUDGET", "Budget 2022", "BOKSLUT", "Bokslut 2022",
                        "AVVIKELSE", "Avv. bokslut/ budget 2022", "BOKSLUT_FG", "Bokslut 2021", "DIFF_FG", "Diff. bokslut 2022/2021"),
                AccountGroup::name);
        assertThat(t.keys()).containsExactly("BUDGET", "BOKSLUT", "AVVIKELSE", "BOKSLUT_FG", "DIFF_FG");
        assertThat(t.table().columns()).containsExactly("Budget 2022", "Bokslut 2022", "Avv. bokslut/ budget 2022", "Bokslut 2021",
                "Diff. bokslut 2022/2021");
        assertThat(t.table().row("VERKSAMHETENS_INTAKTER").values())
                .containsExactly(195_144_000L, 236_412_000L, 41_268_000L, 233_600_000L, 2_812_000L);
        assertThat(t.table().row("VERKSAMHETENS_NETTOKOSTNADER").values().subList(0, 3))
                .containsExactly(-853_556_000L, -851_516_000L, 2_040_000L);
        assertThat(t.table().row("ARETS_RESULTAT").values().subList(0, 3)).containsExactly(0L, 2_040_000L, 2_040_000L);
        // Without last year's bokslut the table has the three columns of the year.
        assertThat(AnnualCalculator.operating(vonBudget(), outcome, Map.of(), Map.of(), AccountGroup::name).keys())
                .containsExactly("BUDGET", "BOKSLUT", "AVVIKELSE");
    }

    @Test
    void forecast_accuracy_is_each_forecast_deviation_minus_the_outcome_deviation() {
        ForecastAccuracy von = AnnualCalculator.accuracy(1L, "Vård- och omsorgsnämnden", 2022, vonForecasts(),
                VON_BUDGET_NET, -851_516_000L);
        assertThat(von.outcomeDeviation()).isEqualTo(2_040_000L);
        assertThat(von.occasions()).extracting(ForecastAccuracy.Occasion::month).containsExactly(3, 4, 8);
        assertThat(von.occasions()).extracting(ForecastAccuracy.Occasion::forecastDeviation).containsExactly(0L, 0L, 0L);
        // The forecasts said the year would end in balance; it ended 2 040 tkr better, so each was 2 040 tkr too cautious.
        assertThat(von.occasions()).extracting(ForecastAccuracy.Occasion::differenceFromOutcome)
                .containsExactly(-2_040_000L, -2_040_000L, -2_040_000L);
        assertThat(von.at(4).title()).isEqualTo("Fördjupad månadsuppföljning per april 2022");

        ForecastAccuracy other = AnnualCalculator.accuracy(2L, "Kultur- och fritidsnämnden", 2022, List.of(
                        new AnnualCalculator.Forecast(4, EconomicFollowupType.FORDJUPAD_MANADSUPPFOLJNING, "april", -400_000_000L, -412_500_000L),
                        new AnnualCalculator.Forecast(8, EconomicFollowupType.DELARSBOKSLUT, "augusti", -400_000_000L, -409_000_000L)),
                -400_000_000L, -410_300_000L);
        assertThat(other.occasions()).extracting(ForecastAccuracy.Occasion::forecastDeviation).containsExactly(-12_500_000L, -9_000_000L);
        assertThat(other.occasions()).extracting(ForecastAccuracy.Occasion::differenceFromOutcome).containsExactly(-2_200_000L, 1_300_000L);

        ForecastAccuracy noOutcome = AnnualCalculator.accuracy(3L, "Byggnadsnämnden", 2022, List.of(
                new AnnualCalculator.Forecast(8, EconomicFollowupType.DELARSBOKSLUT, "augusti", -50_000_000L, -49_000_000L)),
                -50_000_000L, null);
        assertThat(noOutcome.outcomeDeviation()).isNull();
        assertThat(noOutcome.at(8).differenceFromOutcome()).isNull();

        ForecastAccuracy total = AnnualCalculator.total("Kommunen totalt", 2022, List.of(3, 4, 8), List.of(von, other, noOutcome),
                Map.of(3, "Per mars", 4, "Per april", 8, "Per augusti"));
        assertThat(total.outcomeDeviation()).as("over the committees with a bokslut").isEqualTo(2_040_000L - 10_300_000L);
        assertThat(total.occasions()).extracting(ForecastAccuracy.Occasion::forecastDeviation).containsExactly(0L, -12_500_000L, -9_000_000L);
        assertThat(total.occasions()).extracting(ForecastAccuracy.Occasion::differenceFromOutcome)
                .containsExactly(-2_040_000L, -4_240_000L, -740_000L);
        assertThat(total.at(8).title()).isEqualTo("Per augusti");
        assertThat(total.budgetNetCost()).isEqualTo(VON_BUDGET_NET - 400_000_000L);
    }
}
