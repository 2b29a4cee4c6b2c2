package se.styr.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/** A body's meetings: date, place and officers, who is called, and the agenda with its information items and meddelanden. */
@Service
class MeetingService {

    static final String AUDIT_TYPE = "meeting";
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("([01]\\d|2[0-3])[:.][0-5]\\d");

    private final MeetingRepository repository;
    private final CaseRepository cases;
    private final CaseService caseService;
    private final Access access;
    private final AuditLog audit;

    MeetingService(MeetingRepository repository, CaseRepository cases, CaseService caseService, Access access, AuditLog audit) {
        this.repository = repository;
        this.cases = cases;
        this.caseService = caseService;
        this.access = access;
        this.audit = audit;
    }

    // ---- reading

    Meeting get(long id) {
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Sammanträdet", id));
    }

    List<Meeting> list() {
        return repository.list(access.municipalityId(), caseService.bodies().stream().map(OrgUnit::id).toList());
    }

    List<Meeting.Attendee> attendees(long meetingId) {
        return repository.attendees(meetingId);
    }

    List<AgendaItem.Labelled> agenda(long meetingId) {
        return AgendaItem.label(repository.agenda(meetingId));
    }

    List<MeetingCase.Document> messages(long meetingId) {
        return repository.messages(meetingId);
    }

    boolean mayManage(Meeting m) {
        return caseService.mayManage(m.bodyUnitId());
    }

    // ---- writing

