package se.styr.economy.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.styr.platform.ValidationException.Problem;

/** The resource allocation model's arithmetic, to the krona, with the README's worked example and seed 004's figures. */
class AllocationCalculatorTest {

    private static final long A = 1;
    private static final long B = 2;
    private static final Map<Long, String> NAMES = Map.of(A, "Nämnd A", B, "Nämnd B");

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    /**
     * The worked example of the README: two committees, two age groups, two years, PKV 4 % × 50 %, one permanent and
     * one temporary allocation.
     */
    static AllocationInput workedExample() {
        AllocationModel model = new AllocationModel(pct("50"), pct("100"), Map.of(2025, pct("4"), 2026, pct("4")),
                List.of(new AllocationModel.AgeGroup("0–17 år", Map.of(2024, 9_000L, 2025, 9_050L, 2026, 9_030L)),
                        new AllocationModel.AgeGroup("80+ år", Map.of(2024, 2_000L, 2025, 2_060L, 2026, 2_130L))),
                List.of(new AllocationModel.Committee(A, 100_000_000L, pct("1"), List.of(1_000L, 100_000L)),
                        new AllocationModel.Committee(B, 50_000_000L, pct("1.5"), List.of(110_000L, 0L))),
                List.of(new AllocationModel.Targeted(A, 2025, 3_000_000, true, "Nytt LSS-boende"),
                        new AllocationModel.Targeted(B, 2025, 1_000_000, false, "Tillfällig läxhjälp")));
        return new AllocationInput(List.of(2025, 2026), model, NAMES, Map.of(A, Map.of(2025, 111_000_000L, 2026, 120_251_000L)));
    }

    @Test
    void theWorkedExampleToTheKrona() {
        AllocationInput in = workedExample();
        assertThat(AllocationCalculator.check(in)).isEmpty();
        AllocationResult r = AllocationCalculator.compute(in);

        AllocationResult.CommitteeResult a = r.committee(A);
        // 2025: 100 000 000 × 4 % × 50 % = 2 000 000; volume 50 × 1 000 + 60 × 100 000 = 6 050 000; + 3 000 000 permanent
        assertYear(a.year(2025), 100_000_000, 0, 2_000_000, 6_050_000, 3_000_000, 0, 111_050_000, 1_110_500);
        assertThat(a.year(2025).changePercent()).isEqualByComparingTo("11.05");
        // 2026: the permanent money is in last year's frame: 111 050 000 × 2 % = 2 221 000; −20 × 1 000 + 70 × 100 000
        assertYear(a.year(2026), 111_050_000, 0, 2_221_000, 6_980_000, 0, 0, 120_251_000, 1_202_510);
        assertThat(a.year(2026).change()).isEqualTo(9_201_000);
        assertThat(a.year(2026).changePercent()).isEqualByComparingTo("8.29");

        AllocationResult.CommitteeResult b = r.committee(B);
        // 2025: 1 000 000 index, 50 × 110 000 = 5 500 000 volume, 1 000 000 temporary; buffer 1,5 %
        assertYear(b.year(2025), 50_000_000, 0, 1_000_000, 5_500_000, 0, 1_000_000, 57_500_000, 862_500);
        // 2026: the temporary million is not carried: 57 500 000 − 1 000 000 = 56 500 000 is indexed; 20 fewer children
        assertYear(b.year(2026), 57_500_000, 1_000_000, 1_130_000, -2_200_000, 0, 0, 55_430_000, 831_450);
        assertThat(b.year(2026).startingFrame()).isEqualTo(56_500_000);
        assertThat(b.year(2026).change()).isEqualTo(-2_070_000);
        assertThat(b.year(2026).changePercent()).isEqualByComparingTo("-3.60");

        assertThat(r.total(2025).frame()).isEqualTo(168_550_000);
        assertThat(r.total(2026).previousFrame()).isEqualTo(168_550_000);
        assertThat(r.total(2026).frame()).isEqualTo(175_681_000);
        assertThat(r.total(2026).index()).isEqualTo(3_351_000);
        assertThat(r.total(2026).volume()).isEqualTo(4_780_000);

        // the budget holds 111 000 000 for A in 2025: 50 000 less than the model, and nothing for B
        assertThat(a.year(2025).difference()).isEqualTo(-50_000);
        assertThat(a.year(2026).difference()).isZero();
        assertThat(b.year(2025).budgetFrame()).isNull();
        assertThat(b.hasBudgetLine()).isFalse();
        assertThat(r.withoutBudgetLine()).extracting(AllocationResult.CommitteeResult::name).containsExactly("Nämnd B");
        assertThat(r.total(2025).budgetFrame()).isEqualTo(111_000_000);
        assertThat(r.total(2025).difference()).isEqualTo(-50_000);
        assertThat(r.hasDifferences()).isTrue();
        assertThat(r.hasTemporary()).isTrue();
    }

