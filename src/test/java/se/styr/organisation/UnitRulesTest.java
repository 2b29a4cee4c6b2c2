package se.styr.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styr.organisation.OrgUnitType.AVDELNING;
import static se.styr.organisation.OrgUnitType.BOLAG;
import static se.styr.organisation.OrgUnitType.ENHET;
import static se.styr.organisation.OrgUnitType.FORVALTNING;
import static se.styr.organisation.OrgUnitType.KOMMUNFULLMAKTIGE;
import static se.styr.organisation.OrgUnitType.KOMMUNSTYRELSE;
import static se.styr.organisation.OrgUnitType.NAMND;
import static se.styr.organisation.OrgUnitType.PARTIGRUPP;
import static se.styr.organisation.OrgUnitType.UTSKOTT;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which type of unit may sit under which, checked against Alingsås' organisation as the demo data has it. */
class UnitRulesTest {

    @Test
    void alingsas_organisation_is_allowed_as_it_stands() {
        // KF › KS › KSAU, KLK, the committees and the companies; VON › VONAU, VOF › departments › units; KF › party groups
        assertThat(UnitRules.mayBeUnder(KOMMUNSTYRELSE, KOMMUNFULLMAKTIGE)).isTrue();
        assertThat(UnitRules.mayBeUnder(UTSKOTT, KOMMUNSTYRELSE)).isTrue();
        assertThat(UnitRules.mayBeUnder(FORVALTNING, KOMMUNSTYRELSE)).isTrue();
        assertThat(UnitRules.mayBeUnder(NAMND, KOMMUNSTYRELSE)).isTrue();
        assertThat(UnitRules.mayBeUnder(BOLAG, KOMMUNSTYRELSE)).isTrue();
        assertThat(UnitRules.mayBeUnder(UTSKOTT, NAMND)).isTrue();
        assertThat(UnitRules.mayBeUnder(FORVALTNING, NAMND)).isTrue();
        assertThat(UnitRules.mayBeUnder(AVDELNING, FORVALTNING)).isTrue();
        assertThat(UnitRules.mayBeUnder(ENHET, AVDELNING)).isTrue();
        assertThat(UnitRules.mayBeUnder(PARTIGRUPP, KOMMUNFULLMAKTIGE)).isTrue();
    }

    @Test
    void administrations_sit_under_bodies_and_units_never_directly_under_a_body() {
        assertThat(UnitRules.mayBeUnder(ENHET, NAMND)).isFalse();
        assertThat(UnitRules.mayBeUnder(ENHET, KOMMUNSTYRELSE)).isFalse();
        assertThat(UnitRules.mayBeUnder(AVDELNING, NAMND)).isFalse();
        assertThat(UnitRules.mayBeUnder(FORVALTNING, AVDELNING)).isFalse();
        assertThat(UnitRules.mayBeUnder(NAMND, FORVALTNING)).isFalse();
        assertThat(UnitRules.mayBeUnder(PARTIGRUPP, KOMMUNSTYRELSE)).isFalse();
    }

    @Test
    void kf_is_the_only_root_and_can_never_be_given_or_placed() {
        assertThat(Arrays.stream(OrgUnitType.values()).filter(t -> UnitRules.mayBeUnder(KOMMUNFULLMAKTIGE, t))).isEmpty();
        assertThat(UnitRules.assignable()).doesNotContain(KOMMUNFULLMAKTIGE).hasSize(OrgUnitType.values().length - 1);
        assertThat(UnitRules.allowedUnder(KOMMUNFULLMAKTIGE))
                .containsExactlyInAnyOrder(KOMMUNSTYRELSE, NAMND, BOLAG, PARTIGRUPP, UTSKOTT);
        assertThat(UnitRules.allowedUnder(ENHET)).containsExactly(ENHET);
        assertThat(UnitRules.allowedUnder(PARTIGRUPP)).isEmpty();
    }
}
