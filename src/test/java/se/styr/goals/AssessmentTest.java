package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assessment rules, on the figures of Alingsås' Budget 2022 (seed 004) and VON's interim report 2022. */
class AssessmentTest {

    private static final int PERIOD_START = 2022; // Budget 2022–2024
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    private static MeasureValue outcome(int year, String value) {
        return new MeasureValue(year, new BigDecimal(value), null);
    }

    private static MeasureValue target(int year, String value) {
        return new MeasureValue(year, null, new BigDecimal(value));
    }

    /** Företagsklimat, Insikt (U07451): 63, 59, 67 in 2018–2020, Delmål 2023: 75. */
    private static final List<MeasureValue> BUSINESS_CLIMATE = List.of(
            outcome(2018, "63"), outcome(2019, "59"), outcome(2020, "67"), target(2023, "75"));

    @Test
    void business_climate_is_behind_its_2023_target_and_rising() {
        Assessment.Evaluation e = Assessment.headline(Direction.INCREASE, BUSINESS_CLIMATE, PERIOD_START, FIVE);

        assertThat(e.signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(e.outcomeYear()).isEqualTo(2020);
        assertThat(e.targetYear()).isEqualTo(2023);
        assertThat(e.baseline()).isEqualByComparingTo("67");
        // 5 % of the distance 67 → 75 is 0,4: "near" from 74,6.
        assertThat(e.nearLimit()).isEqualByComparingTo("74.6");
        assertThat(Assessment.trend(BUSINESS_CLIMATE)).isEqualTo(Trend.OKAD);
        assertThat(Assessment.trendIsFavourable(Trend.OKAD, Direction.INCREASE)).isTrue();
    }

    @Test
    void an_outcome_within_the_tolerance_is_near_the_target() {
        BigDecimal baseline = Assessment.baseline(BUSINESS_CLIMATE, PERIOD_START);

        assertThat(Assessment.evaluate(Direction.INCREASE, 2023, new BigDecimal("74.6"), 2023, new BigDecimal("75"),
                baseline, FIVE).signal()).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(Assessment.evaluate(Direction.INCREASE, 2023, new BigDecimal("74.59"), 2023, new BigDecimal("75"),
                baseline, FIVE).signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(Assessment.evaluate(Direction.INCREASE, 2023, new BigDecimal("75"), 2023, new BigDecimal("75"),
                baseline, FIVE).signal()).isEqualTo(Signal.UTAN_ANMARKNING);
        // A wider tolerance, configured per key figure: 50 % of 8 = 4, so 71 is near.
        assertThat(Assessment.evaluate(Direction.INCREASE, 2023, new BigDecimal("71"), 2023, new BigDecimal("75"),
                baseline, BigDecimal.valueOf(50)).signal()).isEqualTo(Signal.NARA_MALVARDE);
    }

    /** Handläggningstid bygglov (U00811), lower is better: 124 days 2019, 35 days 2020, Delmål 2023: 40. */
    @Test
    void building_permit_time_below_target_meets_a_decreasing_target() {
        List<MeasureValue> values = List.of(outcome(2019, "124"), outcome(2020, "35"), target(2023, "40"));

        assertThat(Assessment.headline(Direction.DECREASE, values, PERIOD_START, FIVE).signal())
                .isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(Assessment.trend(values)).isEqualTo(Trend.MINSKAD);
        assertThat(Assessment.trendIsFavourable(Trend.MINSKAD, Direction.DECREASE)).isTrue();
    }

    /** VON: Antal gruppboendeplatser LSS, 64 (2020), 72 (2021), 72 (2022) against the target 80 for 2022. */
    @Test
    void lss_places_72_against_80_is_a_remark_and_unchanged() {
        List<MeasureValue> values = List.of(outcome(2020, "64"), outcome(2021, "72"),
                new MeasureValue(2022, new BigDecimal("72"), new BigDecimal("80")));

        Assessment.Evaluation e = Assessment.headline(Direction.INCREASE, values, PERIOD_START, FIVE);
        assertThat(e.signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(e.targetYear()).isEqualTo(2022);
        assertThat(Assessment.forYear(Direction.INCREASE, values, 2022, PERIOD_START, FIVE).signal())
                .isEqualTo(Signal.MED_ANMARKNING);
        assertThat(Assessment.forYear(Direction.INCREASE, values, 2021, PERIOD_START, FIVE).signal())
                .as("2021 has no target").isEqualTo(Signal.INGET_VARDE);
        assertThat(Assessment.trend(values)).isEqualTo(Trend.OFORANDRAD);
        // The derived state is "Ej uppfyllt"; VON judged the goal fully met, which the judgement records.
        assertThat(Assessment.derive(List.of(e.signal()))).isEqualTo(GoalState.EJ_UPPFYLLT);
    }

    /** VON: e-mail answered within a day, elderly care: 67 % (2020), 92 % (2021), target 90 % for 2022. */
    @Test
    void email_answers_above_target_meet_it() {
        List<MeasureValue> values = List.of(outcome(2020, "67"), outcome(2021, "92"), target(2022, "90"));

        assertThat(Assessment.headline(Direction.INCREASE, values, PERIOD_START, FIVE).signal())
                .isEqualTo(Signal.UTAN_ANMARKNING);
    }

    @Test
    void without_outcome_or_target_there_is_no_value() {
        List<MeasureValue> onlyTarget = List.of(target(2023, "63")); // Fossiloberoende fordon: no outcomes printed
        List<MeasureValue> onlyOutcomes = List.of(outcome(2019, "80.4"), outcome(2020, "79"));

        assertThat(Assessment.headline(Direction.INCREASE, onlyTarget, PERIOD_START, FIVE).signal())
                .isEqualTo(Signal.INGET_VARDE);
        assertThat(Assessment.headline(Direction.INCREASE, onlyOutcomes, PERIOD_START, FIVE).signal())
                .isEqualTo(Signal.INGET_VARDE);
        assertThat(Assessment.trend(onlyTarget)).isEqualTo(Trend.INGET_VARDE);
        assertThat(Assessment.trend(onlyOutcomes)).isEqualTo(Trend.MINSKAD);
    }

    @Test
    void without_a_baseline_the_tolerance_is_taken_of_the_target() {
        // 5 % of 80 is 4: 76 is near, 75,9 is not.
        assertThat(Assessment.evaluate(Direction.INCREASE, 2022, new BigDecimal("76"), 2022, new BigDecimal("80"), null, FIVE)
                .signal()).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(Assessment.evaluate(Direction.INCREASE, 2022, new BigDecimal("75.9"), 2022, new BigDecimal("80"), null, FIVE)
                .signal()).isEqualTo(Signal.MED_ANMARKNING);
    }

    /** Sick leave (Dag 59>), lower is better: 3,8 % in 2021, target 3,2 % and 3,5 % so far in 2022. */
    @Test
    void sick_leave_above_target_is_a_remark_but_falling() {
        List<MeasureValue> values = List.of(outcome(2021, "3.8"), new MeasureValue(2022, new BigDecimal("3.5"), new BigDecimal("3.2")));

        Assessment.Evaluation e = Assessment.headline(Direction.DECREASE, values, PERIOD_START, FIVE);
        assertThat(e.signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(e.nearLimit()).isEqualByComparingTo("3.23");
        assertThat(Assessment.trendIsFavourable(Assessment.trend(values), Direction.DECREASE)).isTrue();
    }

    @Test
    void goal_state_follows_the_key_figures() {
        assertThat(Assessment.derive(List.of())).isEqualTo(GoalState.EJ_UTVARDERAD);
        assertThat(Assessment.derive(List.of(Signal.INGET_VARDE))).isEqualTo(GoalState.EJ_UTVARDERAD);
        assertThat(Assessment.derive(List.of(Signal.UTAN_ANMARKNING, Signal.UTAN_ANMARKNING, Signal.INGET_VARDE)))
                .isEqualTo(GoalState.HELT_UPPFYLLT);
        assertThat(Assessment.derive(List.of(Signal.UTAN_ANMARKNING, Signal.MED_ANMARKNING))).isEqualTo(GoalState.DELVIS_UPPFYLLT);
        assertThat(Assessment.derive(List.of(Signal.NARA_MALVARDE))).isEqualTo(GoalState.DELVIS_UPPFYLLT);
        assertThat(Assessment.derive(List.of(Signal.MED_ANMARKNING, Signal.MED_ANMARKNING))).isEqualTo(GoalState.EJ_UPPFYLLT);
    }
}
