package se.styr.economy.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styr.economy.AccountGroup.ARETS_RESULTAT;
import static se.styr.economy.AccountGroup.FINANSNETTO;
import static se.styr.economy.AccountGroup.KOMMUNBIDRAG;
import static se.styr.economy.AccountGroup.KOP_AV_TJANSTER;
import static se.styr.economy.AccountGroup.LOKALHYROR;
import static se.styr.economy.AccountGroup.OVRIGA_KOSTNADER;
import static se.styr.economy.AccountGroup.PERSONALKOSTNADER;
import static se.styr.economy.AccountGroup.VERKSAMHETENS_INTAKTER;
import static se.styr.economy.AccountGroup.VERKSAMHETENS_KOSTNADER;
import static se.styr.economy.AccountGroup.VERKSAMHETENS_NETTOKOSTNADER;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.followup.ForecastCalculator.InvestmentFigures;

/** The follow-up tables computed from typed figures only, against the seed's printed tables (seed 004, tkr). */
class EconomicFollowupCalculatorTest {

    private static final Map<String, String> LABELS = new HashMap<>();

    static {
        for (String k : List.of(ForecastCalculator.OPERATING, ForecastCalculator.INVESTMENTS, ForecastCalculator.BUDGET,
                ForecastCalculator.FORECAST, ForecastCalculator.DEVIATION, ForecastCalculator.CHANGE, ForecastCalculator.OUTCOME,
                ForecastCalculator.OUTCOME_LAST_YEAR, ForecastCalculator.DIFFERENCE)) {
            LABELS.put(k, k);
        }
    }

    /** The revised budget 2022 of Vård- och omsorgsnämnden, as the follow-ups print it. */
    private static Map<AccountGroup, Long> budget() {
        return typed(195_144, -717_534, -93_004, -160_751, -77_411);
    }

    /** Typed rows in tkr, with the grant 853 556 and finansnetto 0. */
    private static Map<AccountGroup, Long> typed(long revenue, long staff, long premises, long services, long other) {
        Map<AccountGroup, Long> m = new EnumMap<>(AccountGroup.class);
        m.put(VERKSAMHETENS_INTAKTER, revenue * 1000);
        m.put(PERSONALKOSTNADER, staff * 1000);
        m.put(LOKALHYROR, premises * 1000);
        m.put(KOP_AV_TJANSTER, services * 1000);
        m.put(OVRIGA_KOSTNADER, other * 1000);
        m.put(KOMMUNBIDRAG, 853_556_000L);
        m.put(FINANSNETTO, 0L);
        return m;
    }

    private static ForecastCalculator.Table operating(Map<AccountGroup, Long> forecast, Map<AccountGroup, Long> comparison) {
        return ForecastCalculator.operating(AccountGroup.complete(budget()), ForecastCalculator.complete(forecast),
                comparison == null ? null : ForecastCalculator.complete(comparison), Map.of(), Map.of(), false, LABELS,
                AccountGroup::name, Map.of());
    }

    private static Long tkr(ForecastCalculator.Table t, AccountGroup row, String column) {
        Long kronor = t.table().row(row.name()).values().get(t.keys().indexOf(column));
        return kronor == null ? null : kronor / 1000;
    }

