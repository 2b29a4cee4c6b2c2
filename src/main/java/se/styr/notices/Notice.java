package se.styr.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One notice to one person, as their list, the API and the mail show it: what happened to which task, and (for an
 * administrator's view of the outbox) where its e-mail stands. {@code text} is the Swedish line; {@code link} the
 * task's page relative to Styr's address.
 */
public record Notice(long id, long userId, String recipient, NoticeKind kind, long taskId, String taskTitle,
                     String roundName, LocalDate dueOn, String actorName, String comment, String forName,
                     OffsetDateTime createdAt, OffsetDateTime readAt, MailState mail, String mailTo, int attempts,
                     OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError, String text, String link) {

    Notice withText(String text) {
        return new Notice(id, userId, recipient, kind, taskId, taskTitle, roundName, dueOn, actorName, comment, forName,
                createdAt, readAt, mail, mailTo, attempts, nextAttemptAt, sentAt, lastError, text, link);
    }

    public boolean unread() {
        return readAt == null;
    }
}
