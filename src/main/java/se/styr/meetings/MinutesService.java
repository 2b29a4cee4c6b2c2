package se.styr.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.platform.ConflictException;
import se.styr.platform.Decisions;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * The minutes of a meeting: their paragraphs, numbered per body and year when the secretary opens them, and justering
 * by the chair and the adjuster, after which they are frozen and posted, and each decided case's decision flows back to
 * the object it was made from.
 */
@Service
class MinutesService {

    static final String AUDIT_TYPE = "minutes_paragraph";
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final MeetingRepository repository;
    private final CaseRepository cases;
    private final MeetingService meetings;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final DelegationRevisions revisions;

    MinutesService(MeetingRepository repository, CaseRepository cases, MeetingService meetings, Access access, AuditLog audit,
                   ApplicationEventPublisher events, DelegationRevisions revisions) {
        this.revisions = revisions;
        this.repository = repository;
        this.cases = cases;
        this.meetings = meetings;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    List<Paragraph> paragraphs(long meetingId) {
        return repository.paragraphs(meetings.get(meetingId).id());
    }

    Paragraph paragraph(long meetingId, long paragraphId) {
        return repository.paragraph(meetings.get(meetingId).id(), paragraphId)
                .orElseThrow(() -> new NotFoundException("Paragrafen", paragraphId));
    }

    /**
     * Opens the minutes: one paragraph for each numbered item of the agenda, in its order, numbered after the last
     * paragraph the body has used this year. A case's paragraph starts from its förslag till beslut.
     */
    @Transactional
    Meeting open(long meetingId, int version) {
        Meeting m = meetings.editable(meetingId);
        Problems.when(m.status() != Meeting.Status.PLANERAT, "status", "meetings.validering.redanProtokoll");
        List<AgendaItem> items = repository.agenda(meetingId).stream().filter(i -> i.kind().numbered()).toList();
        Problems.when(items.isEmpty(), "agenda", "meetings.validering.tomLista");
        int year = m.meetsOn().getYear();
        List<Integer> numbers = Numbering.next(repository.lastNumber(m.bodyUnitId(), year), items.size());
        for (int i = 0; i < items.size(); i++) {
            AgendaItem item = items.get(i);
            MeetingCase c = item.caseId() == null ? null : cases.find(m.municipalityId(), item.caseId()).orElseThrow();
            Paragraph.Outcome outcome = item.kind() == AgendaItem.Kind.PUNKT ? Paragraph.Outcome.INFORMATION : Paragraph.Outcome.BESLUT;
            repository.insertParagraph(meetingId, item.id(), c == null ? null : c.id(), m.bodyUnitId(), year, numbers.get(i),
                    item.title(), c == null ? null : c.proposal(), outcome, c == null ? null : c.sendTo());
        }
        if (!repository.setState(meetingId, version, Meeting.Status.PROTOKOLL, null, null, null)) {
            throw new ConflictException(MeetingService.AUDIT_TYPE, meetingId);
        }
        Meeting saved = meetings.get(meetingId);
        audit.record(m.municipalityId(), MeetingService.AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD,
                "Protokoll upprättat, §§ " + numbers.get(0) + "–" + numbers.get(numbers.size() - 1) + " – " + MeetingService.title(m),
                m, saved);
        return saved;
    }

    @Transactional
    Paragraph update(long meetingId, long paragraphId, int version, Paragraph.Text in) {
        Meeting m = meetings.editable(meetingId);
        Problems.when(m.status() != Meeting.Status.PROTOKOLL, "status", "meetings.validering.ejProtokoll");
        Paragraph current = paragraph(meetingId, paragraphId);
        Problems p = new Problems();
        String title = CaseService.text(p, "title", in.title(), 500);
        p.check(title != null, "title", "meetings.validering.obligatorisk");
        p.check(in.outcome() != null, "outcome", "meetings.validering.obligatorisk");
        Paragraph.Text t = new Paragraph.Text(title, CaseService.text(p, "preparation", in.preparation(), CaseService.TEXT_MAX),
                CaseService.text(p, "proposal", in.proposal(), CaseService.TEXT_MAX),
                CaseService.text(p, "process", in.process(), CaseService.TEXT_MAX),
                CaseService.text(p, "decision", in.decision(), CaseService.TEXT_MAX),
                CaseService.text(p, "reservations", in.reservations(), 4000), in.outcome(),
                CaseService.text(p, "sendTo", in.sendTo(), 2000));
        p.check(in.outcome() != Paragraph.Outcome.BESLUT || t.decision() != null, "decision", "meetings.validering.beslut");
        p.throwIfAny();
        if (!repository.updateParagraph(paragraphId, version, t)) {
            throw new ConflictException(AUDIT_TYPE, paragraphId);
        }
        Paragraph saved = paragraph(meetingId, paragraphId);
        audit.record(m.municipalityId(), AUDIT_TYPE, paragraphId, AuditLog.Action.ANDRAD,
                "§ " + saved.number() + " " + saved.title() + " – " + MeetingService.title(m), current, saved);
        return saved;
    }

    /**
     * The chair's or the adjuster's approval. When both have approved, the minutes are frozen and posted on the notice
     * board today; each case decided here is decided, each sent back or tabled waits for a later agenda, and each case
     * made from another module's object tells that module its paragraph.
     */
    @Transactional
    Meeting approve(long meetingId, int version) {
        Meeting m = repository.lock(access.municipalityId(), meetingId)
                .orElseThrow(() -> new NotFoundException("Sammanträdet", meetingId));
        String username = access.current().username();
        if (Justering.as(m, username) == null) {
            throw new AccessDeniedException("Endast sammanträdets ordförande och justerare får justera protokollet.");
        }
        if (m.frozen()) {
            throw new ConflictException(MeetingService.AUDIT_TYPE, meetingId, "meetings.justerat");
        }
        if (m.version() != version) {
            throw new ConflictException(MeetingService.AUDIT_TYPE, meetingId);
        }
        Justering.Approvals approvals;
        try {
            approvals = Justering.approve(m, username, OffsetDateTime.now(ZoneOffset.UTC));
        } catch (IllegalStateException e) {
            throw new se.styr.platform.ValidationException(new Problems().add("justering", e.getMessage()).list());
        }
        LocalDate today = LocalDate.now(SWEDEN);
        Meeting.Status status = approvals.complete() ? Meeting.Status.JUSTERAT : Meeting.Status.PROTOKOLL;
        if (!repository.setState(meetingId, version, status, approvals.chair(), approvals.adjuster(),
                approvals.complete() ? today : null)) {
            throw new ConflictException(MeetingService.AUDIT_TYPE, meetingId);
        }
        Meeting saved = meetings.get(meetingId);
        audit.record(m.municipalityId(), MeetingService.AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD,
                (approvals.complete() ? "Protokollet justerat och anslaget – " : "Justerat av " + Justering.as(m, username)
                        .name().toLowerCase() + " – ") + MeetingService.title(m), m, saved);
        if (approvals.complete()) {
            decisionsFlowBack(saved);
        }
        return saved;
    }

    private void decisionsFlowBack(Meeting m) {
        for (Paragraph p : repository.paragraphs(m.id())) {
            if (p.caseId() == null) {
                continue;
            }
            MeetingCase c = cases.find(m.municipalityId(), p.caseId()).orElseThrow();
            if (c.bodyUnitId() != m.bodyUnitId()) {
                continue; // a working committee's proposal: the committee decides
            }
            if (p.outcome().backToAgenda()) {
                cases.setStatus(c.id(), MeetingCase.Status.REGISTRERAT);
            } else if (p.outcome() == Paragraph.Outcome.BESLUT) {
                cases.setStatus(c.id(), MeetingCase.Status.BESLUTAT);
                revisions.decidedInMinutes(m.municipalityId(), c.id(), m.bodyCode() + " § " + p.number(), m.meetsOn());
                if (c.sourceType() != null) {
                    events.publishEvent(new Decisions.Decided(m.municipalityId(), c.sourceType(), c.sourceId(),
                            Paragraph.reference(m.bodyCode(), p.number(), m.meetsOn()), m.meetsOn()));
                }
            }
        }
    }
}