    @Test
    void march_reproduces_the_seeds_table_with_its_deviations() {
        ForecastCalculator.Table t = operating(typed(217_796, -724_465, -93_004, -171_895, -81_988), null);

        assertThat(t.keys()).containsExactly("BUDGET", "PROGNOS", "AVVIKELSE");
        assertThat(List.of(VERKSAMHETENS_INTAKTER, PERSONALKOSTNADER, LOKALHYROR, KOP_AV_TJANSTER, OVRIGA_KOSTNADER,
                VERKSAMHETENS_KOSTNADER, VERKSAMHETENS_NETTOKOSTNADER, KOMMUNBIDRAG, FINANSNETTO, ARETS_RESULTAT))
                .extracting(g -> tkr(t, g, "AVVIKELSE"))
                .containsExactly(22_652L, -6_931L, 0L, -11_144L, -4_577L, -22_652L, 0L, 0L, 0L, 0L);
        assertThat(tkr(t, VERKSAMHETENS_KOSTNADER, "BUDGET")).isEqualTo(-1_048_700L);
        assertThat(tkr(t, VERKSAMHETENS_KOSTNADER, "PROGNOS")).isEqualTo(-1_071_352L);
        assertThat(tkr(t, VERKSAMHETENS_NETTOKOSTNADER, "BUDGET")).isEqualTo(-853_556L);
        assertThat(tkr(t, VERKSAMHETENS_NETTOKOSTNADER, "PROGNOS")).isEqualTo(-853_556L);
        assertThat(tkr(t, ARETS_RESULTAT, "PROGNOS")).isZero();
        assertThat(t.table().row(VERKSAMHETENS_KOSTNADER.name()).derived()).isTrue();
        assertThat(t.table().row(KOMMUNBIDRAG.name()).derived()).as("the grant is the frame, never typed").isTrue();
        assertThat(t.table().row(PERSONALKOSTNADER.name()).indent()).isEqualTo(1);
    }

    @Test
    void may_forecasts_a_surplus_of_ten_million_and_its_change_against_april_is_computed() {
        Map<AccountGroup, Long> april = typed(217_386, -727_134, -93_826, -165_171, -84_811);
        ForecastCalculator.Table t = operating(typed(222_100, -714_211, -93_826, -169_406, -88_213), april);

        assertThat(List.of(VERKSAMHETENS_INTAKTER, PERSONALKOSTNADER, LOKALHYROR, KOP_AV_TJANSTER, OVRIGA_KOSTNADER,
                VERKSAMHETENS_KOSTNADER, VERKSAMHETENS_NETTOKOSTNADER, KOMMUNBIDRAG, FINANSNETTO, ARETS_RESULTAT))
                .extracting(g -> tkr(t, g, "AVVIKELSE"))
                .containsExactly(26_956L, 3_323L, -822L, -8_655L, -10_802L, -16_956L, 10_000L, 0L, 0L, 10_000L);
        assertThat(tkr(t, VERKSAMHETENS_KOSTNADER, "PROGNOS")).isEqualTo(-1_065_656L);
        assertThat(tkr(t, VERKSAMHETENS_NETTOKOSTNADER, "PROGNOS")).isEqualTo(-843_556L);
        assertThat(tkr(t, ARETS_RESULTAT, "PROGNOS")).isEqualTo(10_000L);
        // May − April on signed amounts: the seed states +4,7 / 12,3 less negative / no change / 4,2 / 3,4 more negative.
        assertThat(List.of(VERKSAMHETENS_INTAKTER, PERSONALKOSTNADER, LOKALHYROR, KOP_AV_TJANSTER, OVRIGA_KOSTNADER, ARETS_RESULTAT))
                .extracting(g -> tkr(t, g, "FORANDRING"))
                .containsExactly(4_714L, 12_923L, 0L, -4_235L, -3_402L, 10_000L);
    }

    @Test
    void a_forecast_not_yet_made_shows_nothing_rather_than_a_result_equal_to_the_grant() {
        Map<AccountGroup, Long> none = new EnumMap<>(AccountGroup.class);
        none.put(KOMMUNBIDRAG, 853_556_000L);

        ForecastCalculator.Table t = operating(none, null);

        assertThat(tkr(t, ARETS_RESULTAT, "PROGNOS")).isNull();
        assertThat(tkr(t, ARETS_RESULTAT, "AVVIKELSE")).isNull();
        assertThat(tkr(t, ARETS_RESULTAT, "BUDGET")).isZero();
    }

