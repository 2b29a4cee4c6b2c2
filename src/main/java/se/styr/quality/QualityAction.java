package se.styr.quality;

/**
 * An action (åtgärd): what is done, why (the risk it handles), who is responsible, the timetable and the status.
 * The immediate actions of the risk analysis are actions.
 */
public record QualityAction(Long id, long municipalityId, long bodyUnitId, int year, String what, String why, String responsible,
                     String timetable, ActionStatus status, int version) {
}