    private static void assertYear(AllocationResult.Year y, long previous, long lessTemporary, long index, long volume,
                                   long permanent, long temporary, long frame, long buffer) {
        assertThat(List.of(y.previousFrame(), y.lessTemporary(), y.index(), y.volume(), y.permanent(), y.temporary(), y.frame(), y.buffer()))
                .as("year %d", y.year())
                .containsExactly(previous, lessTemporary, index, volume, permanent, temporary, frame, buffer);
        assertThat(y.frame()).as("the lines add up").isEqualTo(y.startingFrame() + y.index() + y.volume() + y.permanent() + y.temporary());
    }

    /**
     * VON's budget 2021 (seed 004, part 5 §3.1): from 772 145 tkr to 818 729 tkr, +46 584 tkr = price index 13 899 +
     * population 9 685 (together the "3 %, or 23 584 tkr" of permanent compensation) + political 23 000 (5 000 for a
     * new LSS home, 18 000 for elderly care). PKV 3,6 % × 50 % and the population figures are chosen to give them.
     */
    @Test
    void theSeedsBudget2021BreakdownAddsUpExactly() {
        long von = 10;
        AllocationModel model = new AllocationModel(pct("50"), pct("100"), Map.of(2021, pct("3.6")),
                List.of(new AllocationModel.AgeGroup("0–64 år", Map.of(2020, 31_600L, 2021, 31_881L)),
                        new AllocationModel.AgeGroup("65–84 år", Map.of(2020, 8_300L, 2021, 8_415L)),
                        new AllocationModel.AgeGroup("85+ år", Map.of(2020, 1_150L, 2021, 1_200L))),
                List.of(new AllocationModel.Committee(von, 772_145_000L, pct("1"), List.of(2_190L, 18_000L, 140_000L))),
                List.of(new AllocationModel.Targeted(von, 2021, 5_000_000, true, "Nytt LSS-boende"),
                        new AllocationModel.Targeted(von, 2021, 18_000_000, true, "Äldreomsorgen, i likhet med regeringens äldreomsorgssatsning")));
        AllocationInput in = new AllocationInput(List.of(2021), model, Map.of(von, "Vård- och omsorgsnämnden"),
                Map.of(von, Map.of(2021, 818_729_000L)));
        assertThat(AllocationCalculator.check(in)).isEmpty();
        AllocationResult.Year y = AllocationCalculator.compute(in).committee(von).year(2021);

        assertThat(y.index()).isEqualTo(13_898_610);              // 13 899 tkr
        assertThat(y.volume()).isEqualTo(9_685_390);              // 281 × 2 190 + 115 × 18 000 + 50 × 140 000: 9 685 tkr
        assertThat(Math.round(y.index() / 1000.0)).isEqualTo(13_899);
        assertThat(Math.round(y.volume() / 1000.0)).isEqualTo(9_685);
        assertThat(y.index() + y.volume()).isEqualTo(23_584_000);
        assertThat(y.permanent()).isEqualTo(23_000_000);
        assertThat(y.change()).isEqualTo(46_584_000);
        assertThat(y.frame()).isEqualTo(818_729_000);
        assertThat(y.difference()).isZero();
        assertThat(y.changePercent()).isEqualByComparingTo("6.03"); // "6 %"
    }

    @Test
    void permanentMoneyIsCarriedAndTemporaryMoneyIsNot() {
        AllocationModel model = new AllocationModel(pct("0"), pct("100"), Map.of(2023, pct("0"), 2024, pct("0"), 2025, pct("0")),
                List.of(), List.of(new AllocationModel.Committee(A, 10_000_000L, pct("1"), List.of())),
                List.of(new AllocationModel.Targeted(A, 2023, 400_000, true, "Permanent"),
                        new AllocationModel.Targeted(A, 2024, 250_000, false, "Tillfällig"),
                        new AllocationModel.Targeted(A, 2024, 100_000, true, "Permanent till")));
        AllocationResult.CommitteeResult a = AllocationCalculator.compute(
                new AllocationInput(List.of(2023, 2024, 2025), model, NAMES, Map.of())).committee(A);
        assertThat(a.years()).extracting(AllocationResult.Year::frame).containsExactly(10_400_000L, 10_750_000L, 10_500_000L);
        assertThat(a.year(2025).lessTemporary()).isEqualTo(250_000);
        assertThat(a.year(2025).startingFrame()).isEqualTo(10_500_000);
        assertThat(a.year(2025).change()).isEqualTo(-250_000);
        assertThat(a.allocations()).hasSize(3);
        assertThat(a.allocationIn(a.allocations().get(1), 2024)).isEqualTo(250_000);
        assertThat(a.allocationIn(a.allocations().get(1), 2025)).isNull();
    }