    @Test
    void outcome_columns_appear_with_outcomes_and_the_difference_to_last_year() {
        // The demo's illustrative outcome January–August: the period budget plus the seed's stated deviations.
        Map<AccountGroup, Long> outcome = typed(155_096, -483_756, -62_003, -107_167, -58_707);
        outcome.put(KOMMUNBIDRAG, 569_037_000L);
        Map<AccountGroup, Long> lastYear = typed(156_496, -463_956, -61_103, -96_967, -57_307);
        lastYear.put(KOMMUNBIDRAG, 545_819_000L);

        ForecastCalculator.Table t = ForecastCalculator.operating(AccountGroup.complete(budget()), Map.of(), null,
                AccountGroup.complete(outcome), AccountGroup.complete(lastYear), false, LABELS, AccountGroup::name, Map.of());

        assertThat(t.keys()).containsExactly("BUDGET", "PROGNOS", "AVVIKELSE", "UTFALL", "UTFALL_FG", "DIFF_FG");
        assertThat(tkr(t, ARETS_RESULTAT, "UTFALL")).isEqualTo(12_500L);
        assertThat(tkr(t, VERKSAMHETENS_INTAKTER, "DIFF_FG")).isEqualTo(-1_400L);
        assertThat(tkr(t, PERSONALKOSTNADER, "DIFF_FG")).isEqualTo(-19_800L);
    }

    @Test
    void investments_of_the_interim_report_reproduce_the_seed_and_keep_its_printed_rounding() {
        BudgetData.InvestmentLine reinvestment = new BudgetData.InvestmentLine(10, 5L, null, "Reinvestering", false, 3, Map.of());
        BudgetData.InvestmentLine equipment = new BudgetData.InvestmentLine(11, 5L, 10L, "Inventarier", false, 4, Map.of(2022, 4_200_000L));
        BudgetData.InvestmentLine aids = new BudgetData.InvestmentLine(12, 5L, 10L, "Vårdarhjälpmedel", false, 5, Map.of(2022, 350_000L));
        BudgetData.InvestmentLine beds = new BudgetData.InvestmentLine(13, 5L, 10L, "Sängar", false, 6, Map.of(2022, 750_000L));
        Map<Long, InvestmentFigures> typed = Map.of(
                11L, new InvestmentFigures(2_000_000L, 852_000L, 2_316_000L),
                12L, new InvestmentFigures(700_000L, 317_000L, 532_000L),
                13L, new InvestmentFigures(500_000L, 0L, 392_000L));
        Map<String, Map<String, Long>> printed = Map.of("L10", Map.of("UTFALL", 1_170_000L), "TOTAL", Map.of("UTFALL", 1_170_000L));

        ForecastCalculator.Table t = ForecastCalculator.investments(2022, List.of(reinvestment, equipment, aids, beds), typed,
                false, LABELS, "Totala utgifter", printed);

        assertThat(t.table().rows()).extracting(EconomyTable.Row::label)
                .containsExactly("Reinvestering", "Inventarier", "Vårdarhjälpmedel", "Sängar", "Totala utgifter");
        EconomyTable.Row parent = t.table().row("L10");
        assertThat(parent.derived()).as("a line with sub-lines is their sum").isTrue();
        assertThat(parent.values()).containsExactly(5_300_000L, 3_200_000L, 2_100_000L, 1_169_000L, 3_240_000L, -2_071_000L);
        assertThat(t.table().row("L12").values()).containsExactly(350_000L, 700_000L, -350_000L, 317_000L, 532_000L, -215_000L);
        assertThat(t.table().row("TOTAL").values()).as("no double counting").isEqualTo(parent.values());
        // The seed prints 1 170 where the sub-rows sum to 1 169: shown beside the computed figure, as the budget pages do.
        assertThat(parent.differenceAt(3)).isEqualTo(1_000L);
        assertThat(parent.printedAt(3)).isEqualTo(1_170_000L);
        assertThat(t.table().hasDifferences()).isTrue();
        assertThat(t.table().row("L11").hasDifference()).isFalse();
    }

    @Test
    void investments_without_outcomes_show_budget_forecast_and_deviation_only() {
        BudgetData.InvestmentLine line = new BudgetData.InvestmentLine(20, 5L, null, "Inventarier", false, 1, Map.of(2022, 4_200_000L));

        ForecastCalculator.Table t = ForecastCalculator.investments(2022, List.of(line),
                Map.of(20L, new InvestmentFigures(4_200_000L, null, null)), false, LABELS, "Totala utgifter", Map.of());

        assertThat(t.keys()).containsExactly("BUDGET", "PROGNOS", "AVVIKELSE");
        assertThat(t.table().row("TOTAL").values()).containsExactly(4_200_000L, 4_200_000L, 0L);
    }
}
