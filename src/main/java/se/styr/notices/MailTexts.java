package se.styr.notices;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import se.styr.platform.Messages;

/**
 * The Swedish words of a notice: its line on the start page, and its e-mail (subject, plain text and a simple HTML
 * alternative) with a link to the task built from {@code styr.base-url}. All text comes from messages-notices.
 */
@Component
class MailTexts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Messages.SWEDISH);

    /** One mail, ready to send. */
    record Mail(String subject, String text, String html) {
    }

    private final Messages messages;
    private final SpringTemplateEngine templates;
    private final Environment environment;

    MailTexts(Messages messages, SpringTemplateEngine templates, Environment environment) {
        this.messages = messages;
        this.templates = templates;
        this.environment = environment;
    }

    /** The address people reach Styr at, without a trailing slash. */
    String baseUrl() {
        String configured = environment.getProperty("styr.base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    String link(Notice n) {
        return baseUrl() + (n.link() == null ? "/" : n.link());
    }

    /** The notice as one sentence, e.g. "Dana Avdelningschef har godkänt uppgiften …". */
    String line(Notice n) {
        String due = n.dueOn() == null ? "" : messages.text("notis.sistaDag", date(n.dueOn()));
        String text = switch (n.kind()) {
            case OPPNAD -> messages.text("notis.text.OPPNAD", n.taskTitle(), n.roundName(), due);
            case PAMINNELSE, FORSENAD -> messages.text("notis.text." + n.kind(), n.taskTitle(), n.roundName(), date(n.dueOn()));
            case KLARMARKERAD, GODKAND -> messages.text("notis.text." + n.kind(), n.actorName(), n.taskTitle(), n.roundName());
            case ATERSAND -> messages.text("notis.text.ATERSAND", n.actorName(), n.taskTitle(), n.roundName(), n.comment());
        };
        return n.forName() == null ? text.strip() : text.strip() + " " + messages.text("notis.somVikarie", n.forName());
    }

    String subject(Notice n) {
        return messages.text("notis.amne." + n.kind(), n.taskTitle(), n.dueOn() == null ? "" : date(n.dueOn()));
    }

    Mail single(Notice n) {
        String line = line(n);
        String link = link(n);
        String text = messages.text("mail.halsning", n.recipient()) + "\n\n" + line + "\n\n"
                + messages.text("mail.oppna") + "\n" + link + "\n\n" + footer();
        return new Mail(subject(n), text, html(messages.text("mail.halsning", n.recipient()), subject(n),
                List.of(Map.of("text", line, "link", link, "title", n.taskTitle()))));
    }

    /** The daily digest: every notice of one person since the last, one mail. */
    Mail digest(List<Notice> notices) {
        Notice first = notices.get(0);
        String subject = messages.text("mail.sammandrag.amne", notices.size());
        StringBuilder text = new StringBuilder(messages.text("mail.halsning", first.recipient())).append("\n\n")
                .append(messages.text("mail.sammandrag.inledning", notices.size())).append("\n\n");
        List<Map<String, String>> items = new java.util.ArrayList<>();
        for (Notice n : notices) {
            String line = line(n);
            text.append("- ").append(line).append("\n  ").append(link(n)).append("\n\n");
            items.add(Map.of("text", line, "link", link(n), "title", n.taskTitle()));
        }
        text.append(footer());
        return new Mail(subject, text.toString(), html(messages.text("mail.halsning", first.recipient()),
                messages.text("mail.sammandrag.inledning", notices.size()), items));
    }

    private String footer() {
        return "-- \n" + messages.text("mail.sidfot", baseUrl() + "/konto/meddelanden");
    }

    private String html(String greeting, String heading, List<Map<String, String>> items) {
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("greeting", greeting);
        context.setVariable("heading", heading);
        context.setVariable("items", items);
        context.setVariable("settings", baseUrl() + "/konto/meddelanden");
        return templates.process("notices/mail", context);
    }

    static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }
}