    @Test
    void indexVolumeAndBufferAreRoundedHalfUpToWholeKronorEach() {
        // 1 001 000 × 0,1 % × 50 % = 500,5 → 501 (half up, not half even); −1 person × 1 001 kr × 50 % = −500,5 → −501
        AllocationModel model = new AllocationModel(pct("50"), pct("50"), Map.of(2030, pct("0.1")),
                List.of(new AllocationModel.AgeGroup("Alla", Map.of(2029, 100L, 2030, 99L))),
                List.of(new AllocationModel.Committee(A, 1_001_000L, pct("1.25"), List.of(1_001L))), List.of());
        AllocationResult.Year y = AllocationCalculator.compute(new AllocationInput(List.of(2030), model, NAMES, Map.of()))
                .committee(A).year(2030);
        assertThat(y.index()).isEqualTo(501);
        assertThat(y.volume()).isEqualTo(-501);
        assertThat(y.frame()).isEqualTo(1_001_000);
        // 1 001 000 × 1,25 % = 12 512,5 → 12 513
        assertThat(y.buffer()).isEqualTo(12_513);
        assertThat(AllocationCalculator.kronor(new BigDecimal("2.5"))).isEqualTo(3);
        assertThat(AllocationCalculator.kronor(new BigDecimal("-2.5"))).isEqualTo(-3);
        assertThat(AllocationCalculator.kronor(new BigDecimal("2.4999"))).isEqualTo(2);
    }

    @Test
    void theBufferIsPartOfTheFrameAndAtLeastOnePercent() {
        AllocationInput in = workedExample();
        AllocationResult with1 = AllocationCalculator.compute(in);
        AllocationInput with5 = withCommittee(in, new AllocationModel.Committee(A, 100_000_000L, pct("5"), List.of(1_000L, 100_000L)));
        AllocationResult.Year y = AllocationCalculator.compute(with5).committee(A).year(2025);
        // a larger buffer does not change the frame, only how much of it is held back
        assertThat(y.frame()).isEqualTo(with1.committee(A).year(2025).frame());
        assertThat(y.buffer()).isEqualTo(5_552_500);

        assertThat(fields(withCommittee(in, new AllocationModel.Committee(A, 100_000_000L, pct("0.99"), List.of()))))
                .containsExactly("buffer_1");
        assertThat(AllocationCalculator.check(withCommittee(in, new AllocationModel.Committee(A, 100_000_000L, pct("0.5"), List.of()))))
                .extracting(Problem::messageKey).containsExactly("allocation.error.buffer");
        assertThat(fields(withCommittee(in, new AllocationModel.Committee(A, 100_000_000L, null, List.of())))).containsExactly("buffer_1");
        assertThat(fields(withCommittee(in, new AllocationModel.Committee(A, 100_000_000L, pct("1"), List.of())))).isEmpty();
        // a committee outside the model (no base frame) needs no buffer
        assertThat(fields(withCommittee(in, new AllocationModel.Committee(A, null, null, List.of())))).containsExactly("targeted0_committee");
    }

    @Test
    void checkRefusesWhatTheModelCannotUse() {
        AllocationInput in = workedExample();
        AllocationModel m = in.model();
        AllocationModel bad = new AllocationModel(pct("200.5"), pct("-1"), Map.of(2025, pct("31"), 2027, pct("2")),
                List.of(new AllocationModel.AgeGroup(" ", Map.of(2024, -1L, 2025, 10L)), m.ageGroups().get(1)),
                List.of(m.committees().get(0), new AllocationModel.Committee(99, 1L, pct("1"), List.of()),
                        new AllocationModel.Committee(B, -5L, pct("1"), List.of(-1L, 0L, 3L))),
                List.of(new AllocationModel.Targeted(A, 2027, 0, true, " "), new AllocationModel.Targeted(77, 2025, 1, false, "x")));
        List<Problem> problems = AllocationCalculator.check(new AllocationInput(in.years(), bad, NAMES, Map.of()));
        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder(
                "pkvShare", "volumeShare", "pkv_2025", "pkv_2026", "pkv_2027",
                "group0_label", "group0_2024", "group0_2026",
                "base_99", "base_2", "cost_2_2", "cost_2_0",
                "targeted0_year", "targeted0_amount", "targeted0_motivation", "targeted1_committee");
        assertThat(problems).filteredOn(p -> p.field().equals("pkv_2026")).extracting(Problem::messageKey)
                .containsExactly("allocation.error.pkvMissing");
        assertThat(problems).filteredOn(p -> p.field().equals("group0_2024")).extracting(Problem::messageKey)
                .containsExactly("allocation.error.persons");
    }

    private static AllocationInput withCommittee(AllocationInput in, AllocationModel.Committee a) {
        List<AllocationModel.Committee> committees = new ArrayList<>(in.model().committees());
        committees.set(0, a);
        AllocationModel m = in.model();
        return new AllocationInput(in.years(), new AllocationModel(m.pkvShare(), m.volumeShare(), m.pkv(), m.ageGroups(),
                committees, m.targeted()), in.committeeNames(), in.budgetFrames());
    }

    private static List<String> fields(AllocationInput in) {
        return AllocationCalculator.check(in).stream().map(Problem::field).toList();
    }
}
