package se.styr.followup;

import java.time.OffsetDateTime;
import se.styr.goals.AssignmentStatus;

/**
 * What one unit reported on one object: the analysis, and depending on the object an assessment (a goal's or an
 * assignment's at the administration level, a control point's at any level), result and action, status and forecast.
 */
public record Report(Long id, long roundId, long objectId, long unitId, String analysis, String assessment, String result,
                     String action, AssignmentStatus status, String forecast, OffsetDateTime updatedAt, String updatedBy,
                     int version) {

    static Report empty(long roundId, long objectId, long unitId) {
        return new Report(null, roundId, objectId, unitId, null, null, null, null, null, null, null, null, 0);
    }

    public boolean exists() {
        return id != null;
    }
}
