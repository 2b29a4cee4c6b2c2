package se.styr.followup;

import java.time.LocalDate;
import java.util.Map;
import se.styr.organisation.OrgUnitType;

/** A follow-up round of one committee, compiled by its administration; deadlines per level of the organisation. */
public record Round(long id, long municipalityId, long bodyUnitId, long adminUnitId, Long periodId, RoundType type,
                   String name, LocalDate asOf, LocalDate opensOn, String summary, RoundState state, int reportVersion,
                   int version, Map<OrgUnitType, LocalDate> deadlines) {

    public int year() {
        return asOf.getYear();
    }

    public boolean isDecided() {
        return state == RoundState.BESLUTAD;
    }

    public LocalDate deadlineFor(OrgUnitType level) {
        return deadlines.get(level);
    }
}
