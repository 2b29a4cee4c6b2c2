package se.styr.meetings;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.Decisions;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/** A body's cases: registering them (by hand, or from another module's object ready for decision) and their tjänsteskrivelse. */
@Service
class CaseService {

    static final String AUDIT_TYPE = "meeting_case";
    static final List<OrgUnitType> BODY_TYPES = List.of(OrgUnitType.KOMMUNFULLMAKTIGE, OrgUnitType.KOMMUNSTYRELSE,
            OrgUnitType.NAMND, OrgUnitType.UTSKOTT);
    static final int TEXT_MAX = 20_000;

    private final CaseRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;

    CaseService(CaseRepository repository, Organisation organisation, Access access, AuditLog audit) {
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    // ---- reading

    MeetingCase get(long id) {
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Ärendet", id));
    }

    List<MeetingCase> list(long bodyUnitId, Integer year) {
        return repository.list(access.municipalityId(), body(bodyUnitId).id(), year);
    }

    List<MeetingCase> waiting(long bodyUnitId) {
        return repository.waiting(access.municipalityId(), bodyUnitId);
    }

    List<MeetingCase.Document> documents(MeetingCase c) {
        return repository.documents(c.id()).stream().map(d -> d.withDnr(c.diarienummer().document(d.subNumber()).toString()))
                .toList();
    }

    /** A document by its diarienummer ("2022.210 VON-010"), for listing it among a meeting's meddelanden. */
    MeetingCase.Document document(String dnr, Problems input) {
        Diarienummer d = Diarienummer.parse(dnr);
        if (d == null || d.sub() == null) {
            input.add("dnr", "meetings.validering.dnr");
            return null;
        }
        MeetingCase c = repository.byNumber(access.municipalityId(), d.body(), d.year(), d.number()).orElse(null);
        MeetingCase.Document doc = c == null ? null
                : documents(c).stream().filter(x -> x.subNumber() == d.sub()).findFirst().orElse(null);
        input.check(doc != null, "dnr", "meetings.validering.dnrSaknas", dnr);
        return doc;
    }

    /** A case by its diarienummer ("2022.005 VON"); null with a problem on {@code field} when there is none. */
    MeetingCase byDnr(String dnr, String field, Problems input) {
        Diarienummer d = Diarienummer.parse(dnr);
        MeetingCase c = d == null || d.sub() != null ? null
                : repository.byNumber(access.municipalityId(), d.body(), d.year(), d.number()).orElse(null);
        input.check(c != null, field, "meetings.validering.dnrSaknas", dnr);
        return c;
    }

    List<OrgUnit> bodies() {
        return organisation.units(access.municipalityId(), BODY_TYPES);
    }

    /** A political body of the municipality that holds meetings. */
    OrgUnit body(long unitId) {
        OrgUnit unit = organisation.findUnit(unitId).filter(u -> u.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Organet", unitId));
        Problems.when(!BODY_TYPES.contains(unit.type()), "organ", "meetings.validering.organ");
        return unit;
    }

    /** The body a page shows: the one asked for, else the first the user manages, else the first there is (null without any). */
    OrgUnit chosen(Long bodyId, List<OrgUnit> bodies) {
        if (bodyId != null) {
            return body(bodyId);
        }
        return bodies.stream().filter(b -> mayManage(b.id())).findFirst().orElse(bodies.isEmpty() ? null : bodies.get(0));
    }

    boolean mayManage(long bodyUnitId) {
        return access.may(Access.Action.MANAGE_MEETINGS, bodyUnitId);
    }

    // ---- writing

    @Transactional
    MeetingCase register(long bodyUnitId, int year, MeetingCase.Text in) {
        OrgUnit body = body(bodyUnitId);
        access.require(Access.Action.MANAGE_MEETINGS, body.id());
        MeetingCase.Text text = check(in, year);
        int number = repository.nextNumber(body.id(), year);
        long id = repository.insert(access.municipalityId(), body.id(), year, number, text, null, null);
        MeetingCase saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Ärende " + saved.dnr() + ": " + saved.title(),
                null, saved);
        return saved;
    }

    @Transactional
    MeetingCase update(long id, int version, MeetingCase.Text in) {
        MeetingCase current = get(id);
        access.require(Access.Action.MANAGE_MEETINGS, current.bodyUnitId());
        Problems.when(current.status() == MeetingCase.Status.BESLUTAT, "case", "meetings.validering.beslutat");
        MeetingCase.Text text = check(in, current.year());
        if (!repository.update(id, version, text)) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        MeetingCase saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, "Tjänsteskrivelse " + saved.dnr(), current, saved);
        return saved;
    }

    @Transactional
    MeetingCase.Document addDocument(long caseId, String title, LocalDate receivedOn) {
        MeetingCase c = get(caseId);
        access.require(Access.Action.MANAGE_MEETINGS, c.bodyUnitId());
        Problems p = new Problems();
        String t = text(p, "title", title, 500);
        p.check(t != null, "title", "meetings.validering.obligatorisk");
        p.throwIfAny();
        long id = repository.addDocument(caseId, t, receivedOn);
        MeetingCase.Document d = documents(c).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.record(c.municipalityId(), "case_document", id, AuditLog.Action.SKAPAD, "Handling " + d.dnr() + ": " + t, null, d);
        return d;
    }

    /**
     * A compiled report (or another object) marked ready for decision becomes a case of its body, in the transaction
     * that marked it; marked again (after a correction) it finds its case and puts it back for an agenda.
     */
    @EventListener
    @Transactional
    public void onReadyForDecision(Decisions.ReadyForDecision e) {
        var existing = repository.bySource(e.sourceType(), e.sourceId());
        if (existing.isPresent()) {
            if (existing.get().status() == MeetingCase.Status.BESLUTAT) {
                repository.setStatus(existing.get().id(), MeetingCase.Status.REGISTRERAT);
            }
            return;
        }
        int number = repository.nextNumber(e.bodyUnitId(), e.year());
        MeetingCase.Text text = new MeetingCase.Text(e.title(), e.officer(), LocalDate.now(), null, null, null, null, null);
        long id = repository.insert(e.municipalityId(), e.bodyUnitId(), e.year(), number, text, e.sourceType(), e.sourceId());
        MeetingCase saved = repository.find(e.municipalityId(), id).orElseThrow();
        audit.record(e.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD,
                "Ärende " + saved.dnr() + " från " + e.sourceType() + " " + e.sourceId() + ": " + saved.title(), null, saved);
    }

    private static MeetingCase.Text check(MeetingCase.Text in, int year) {
        Problems p = new Problems();
        String title = text(p, "title", in.title(), 500);
        p.check(title != null, "title", "meetings.validering.obligatorisk");
        p.check(year >= 2000 && year <= 2100, "year", "meetings.validering.ar");
        MeetingCase.Text t = new MeetingCase.Text(title, text(p, "officer", in.officer(), 200), in.writtenOn(),
                text(p, "description", in.description(), TEXT_MAX), text(p, "statement", in.statement(), TEXT_MAX),
                text(p, "economy", in.economy(), TEXT_MAX), text(p, "proposal", in.proposal(), TEXT_MAX),
                text(p, "sendTo", in.sendTo(), 2000));
        p.throwIfAny();
        return t;
    }

    /** The text stripped, null when blank; a problem when longer than max. */
    static String text(Problems p, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        p.check(s.length() <= max, field, "validering.text.lang", max);
        return s;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
