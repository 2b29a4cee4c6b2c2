package se.styr.quality;

import java.time.OffsetDateTime;

/**
 * What a unit reports on an action in a follow-up round: how far it has come, what has been done (has the risk been
 * reduced, what is planned) and, for a measure of an action plan, the effect reached per year in whole kronor.
 */
public record ActionReport(Long id, long roundId, long actionId, long unitId, ActionStatus status, String comment,
                           Long reachedEffect, OffsetDateTime updatedAt, String updatedBy, int version) {
}
