package se.styr.quality;

import java.time.LocalDate;

/** One risk of a committee's or company's register for a year. */
public record Risk(Long id, long municipalityId, long bodyUnitId, int year, int number, Area area, String process,
            String description, int probability, int consequence, Handling handling, String handlingReason,
            Long goalObjectId, Long actionId, String assessedBy, LocalDate assessedOn, int version) {

    /** Riskvärde: probability × consequence. */
    public int value() {
        return RiskScale.value(probability, consequence);
    }

    public RiskScale.Band band() {
        return RiskScale.band(value());
    }

    public RiskScale.Probability probabilityLevel() {
        return RiskScale.Probability.of(probability);
    }

    public RiskScale.Consequence consequenceLevel() {
        return RiskScale.Consequence.of(consequence);
    }

    public Handling suggested() {
        return RiskScale.suggested(probability, consequence);
    }

    public boolean departs() {
        return RiskScale.departs(probability, consequence, handling);
    }

    public Risk withHandling(Handling newHandling, String reason, Long newGoalObjectId, Long newActionId, int readVersion) {
        return new Risk(id, municipalityId, bodyUnitId, year, number, area, process, description, probability, consequence,
                newHandling, reason, newGoalObjectId, newActionId, assessedBy, assessedOn, readVersion);
    }

    /** A risk as the register lists it, with the title of what handles it. */
    public record Row(Risk risk, String handledBy, String handledByKind, boolean handledByRetired) {
    }
}
