package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalState;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/**
 * The two-level scale of the årsbokslut (seed 004, Anvisningar årsbokslut: "Bedöm måluppfyllelsen … Ej uppfyllt /
 * Helt uppfyllt", and the same for "Bedöm genomförandet av uppdrag"), against the four levels of the interim report.
 */
class AnnualScaleTest {

    private static List<String> problems(RoundType type, Part part, GoalState state, AssignmentStatus status) {
        Problems p = new Problems();
        AnnualScale.check(type, part, state == null ? null : state.name(), status, p);
        return p.list().stream().map(ValidationException.Problem::messageKey).toList();
    }

    @Test
    void the_annual_report_offers_two_levels_and_the_interim_report_the_whole_scale() {
        assertThat(AnnualScale.goalStates(RoundType.ARSBOKSLUT)).containsExactly(GoalState.HELT_UPPFYLLT, GoalState.EJ_UPPFYLLT);
        assertThat(AnnualScale.assignmentStates(RoundType.ARSBOKSLUT)).containsExactly(GoalState.HELT_UPPFYLLT, GoalState.EJ_UPPFYLLT);
        assertThat(AnnualScale.statuses(RoundType.ARSBOKSLUT)).containsExactly(AssignmentStatus.FARDIG, AssignmentStatus.FORSENAD);
        assertThat(AnnualScale.goalStates(RoundType.DELARSBOKSLUT)).containsExactly(GoalState.values());
        assertThat(AnnualScale.assignmentStates(RoundType.DELARSBOKSLUT)).containsExactly(GoalState.HELT_UPPFYLLT,
                GoalState.I_HOG_GRAD_UPPFYLLT, GoalState.DELVIS_UPPFYLLT, GoalState.EJ_UPPFYLLT);
        assertThat(AnnualScale.statuses(RoundType.DELARSBOKSLUT)).containsExactly(AssignmentStatus.values());
    }

    @Test
    void a_goal_in_the_annual_report_is_met_or_not_met() {
        assertThat(problems(RoundType.ARSBOKSLUT, Part.MAL, GoalState.HELT_UPPFYLLT, null)).isEmpty();
        assertThat(problems(RoundType.ARSBOKSLUT, Part.MAL, GoalState.EJ_UPPFYLLT, null)).isEmpty();
        assertThat(problems(RoundType.ARSBOKSLUT, Part.MAL, null, null)).as("the analysis can be saved before the assessment").isEmpty();
        for (GoalState s : List.of(GoalState.I_HOG_GRAD_UPPFYLLT, GoalState.DELVIS_UPPFYLLT, GoalState.EJ_UTVARDERAD)) {
            assertThat(problems(RoundType.ARSBOKSLUT, Part.MAL, s, null)).containsExactly("uppf.validering.arsskala.mal");
        }
        // VON's interim report judged its LSS goal on the four-level scale: still allowed there.
        assertThat(problems(RoundType.DELARSBOKSLUT, Part.MAL, GoalState.I_HOG_GRAD_UPPFYLLT, null)).isEmpty();
    }

    @Test
    void an_assignment_at_the_year_end_is_done_or_late_and_its_assessment_follows() {
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, GoalState.HELT_UPPFYLLT, AssignmentStatus.FARDIG)).isEmpty();
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, GoalState.EJ_UPPFYLLT, AssignmentStatus.FORSENAD)).isEmpty();
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, null, AssignmentStatus.FORSENAD)).isEmpty();
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, null, AssignmentStatus.PABORJAD))
                .containsExactly("uppf.validering.arsskala.status");
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, GoalState.DELVIS_UPPFYLLT, AssignmentStatus.STOPPAD))
                .containsExactly("uppf.validering.arsskala.status", "uppf.validering.arsskala.uppdrag");
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, GoalState.EJ_UPPFYLLT, AssignmentStatus.FARDIG))
                .containsExactly("uppf.validering.arsskala.overens");
        assertThat(problems(RoundType.ARSBOKSLUT, Part.UPPDRAG, GoalState.HELT_UPPFYLLT, AssignmentStatus.FORSENAD))
                .containsExactly("uppf.validering.arsskala.overens");
        assertThat(problems(RoundType.DELARSBOKSLUT, Part.UPPDRAG, GoalState.DELVIS_UPPFYLLT, AssignmentStatus.PABORJAD)).isEmpty();
        assertThat(AnnualScale.assessmentOf(AssignmentStatus.FARDIG)).isEqualTo(GoalState.HELT_UPPFYLLT);
        assertThat(AnnualScale.assessmentOf(AssignmentStatus.FORSENAD)).isEqualTo(GoalState.EJ_UPPFYLLT);
        assertThat(AnnualScale.assessmentOf(AssignmentStatus.PABORJAD)).isNull();
    }

    @Test
    void control_points_keep_their_own_scale_in_every_report() {
        Problems p = new Problems();
        AnnualScale.check(RoundType.ARSBOKSLUT, Part.IK, ControlAssessment.MED_ANMARKNING.name(), null, p);
        assertThat(p.isEmpty()).isTrue();
    }
}
