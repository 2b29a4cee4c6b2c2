package se.styr.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * What the follow-up tells other modules about its tasks, published inside the transaction of the change (so a
 * listener that writes an outbox row commits or rolls back with it). Usernames, not display names.
 */
public final class TaskEvents {

    private TaskEvents() {
    }

    /** New tasks of a round: they open for their units on {@code opensOn} (today or later). */
    public record Opened(long municipalityId, long roundId, LocalDate opensOn, List<Long> taskIds) {
    }

    /** A unit marked its task done: it waits for the approver. */
    public record MarkedDone(long municipalityId, long taskId, String by) {
    }

    /** The approver sent the task back with a comment; {@code reporter} had marked it done. */
    public record SentBack(long municipalityId, long taskId, String by, String reporter, String comment) {
    }

    /** The approver approved the task that {@code reporter} had marked done. */
    public record Approved(long municipalityId, long taskId, String by, String reporter) {
    }

    /** Tasks left their round (nothing of theirs is shared to the unit any more) and are gone. */
    public record Removed(long municipalityId, long roundId, List<Long> taskIds) {
    }
}
