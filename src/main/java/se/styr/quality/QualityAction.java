package se.styr.quality;

/**
 * An action (åtgärd): what is done, why, who is responsible, the timetable and the status. The immediate actions of the
 * risk analysis are actions without a plan; the measures of an economic action plan are actions of their plan, in its
 * order, with the expected effect per year in whole kronor (null where the plan gives none; shown in tkr).
 */
public record QualityAction(Long id, long municipalityId, long bodyUnitId, int year, String what, String why, String responsible,
                     String timetable, ActionStatus status, int version, Long planId, int position, Long expectedEffect) {

    /** An immediate action of the risk analysis, not a measure of a plan. */
    public boolean immediate() {
        return planId == null;
    }
}
