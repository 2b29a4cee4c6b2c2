package se.styr.meetings;

import java.time.OffsetDateTime;

/**
 * Justering: the chair and the chosen adjuster each approve the minutes with their own account. The minutes are approved
 * when both have; then nothing of the meeting may change (a correction is a new decision at a later meeting).
 */
final class Justering {

    private Justering() {
    }

    /** Who may approve: the meeting's chair, its adjuster, or neither. */
    enum As { ORDFORANDE, JUSTERARE }

    /** The approvals after {@code username} approves; refused unless the minutes wait for that person's approval. */
    static Approvals approve(Meeting meeting, String username, OffsetDateTime now) {
        if (meeting.status() != Meeting.Status.PROTOKOLL) {
            throw new IllegalStateException(meeting.frozen() ? "meetings.justerat" : "meetings.justering.ejProtokoll");
        }
        As as = as(meeting, username);
        if (as == null) {
            throw new IllegalArgumentException("meetings.justering.inteJusterare");
        }
        OffsetDateTime chair = meeting.chairApprovedAt();
        OffsetDateTime adjuster = meeting.adjusterApprovedAt();
        if (as == As.ORDFORANDE && chair == null) {
            chair = now;
        } else if (as == As.JUSTERARE && adjuster == null) {
            adjuster = now;
        } else if (as == As.ORDFORANDE && meeting.chairUsername().equals(meeting.adjusterUsername()) && adjuster == null) {
            adjuster = now;
        } else {
            throw new IllegalStateException("meetings.justering.redan");
        }
        return new Approvals(chair, adjuster);
    }

    static As as(Meeting meeting, String username) {
        if (username == null) {
            return null;
        }
        if (username.equals(meeting.chairUsername())) {
            return As.ORDFORANDE;
        }
        return username.equals(meeting.adjusterUsername()) ? As.JUSTERARE : null;
    }

    record Approvals(OffsetDateTime chair, OffsetDateTime adjuster) {
        boolean complete() {
            return chair != null && adjuster != null;
        }
    }
}
