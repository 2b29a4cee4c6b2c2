package se.styr.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mail for other modules (the meetings module's kallelse): whether mail is configured ({@code spring.mail.host}),
 * the address people reach Styr at, and sending one plain-text mail with an optional attachment through the same
 * SMTP server and sender as the notices.
 */
@Component
public class Mail {

    private static final Logger LOG = LoggerFactory.getLogger(Mail.class);

    /** A file sent with a mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private final Mailer mailer;
    private final MailTexts texts;

    Mail(Mailer mailer, MailTexts texts) {
        this.mailer = mailer;
        this.texts = texts;
    }

    /** Whether mail is configured; without it nothing can be sent. */
    public boolean enabled() {
        return mailer.enabled();
    }

    /** The address people reach Styr at, without a trailing slash ({@code styr.base-url}). */
    public String baseUrl() {
        return texts.baseUrl();
    }

    /**
     * Sends one mail; false (and a warning in the log) when mail is off or the server refused it, so a caller sending
     * to many can report who did not get it.
     */
    public boolean send(String to, String subject, String text, Attachment attachment) {
        if (!enabled()) {
            return false;
        }
        try {
            mailer.send(to, subject, text, null, attachment);
            return true;
        } catch (jakarta.mail.MessagingException | org.springframework.mail.MailException e) {
            LOG.warn("Mail to {} failed: {}", to, e.getMessage());
            return false;
        }
    }
}
