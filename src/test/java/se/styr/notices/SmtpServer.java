package se.styr.notices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An SMTP server inside the test (GreenMail) that Styr sends its notices to. Reusable from any test, a browser test
 * too: start it once per class, register its properties, read what arrived.
 * <pre>
 * static final SmtpServer SMTP = SmtpServer.start();
 * &#64;DynamicPropertySource static void mail(DynamicPropertyRegistry r) { SMTP.register(r); }
 * &#64;AfterAll static void stop() { SMTP.stop(); }
 * </pre>
 */
public final class SmtpServer {

    private final int port;
    private GreenMail mail;

    private SmtpServer(int port) {
        this.port = port;
    }

    public static SmtpServer start() {
        SmtpServer server = new SmtpServer(freePort());
        server.restart();
        return server;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points Styr's mail at this server, and the links in the mails at {@code http://styr.test}. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("styr.mail.from", () -> "styr@kommun.test");
        registry.add("styr.base-url", () -> "http://styr.test");
        // the schedule stays out of the way: tests run the jobs themselves
        registry.add("styr.notices.interval", () -> "PT10H");
        registry.add("styr.notices.reminder-interval", () -> "PT10H");
        registry.add("styr.notices.reminder-first-run", () -> "PT10H");
    }

    /**
     * Runs the notices' jobs once, as their schedule would (which {@link #register} keeps out of the way): the due
     * events become notices and the waiting mails are sent. For tests outside this package, a browser test too.
     */
    public static void deliver(ApplicationContext context) {
        context.getBean(Dispatcher.class).dispatchDue("test");
        context.getBean(MailOutbox.class).sendDue("test");
    }

    /** Starts the server again on the same port (after {@link #stop()}, to test failures and retries). */
    public void restart() {
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    public void stop() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    public void clear() {
        try {
            mail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MimeMessage> received() {
        return Arrays.asList(mail.getReceivedMessages());
    }

    /** The mails to one address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a multipart mail, decoded. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a multipart mail, decoded. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            return message.isMimeType(type) ? (String) message.getContent() : part(message.getContent(), type);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String type) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                String inner = part(part.getContent(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
