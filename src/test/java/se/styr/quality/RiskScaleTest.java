package se.styr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 4×4 scale against the matrix the municipality's guideline prints (seed 004, "Nedanstående matris används vid
 * värdering av risker"), cell by cell, and the bands of its "Hantera risker".
 */
class RiskScaleTest {

    /** The printed matrix, top row first: Sannolik, Möjlig, Mindre sannolik, Osannolik; columns Försumbar … Allvarlig. */
    private static final int[][] SEED_MATRIX = {
            {4, 8, 12, 16},
            {3, 6, 9, 12},
            {2, 4, 6, 8},
            {1, 2, 3, 4}};

    @Test
    void every_cell_of_the_matrix_has_the_value_the_seed_prints() {
        RiskMatrix matrix = RiskMatrix.of(List.of());
        int cells = 0;
        for (int row = 0; row < 4; row++) {
            int probability = 4 - row;
            for (int column = 0; column < 4; column++) {
                int consequence = column + 1;
                assertThat(RiskScale.value(probability, consequence)).as("p%d k%d", probability, consequence)
                        .isEqualTo(SEED_MATRIX[row][column]);
                RiskMatrix.Cell cell = matrix.rows().get(row).cells().get(column);
                assertThat(cell.value()).isEqualTo(SEED_MATRIX[row][column]);
                assertThat(cell.probability()).isEqualTo(probability);
                assertThat(cell.consequence()).isEqualTo(consequence);
                assertThat(matrix.cell(probability, consequence)).isSameAs(cell);
                cells++;
            }
        }
        assertThat(cells).isEqualTo(16);
    }

    @Test
    void every_cell_is_in_the_band_of_its_value() {
        for (int p = 1; p <= 4; p++) {
            for (int k = 1; k <= 4; k++) {
                int value = p * k;
                RiskScale.Band expected = value <= 4 ? RiskScale.Band.LAG : value == 16 ? RiskScale.Band.HOG : RiskScale.Band.MEDEL;
                assertThat(RiskScale.band(RiskScale.value(p, k))).as("p%d k%d = %d", p, k, value).isEqualTo(expected);
                assertThat(RiskMatrix.of(List.of()).cell(p, k).band()).isEqualTo(expected);
            }
        }
        // eight cells are 1–4 (value ≤ 4: 1·1…1·4, 2·1, 2·2, 3·1, 4·1), one is 16, the other seven 6–12
        long low = RiskMatrix.of(List.of()).rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c.band() == RiskScale.Band.LAG).count();
        long high = RiskMatrix.of(List.of()).rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c.band() == RiskScale.Band.HOG).count();
        assertThat(low).isEqualTo(8);
        assertThat(high).isEqualTo(1);
    }

    @Test
    void the_values_are_exactly_the_nine_products_and_nothing_else_has_a_band() {
        assertThat(List.of(1, 2, 3, 4, 6, 8, 9, 12, 16)).allSatisfy(v -> RiskScale.band(v));
        for (int impossible : new int[] {0, 5, 7, 10, 11, 13, 14, 15, 17}) {
            assertThatThrownBy(() -> RiskScale.band(impossible)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RiskScale.value(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskScale.value(2, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_levels_carry_the_guidelines_swedish_order() {
        assertThat(RiskScale.Probability.of(1)).isEqualTo(RiskScale.Probability.OSANNOLIK);
        assertThat(RiskScale.Probability.of(2)).isEqualTo(RiskScale.Probability.MINDRE_SANNOLIK);
        assertThat(RiskScale.Probability.of(3)).isEqualTo(RiskScale.Probability.MOJLIG);
        assertThat(RiskScale.Probability.of(4)).isEqualTo(RiskScale.Probability.SANNOLIK);
        assertThat(RiskScale.Consequence.of(1)).isEqualTo(RiskScale.Consequence.FORSUMBAR);
        assertThat(RiskScale.Consequence.of(2)).isEqualTo(RiskScale.Consequence.LINDRIG);
        assertThat(RiskScale.Consequence.of(3)).isEqualTo(RiskScale.Consequence.KANNBAR);
        assertThat(RiskScale.Consequence.of(4)).isEqualTo(RiskScale.Consequence.ALLVARLIG);
    }

    @Test
    void the_suggested_handling_follows_the_band_and_a_critical_factor_for_the_less_likely() {
        for (int p = 1; p <= 4; p++) {
            for (int k = 1; k <= 4; k++) {
                Handling suggested = RiskScale.suggested(p, k);
                int value = p * k;
                if (value <= 4) {
                    assertThat(suggested).isEqualTo(Handling.INGEN);
                } else if (value == 16) {
                    assertThat(suggested).isEqualTo(Handling.OMEDELBAR_ATGARD);
                } else {
                    assertThat(suggested).as("p%d k%d", p, k).isEqualTo(p <= 2 ? Handling.KRITISK_FAKTOR : Handling.INTERNKONTROLLPUNKT);
                }
                assertThat(RiskScale.departs(p, k, suggested)).isFalse();
            }
        }
    }

    @Test
    void a_handling_outside_the_band_departs_and_is_refused_without_a_reason() {
        // VON's risk 12: Osannolik × Kännbar = 3, handled as a critical factor
        assertThat(RiskScale.departs(1, 3, Handling.KRITISK_FAKTOR)).isTrue();
        assertThat(RiskScale.departs(4, 4, Handling.INTERNKONTROLLPUNKT)).isTrue();
        assertThat(RiskScale.departs(4, 3, Handling.OMEDELBAR_ATGARD)).isTrue();
        assertThat(RiskScale.departs(2, 4, Handling.UPPDRAG)).as("an assignment is within 6–12, as VON uses it").isFalse();
        assertThat(RiskScale.departs(2, 3, Handling.MAL)).isFalse();

        RiskInput withoutReason = new RiskInput(null, null, "Risk att biståndsbeslut inte följs upp.", 1, 3,
                Handling.KRITISK_FAKTOR, " ", null, null);
        assertThat(RiskRules.check(withoutReason).list()).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("handlingReason");
                    assertThat(p.messageKey()).isEqualTo("quality.validering.avvikelse");
                    assertThat(p.args()[0]).isEqualTo(3);
                });
        RiskInput withReason = new RiskInput(null, null, "Risk att biståndsbeslut inte följs upp.", 1, 3,
                Handling.KRITISK_FAKTOR, "Omhändertas inom förvaltningens kritiska verksamhetsfaktorer.", null, null);
        assertThat(RiskRules.check(withReason).isEmpty()).isTrue();
    }

    @Test
    void every_problem_of_a_bad_risk_is_reported_at_once() {
        RiskInput bad = new RiskInput(null, "x".repeat(201), " ", 0, 5, null, null, null, null);
        assertThat(RiskRules.check(bad).list()).extracting(p -> p.field())
                .containsExactlyInAnyOrder("description", "process", "probability", "consequence", "handling");
    }
}
