package se.styr.quality.ikplan;

/** A point of the year's internal-control plan whose follow-up is moved to a later year, and why. */
public record Deferral(Long id, long municipalityId, long bodyUnitId, long pointId, int year, int deferredTo, String reason,
                       int version) {
}
