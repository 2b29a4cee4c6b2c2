package se.styr.notices;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail through the SMTP server that {@code spring.mail.host} names (Spring Boot makes the sender only
 * then). Without it, mail is off: notices are shown on the start page only.
 */
@Component
class Mailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String fromName;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${styr.mail.from:styr@localhost}") String from,
           @Value("${styr.mail.from-name:Styr}") String fromName) {
        this.sender = sender;
        this.from = from;
        this.fromName = fromName;
    }

    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends a plain-text mail with an HTML alternative; throws what the server answered when it fails. */
    void send(String to, String subject, String text, String html) throws MessagingException {
        send(to, subject, text, html, null);
    }

    /** As {@link #send(String, String, String, String)}, with a file attached when one is given. */
    void send(String to, String subject, String text, String html, Mail.Attachment attachment) throws MessagingException {
        JavaMailSender mail = sender.getObject();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        try {
            helper.setFrom(new InternetAddress(from, fromName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        helper.setTo(to);
        helper.setSubject(subject);
        if (html == null) {
            helper.setText(text);
        } else {
            helper.setText(text, html);
        }
        if (attachment != null) {
            helper.addAttachment(attachment.fileName(), new org.springframework.core.io.ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        mail.send(message);
    }
}
