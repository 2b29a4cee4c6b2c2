package se.styr.followup;

import java.util.Arrays;
import java.util.List;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalState;
import se.styr.platform.Problems;

/**
 * The scales of a round by its type. The interim report (and the monthly ones) judge a goal's fulfilment as a forecast
 * on VON's four levels; the årsbokslut judges whether the committee reached the goal on two levels, as seed 004's
 * instructions for the annual report say: "Gör en bedömning av ifall nämnden uppnått målet … Ej uppfyllt / Helt
 * uppfyllt", and the same for whether an assignment is carried out. At the year's end an assignment is either
 * {@code FARDIG} (carried out: Helt uppfyllt) or {@code FORSENAD} (not carried out in the year: Ej uppfyllt). Pure.
 */
final class AnnualScale {

    private static final List<GoalState> ANNUAL = List.of(GoalState.HELT_UPPFYLLT, GoalState.EJ_UPPFYLLT);
    private static final List<AssignmentStatus> ANNUAL_STATUSES = List.of(AssignmentStatus.FARDIG, AssignmentStatus.FORSENAD);

    private AnnualScale() {
    }

    /** The assessments a committee goal can be given at the administration level in a round of this type. */
    static List<GoalState> goalStates(RoundType type) {
        return type == RoundType.ARSBOKSLUT ? ANNUAL : List.of(GoalState.values());
    }

    /** The assessments of an assignment: the goal scale without Ej utvärderad. */
    static List<GoalState> assignmentStates(RoundType type) {
        return type == RoundType.ARSBOKSLUT ? ANNUAL
                : Arrays.stream(GoalState.values()).filter(s -> s != GoalState.EJ_UTVARDERAD).toList();
    }

    /** The statuses an assignment can be reported with. */
    static List<AssignmentStatus> statuses(RoundType type) {
        return type == RoundType.ARSBOKSLUT ? ANNUAL_STATUSES : List.of(AssignmentStatus.values());
    }

    /** An annual assignment's assessment follows from its status: carried out is Helt uppfyllt, late Ej uppfyllt. */
    static GoalState assessmentOf(AssignmentStatus status) {
        return status == AssignmentStatus.FARDIG ? GoalState.HELT_UPPFYLLT
                : status == AssignmentStatus.FORSENAD ? GoalState.EJ_UPPFYLLT : null;
    }

    /**
     * Checks a report's assessment and status against the round's scales, adding every problem. {@code assessment} is
     * a GoalState or ControlAssessment name; it has been checked to be a known value of its part's scale before.
     */
    static void check(RoundType type, Part part, String assessment, AssignmentStatus status, Problems p) {
        if (type != RoundType.ARSBOKSLUT) {
            return;
        }
        GoalState state = assessment == null || part == Part.IK ? null : GoalState.valueOf(assessment);
        if (part == Part.MAL && state != null) {
            p.check(ANNUAL.contains(state), "assessment", "uppf.validering.arsskala.mal");
        }
        if (part == Part.UPPDRAG) {
            p.check(status == null || ANNUAL_STATUSES.contains(status), "status", "uppf.validering.arsskala.status");
            p.check(state == null || ANNUAL.contains(state), "assessment", "uppf.validering.arsskala.uppdrag");
            if (state != null && ANNUAL.contains(state) && status != null && ANNUAL_STATUSES.contains(status)) {
                p.check(assessmentOf(status) == state, "assessment", "uppf.validering.arsskala.overens");
            }
        }
    }
}
