package se.styr.kolada;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import se.styr.goals.Assessment;
import se.styr.goals.Direction;
import se.styr.goals.Signal;

/** The cases of seed 004's "Anvisningar bedömning". */
class GuidelineRuleTest {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void user_satisfaction_is_judged_against_riket() {
        // "Medelvärdet riket 2020: Äldreboende över 81 %, hemtjänst över 88 %"
        assertThat(GuidelineRule.againstAverage(Direction.INCREASE, n("90"), n("88"))).isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(GuidelineRule.againstAverage(Direction.INCREASE, n("88"), n("88"))).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(GuidelineRule.againstAverage(Direction.INCREASE, n("79"), n("81"))).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(GuidelineRule.againstAverage(Direction.INCREASE, null, n("81"))).isEqualTo(Signal.INGET_VARDE);
        // a figure that should decrease (net cost deviation) is better below the average
        assertThat(GuidelineRule.againstAverage(Direction.DECREASE, n("-3"), n("0"))).isEqualTo(Signal.UTAN_ANMARKNING);
    }

    @Test
    void sick_leave_is_judged_by_its_share_of_the_target() {
        // "0–100 % av målvärde: Utan anmärkning; Från 100–110 %: Nära målvärde; Mer än 110 %: Med anmärkning"
        assertThat(GuidelineRule.shareOfTarget(Direction.DECREASE, n("7.5"), n("8"))).isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(GuidelineRule.shareOfTarget(Direction.DECREASE, n("8"), n("8"))).isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(GuidelineRule.shareOfTarget(Direction.DECREASE, n("8.8"), n("8"))).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(GuidelineRule.shareOfTarget(Direction.DECREASE, n("8.9"), n("8"))).isEqualTo(Signal.MED_ANMARKNING);
    }

    @Test
    void a_figure_at_106_percent_of_its_target_is_near_by_the_guidelines_but_not_by_styrs_own_rule() {
        BigDecimal target = n("8");
        BigDecimal outcome = n("8.48"); // 106 %
        assertThat(GuidelineRule.share(Direction.DECREASE, outcome, target)).isEqualByComparingTo("106");
        assertThat(GuidelineRule.shareOfTarget(Direction.DECREASE, outcome, target)).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(Assessment.evaluate(Direction.DECREASE, 2022, outcome, 2022, target, n("9"), null).signal())
                .isEqualTo(Signal.MED_ANMARKNING);
    }

    @Test
    void counts_are_judged_by_the_size_of_the_unit() {
        // "0–2 personer, eller 1 person för ansvar med under 10 mnkr i personalbudget: Utan anmärkning" ...
        assertThat(GuidelineRule.count(n("2"), false)).isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(GuidelineRule.count(n("3"), false)).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(GuidelineRule.count(n("4"), false)).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(GuidelineRule.count(n("1"), true)).isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(GuidelineRule.count(n("2"), true)).isEqualTo(Signal.NARA_MALVARDE);
        assertThat(GuidelineRule.count(n("3"), true)).isEqualTo(Signal.MED_ANMARKNING);
    }
}
