package se.styr.meetings;

import java.time.LocalDate;

/**
 * The notice of approved minutes on the public notice board (Kommunallagen 8 kap. 12 §): posted no later than two days
 * after justering, and kept up until the time for appeal has run out. An appeal must be in within three weeks from the
 * day the notice was posted (13 kap. 5 §), so the last day of appeal is three weeks after posting and the notice is
 * taken down the day after.
 */
record Anslag(LocalDate postedOn, LocalDate lastDayOfAppeal, LocalDate takenDownOn) {

    static Anslag postedOn(LocalDate posted) {
        LocalDate last = posted.plusWeeks(3);
        return new Anslag(posted, last, last.plusDays(1));
    }

    /** Whether the notice is up on the given day. */
    public boolean postedAt(LocalDate day) {
        return !day.isBefore(postedOn) && day.isBefore(takenDownOn);
    }
}
