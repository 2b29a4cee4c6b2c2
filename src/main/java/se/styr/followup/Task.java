package se.styr.followup;

import java.time.OffsetDateTime;

/** One unit's task for one part of a round, e.g. "Måluppföljning, delårsbokslut: Hemtjänst Norr". */
public record Task(long id, long roundId, long unitId, Part part, TaskState state, String comment,
                   OffsetDateTime doneAt, String doneBy, OffsetDateTime approvedAt, String approvedBy, int version) {
}
