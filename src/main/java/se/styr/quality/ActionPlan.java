package se.styr.quality;

/** An economic action plan (ekonomisk handlingsplan) of a body: its title and background; its measures are actions. */
public record ActionPlan(Long id, long municipalityId, long bodyUnitId, int year, String title, String background, int version) {
}