    @Transactional
    Meeting create(long bodyUnitId, Meeting.Details in) {
        OrgUnit body = caseService.body(bodyUnitId);
        access.require(Access.Action.MANAGE_MEETINGS, body.id());
        Meeting.Details d = check(in);
        long id = repository.insert(access.municipalityId(), body.id(), d);
        Meeting saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, title(saved), null, saved);
        return saved;
    }

    @Transactional
    Meeting update(long id, int version, Meeting.Details in) {
        Meeting current = editable(id);
        Meeting.Details d = check(in);
        if (!repository.update(id, version, d)) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        Meeting saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, title(saved), current, saved);
        return saved;
    }

    @Transactional
    void addAttendee(long meetingId, String name, String party, Meeting.Role role, String servingFor, boolean present) {
        addAttendee(meetingId, name, party, role, servingFor, present, null);
    }

    /** A person called to the meeting, with the e-mail address the kallelse is sent to (optional). */
    @Transactional
    void addAttendee(long meetingId, String name, String party, Meeting.Role role, String servingFor, boolean present,
                     String email) {
        Meeting m = editable(meetingId);
        Problems p = new Problems();
        String n = CaseService.text(p, "name", name, 200);
        p.check(n != null, "name", "meetings.validering.obligatorisk");
        p.check(role != null, "role", "meetings.validering.obligatorisk");
        String serving = CaseService.text(p, "servingFor", servingFor, 200);
        String address = email(p, email);
        p.throwIfAny();
        List<Meeting.Attendee> before = repository.attendees(meetingId);
        repository.addAttendee(meetingId, n, CaseService.text(p, "party", party, 20), role, serving, present);
        if (address != null) {
            repository.setEmail(meetingId, repository.attendees(meetingId).stream().mapToLong(Meeting.Attendee::id).max().orElseThrow(),
                    address);
        }
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Närvaro: " + n + " – " + title(m),
                before, repository.attendees(meetingId));
    }

    /** Who attended, and whom a substitute served for (tjänstgörande ersättare). */
    @Transactional
    void setAttendance(long meetingId, long attendeeId, boolean present, String servingFor) {
        setAttendance(meetingId, attendeeId, present, servingFor, null);
    }

    /** As above; {@code email} (when not null) replaces the address the kallelse is sent to, blank clears it. */
    @Transactional
    void setAttendance(long meetingId, long attendeeId, boolean present, String servingFor, String email) {
        Meeting m = editable(meetingId);
        Problems p = new Problems();
        String serving = CaseService.text(p, "servingFor", servingFor, 200);
        String address = email(p, email);
        p.throwIfAny();
        List<Meeting.Attendee> before = repository.attendees(meetingId);
        Problems.when(before.stream().noneMatch(a -> a.id() == attendeeId), "attendee", "meetings.validering.saknas");
        repository.setAttendance(meetingId, attendeeId, present, serving);
        if (email != null) {
            repository.setEmail(meetingId, attendeeId, address);
        }
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Närvaro – " + title(m), before,
                repository.attendees(meetingId));
    }

    /** Adds an item at the end of the agenda; a case goes on the agenda (its status says so). */
    @Transactional
    long addItem(long meetingId, AgendaItem.Kind kind, String title, Long caseId, LocalDate from, LocalDate to) {
        Meeting m = editable(meetingId);
        Problems p = new Problems();
        p.check(kind != null, "kind", "meetings.validering.obligatorisk");
        String t = CaseService.text(p, "title", title, 500);
        MeetingCase c = null;
        if (caseId != null) {
            c = caseService.get(caseId);
            boolean own = c.bodyUnitId() == m.bodyUnitId();
            // a working committee prepares its committee's case while the case waits for the committee's agenda
            p.check(own ? c.status() == MeetingCase.Status.REGISTRERAT : c.status() != MeetingCase.Status.BESLUTAT, "caseId",
                    "meetings.validering.arendeUpptaget");
            p.check(own || isParentOf(c.bodyUnitId(), m), "caseId", "meetings.validering.arendeOrgan");
            t = t == null ? c.title() : t;
        }
        p.check(kind != AgendaItem.Kind.ARENDE || c != null, "caseId", "meetings.validering.arende");
        p.check(t != null, "title", "meetings.validering.obligatorisk");
        p.check(kind != AgendaItem.Kind.DELEGATIONSBESLUT || (from != null && to != null && !to.isBefore(from)), "periodTo",
                "meetings.validering.period");
        p.throwIfAny();
        List<AgendaItem> before = repository.agenda(meetingId);
        long id = repository.addItem(meetingId, kind, t, c == null ? null : c.id(), from, to);
        if (c != null && c.bodyUnitId() == m.bodyUnitId()) {
            cases.setStatus(c.id(), MeetingCase.Status.PA_DAGORDNING);
        }
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Ärendelista: " + t + " – " + title(m),
                before, repository.agenda(meetingId));
        return id;
    }

    /** A working committee prepares its parent committee's cases: the case stays the committee's. */
    private boolean isParentOf(long caseBody, Meeting m) {
        return caseService.body(m.bodyUnitId()).parentId() != null && caseService.body(m.bodyUnitId()).parentId() == caseBody;
    }

    /** Moves an item one step up (-1) or down (+1); the numbers and letters follow the new order. */
    @Transactional
    void move(long meetingId, long itemId, int step) {
        Meeting m = editable(meetingId);
        List<AgendaItem> items = new ArrayList<>(repository.agenda(meetingId));
        int at = indexOf(items, itemId);
        int to = at + Integer.signum(step);
        if (to < 0 || to >= items.size() || step == 0) {
            return;
        }
        List<AgendaItem> before = List.copyOf(items);
        items.add(to, items.remove(at));
        for (int i = 0; i < items.size(); i++) {
            repository.setPosition(items.get(i).id(), i + 1);
        }
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Ärendelistans ordning – " + title(m),
                before.stream().map(AgendaItem::title).toList(), items.stream().map(AgendaItem::title).toList());
    }

    /**
     * Puts the whole agenda in the order given, as a drag and drop leaves it: {@code order} holds every item once.
     * {@code seen} is the order the page showed; when the agenda has changed since (another move, an item added or
     * removed), the order is refused with the Swedish 409 rather than applied to a list the user did not see.
     */
    @Transactional
    void reorder(long meetingId, List<Long> seen, List<Long> order) {
        Meeting m = editable(meetingId);
        Problems.when(order == null || seen == null || new java.util.HashSet<>(order).size() != order.size()
                || !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(seen)), "ordning", "meetings.validering.ordning");
        List<AgendaItem> before = repository.agenda(meetingId);
        if (!before.stream().map(AgendaItem::id).toList().equals(seen)) {
            throw new ConflictException(AUDIT_TYPE, meetingId, "meetings.agenda.stale");
        }
        if (seen.equals(order)) {
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            repository.setPosition(order.get(i), i + 1);
        }
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Ärendelistans ordning – " + title(m),
                labels(before), labels(repository.agenda(meetingId)));
    }

    /** "5. Delårsbokslut 2022 (2022.229 VON)" for each item, as the audit log shows an order. */
    private static List<String> labels(List<AgendaItem> items) {
        return AgendaItem.label(items).stream().map(l -> l.label() + " " + l.item().title()
                + (l.item().dnr() == null ? "" : " (" + l.item().dnr() + ")")).toList();
    }

    @Transactional
    void removeItem(long meetingId, long itemId) {
        Meeting m = editable(meetingId);
        List<AgendaItem> before = repository.agenda(meetingId);
        AgendaItem item = before.get(indexOf(before, itemId));
        repository.removeItem(meetingId, itemId);
        if (item.caseId() != null) {
            cases.find(m.municipalityId(), item.caseId()).filter(c -> c.status() == MeetingCase.Status.PA_DAGORDNING)
                    .ifPresent(c -> cases.setStatus(c.id(), MeetingCase.Status.REGISTRERAT));
        }
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Borttagen ur ärendelistan: "
                + item.title() + " – " + title(m), before, repository.agenda(meetingId));
    }

    /** Lists a received document (a notice from another body) among the meeting's meddelanden. */
    @Transactional
    void addMessage(long meetingId, String dnr) {
        Meeting m = editable(meetingId);
        Problems input = new Problems();
        MeetingCase.Document d = caseService.document(dnr, input);
        input.throwIfAny();
        Problems.when(repository.messages(meetingId).stream().anyMatch(x -> x.id() == d.id()), "dnr",
                "meetings.validering.redanMeddelande");
        repository.addMessage(meetingId, d.id());
        audit.record(m.municipalityId(), AUDIT_TYPE, meetingId, AuditLog.Action.ANDRAD, "Meddelande " + d.dnr() + " – " + title(m),
                null, d);
    }

    /** The meeting for a change by its secretary: refused unless they may, and 409 once the minutes are approved. */
    Meeting editable(long meetingId) {
        Meeting m = repository.lock(access.municipalityId(), meetingId)
                .orElseThrow(() -> new NotFoundException("Sammanträdet", meetingId));
        access.require(Access.Action.MANAGE_MEETINGS, m.bodyUnitId());
        if (m.frozen()) {
            throw new ConflictException(AUDIT_TYPE, meetingId, "meetings.justerat");
        }
        return m;
    }

    private static int indexOf(List<AgendaItem> items, long itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == itemId) {
                return i;
            }
        }
        throw new NotFoundException("Punkten", itemId);
    }

    static String title(Meeting m) {
        return m.bodyCode() + " " + m.meetsOn();
    }

    private static Meeting.Details check(Meeting.Details in) {
        Problems p = new Problems();
        p.check(in.meetsOn() != null, "meetsOn", "meetings.validering.datum");
        p.check(in.startsAt() != null && TIME.matcher(in.startsAt().strip()).matches(), "startsAt", "meetings.validering.tid");
        p.check(in.endsAt() == null || in.endsAt().isBlank() || TIME.matcher(in.endsAt().strip()).matches(), "endsAt",
                "meetings.validering.tid");
        String place = CaseService.text(p, "place", in.place(), 200);
        p.check(place != null, "place", "meetings.validering.obligatorisk");
        Meeting.Details d = new Meeting.Details(in.meetsOn(), in.startsAt() == null ? null : in.startsAt().strip().replace('.', ':'),
                in.endsAt() == null || in.endsAt().isBlank() ? null : in.endsAt().strip().replace('.', ':'), place,
                CaseService.text(p, "chairName", in.chairName(), 200), CaseService.text(p, "chairUsername", in.chairUsername(), 100),
                CaseService.text(p, "secretaryName", in.secretaryName(), 200), CaseService.text(p, "adjusterName", in.adjusterName(), 200),
                CaseService.text(p, "adjusterUsername", in.adjusterUsername(), 100));
        p.throwIfAny();
        return d;
    }

    /** An e-mail address stripped, null when blank; a problem on {@code email} when it is not one. */
    static String email(Problems p, String email) {
        String e = CaseService.text(p, "email", email, 320);
        p.check(e == null || e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email", "meetings.validering.epost");
        return e;
    }
}
