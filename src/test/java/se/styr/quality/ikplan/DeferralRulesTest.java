package se.styr.quality.ikplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.styr.platform.ValidationException;

/** A deferral needs a later year within the horizon and a reason; each failure names its field. */
class DeferralRulesTest {

    private static java.util.List<String> keys(Integer to, String reason) {
        return DeferralRules.check(2022, to, reason).list().stream().map(ValidationException.Problem::messageKey).toList();
    }

    @Test
    void a_later_year_with_a_reason_is_accepted() {
        assertThat(DeferralRules.check(2022, 2023, "Implementeringen har försenats.").isEmpty()).isTrue();
        assertThat(DeferralRules.check(2022, 2022 + DeferralRules.HORIZON, "Skäl").isEmpty()).isTrue();
    }

    @Test
    void the_same_or_an_earlier_year_is_refused() {
        assertThat(keys(2022, "Skäl")).containsExactly("ikplan.validering.ar.senare");
        assertThat(keys(2021, "Skäl")).containsExactly("ikplan.validering.ar.senare");
    }

    @Test
    void a_year_beyond_the_horizon_is_refused() {
        assertThat(keys(2022 + DeferralRules.HORIZON + 1, "Skäl")).containsExactly("ikplan.validering.ar.horisont");
    }

    @Test
    void a_missing_year_and_a_blank_or_too_long_reason_are_refused_together() {
        assertThat(keys(null, "  ")).containsExactlyInAnyOrder("ikplan.validering.ar.saknas", "ikplan.validering.motivering");
        assertThat(keys(2023, "x".repeat(DeferralRules.REASON_MAX + 1))).containsExactly("validering.text.lang");
    }
}
