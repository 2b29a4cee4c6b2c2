package se.styr.meetings;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.Responsibles;
import se.styr.audit.AuditLog;
import se.styr.notices.Mail;
import se.styr.platform.Messages;
import se.styr.platform.Problems;

/**
 * Sends the kallelse by e-mail (the notices module's {@link Mail}): to every person called to the meeting who has an
 * address, and to the handling officers of the cases on the agenda whose officer is a user of Styr with an address.
 * The PDF is attached, or linked when it is larger than {@code styr.meetings.kallelse-attach-max} (bytes). Every sending
 * is recorded (when, by whom, to whom) and audited; sending again must be confirmed.
 */
@Service
class KallelseMail {

    /** One sending, as the meeting page shows it. */
    record Sent(long id, long meetingId, OffsetDateTime sentAt, String sentBy, int recipientCount, String recipients,
                String failed, boolean attached) {
    }

    /** Who gets it: a name and an address. */
    record Recipient(String name, String email) {
    }

    private final MeetingService meetings;
    private final CaseService cases;
    private final Kallelse kallelse;
    private final Mail mail;
    private final Responsibles responsibles;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final long attachMax;

    KallelseMail(MeetingService meetings, CaseService cases, Kallelse kallelse, Mail mail, Responsibles responsibles,
                 Access access, AuditLog audit, Messages messages, JdbcClient jdbc,
                 @Value("${styr.meetings.kallelse-attach-max:8000000}") long attachMax) {
        this.meetings = meetings;
        this.cases = cases;
        this.kallelse = kallelse;
        this.mail = mail;
        this.responsibles = responsibles;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.attachMax = attachMax;
    }

    boolean enabled() {
        return mail.enabled();
    }

    /** The sendings of the meeting, newest first. */
    List<Sent> sent(long meetingId) {
        return jdbc.sql("""
                        select id, meeting_id, sent_at, sent_by, recipient_count, recipients, failed, attached
                        from meeting_kallelse_sent where meeting_id = ? order by sent_at desc, id desc""")
                .param(meetingId).query(Sent.class).list();
    }

    /** The people called with an address, then the officers of the cases on the agenda who are users with one; no address twice. */
    List<Recipient> recipients(Meeting m) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Meeting.Attendee a : meetings.attendees(m.id())) {
            if (a.email() != null) {
                byAddress.putIfAbsent(a.email().toLowerCase(Locale.ROOT), new Recipient(a.name(), a.email()));
            }
        }
        List<String> officers = meetings.agenda(m.id()).stream().filter(i -> i.item().caseId() != null)
                .map(i -> cases.get(i.item().caseId()).officer()).filter(o -> o != null && !o.isBlank()).toList();
        for (Responsibles.Person p : responsibles.byUsernames(m.municipalityId(), officers)) {
            if (p.email() != null && !p.email().isBlank()) {
                byAddress.putIfAbsent(p.email().toLowerCase(Locale.ROOT), new Recipient(p.displayName(), p.email()));
            }
        }
        return List.copyOf(byAddress.values());
    }

    /**
     * Sends the kallelse to every recipient and records it. Refused (400, Swedish) when mail is not configured, when
     * there is nobody to send to, and when it was sent before and {@code confirmed} is false.
     */
    @Transactional
    Sent send(long meetingId, boolean confirmed) {
        Meeting m = meetings.get(meetingId);
        access.require(Access.Action.MANAGE_MEETINGS, m.bodyUnitId());
        Problems p = new Problems();
        p.check(mail.enabled(), "kallelse", "meetings.kallelse.mailOff");
        List<Recipient> to = recipients(m);
        p.check(!to.isEmpty(), "kallelse", "meetings.kallelse.noRecipients");
        List<Sent> before = sent(meetingId);
        p.check(before.isEmpty() || confirmed, "confirm", "meetings.kallelse.confirmAgain",
                before.isEmpty() ? "" : before.get(0).sentAt().toLocalDate().toString());
        p.throwIfAny();

        byte[] pdf = kallelse.pdf(m);
        boolean attach = pdf.length <= attachMax;
        String link = mail.baseUrl() + "/namnd/sammantraden/" + m.id() + "/kallelse.pdf";
        String subject = kallelse.title(m);
        String text = messages.text(attach ? "meetings.kallelse.mailText" : "meetings.kallelse.mailTextLink",
                m.bodyName(), m.meetsOn().toString(), m.startsAt(), m.place(), link);
        Mail.Attachment file = attach ? new Mail.Attachment(kallelse.fileName(m), "application/pdf", pdf) : null;
        StringBuilder sentTo = new StringBuilder();
        StringBuilder failed = new StringBuilder();
        int count = 0;
        for (Recipient r : to) {
            if (mail.send(r.email(), subject, messages.text("meetings.kallelse.greeting", r.name()) + "\n\n" + text, file)) {
                sentTo.append(r.name()).append(" <").append(r.email()).append(">\n");
                count++;
            } else {
                failed.append(r.name()).append(" <").append(r.email()).append(">\n");
            }
        }
        String who = access.current().username();
        jdbc.sql("""
                        insert into meeting_kallelse_sent (meeting_id, sent_at, sent_by, recipient_count, recipients, failed, attached)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), OffsetDateTime.now(), who, count, cut(sentTo.toString(), 20_000),
                        failed.isEmpty() ? null : cut(failed.toString(), 4000), attach).update();
        Sent saved = sent(meetingId).get(0);
        audit.record(m.municipalityId(), MeetingService.AUDIT_TYPE, m.id(), AuditLog.Action.ANDRAD,
                "Kallelse skickad till " + count + " personer – " + m.bodyName() + " " + m.meetsOn(), null, saved);
        return saved;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
