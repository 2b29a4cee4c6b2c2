package se.styr.followup;

import java.time.OffsetDateTime;

/**
 * What only the årsbokslut asks (seed 004, Anvisningar årsbokslut): whether the committee followed its own
 * internal-control plan (when and how the controls were to be made) and, if not, why; whether the activities it
 * planned for the year were carried out; and a short comment on the year's forecast accuracy (prognossäkerhet).
 * A null answer is not yet given. {@code version} 0 is a review not yet saved.
 */
public record AnnualReview(long roundId, Boolean controlPlanFollowed, String controlPlanComment, Boolean activitiesFollowed,
                           String activitiesComment, String forecastComment, OffsetDateTime updatedAt, String updatedBy,
                           int version) {

    static AnnualReview empty(long roundId) {
        return new AnnualReview(roundId, null, null, null, null, null, null, null, 0);
    }

    public boolean exists() {
        return version > 0;
    }
}
