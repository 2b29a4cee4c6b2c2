package se.styr.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Revisions of the delegation order as decisions. A revision is drafted with its changes (a matter added, changed,
 * removed), which do not touch the order; deciding it requires the decision's reference ("VON § 73") and date and makes
 * it valid from a day: a changed or removed matter's row ends the day before, a changed or added matter gets a new row
 * from that day. Delegated decisions registered against a row keep pointing at the version valid on their date.
 */
@Service
class DelegationRevisions {

    static final String AUDIT_TYPE = "delegation_revision";
    /** "VON § 73", "VON AU § 70": a body's code, the paragraph sign and a number. */
    static final Pattern REFERENCE = Pattern.compile("\\S+( \\S+)* § \\d+");

    private static final String REVISION = """
            select id, municipality_id, body_unit_id, title, case_id, status, decision_ref, decided_on, valid_from, created_by, decided_by,
                   version from delegation_revision""";

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final DelegationService delegation;
    private final Access access;
    private final AuditLog audit;

    DelegationRevisions(JdbcClient jdbc, CaseService cases, DelegationService delegation, Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.delegation = delegation;
        this.access = access;
        this.audit = audit;
    }

    /** The body's revisions, newest first. */
    List<Delegation.Revision> list(long bodyUnitId) {
        return jdbc.sql(REVISION + " where municipality_id = ? and body_unit_id = ? order by coalesce(decided_on, '9999-12-31') desc, id desc")
                .params(access.municipalityId(), bodyUnitId).query(Delegation.Revision.class).list();
    }

    /** The changes of all the body's revisions, by revision: one query. */
    Map<Long, List<Delegation.Change>> changes(long bodyUnitId) {
        return jdbc.sql("""
                        select c.id, c.revision_id, c.kind, c.matter_id, c.code, c.matter, c.delegate, c.legal_basis
                        from delegation_revision_change c join delegation_revision r on r.id = c.revision_id
                        where r.municipality_id = ? and r.body_unit_id = ? order by c.revision_id, c.id""")
                .params(access.municipalityId(), bodyUnitId).query(Delegation.Change.class).list().stream()
                .collect(Collectors.groupingBy(Delegation.Change::revisionId));
    }

    Delegation.Revision get(long id) {
        return jdbc.sql(REVISION + " where municipality_id = ? and id = ?").params(access.municipalityId(), id)
                .query(Delegation.Revision.class).optional().orElseThrow(() -> new NotFoundException("Revideringen", id));
    }

    @Transactional
    Delegation.Revision create(long bodyUnitId, String title) {
        return create(bodyUnitId, title, null);
    }

    /** A draft; with the diarienummer of its case, approving the minutes that decide the case decides it too. */
    @Transactional
    Delegation.Revision create(long bodyUnitId, String title, String caseDnr) {
        OrgUnit body = cases.body(bodyUnitId);
        access.require(Access.Action.MANAGE_MEETINGS, body.id());
        Problems p = new Problems();
        String t = CaseService.text(p, "revTitle", title, 500);
        p.check(t != null, "revTitle", "meetings.validering.obligatorisk");
        MeetingCase c = caseDnr == null || caseDnr.isBlank() ? null : cases.byDnr(caseDnr.strip(), "caseDnr", p);
        p.check(c == null || c.bodyUnitId() == body.id(), "caseDnr", "meetings.revision.caseBody");
        p.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegation_revision (municipality_id, body_unit_id, title, case_id, status, created_by)
                        values (?, ?, ?, ?, 'UTKAST', ?)""")
                .params(access.municipalityId(), body.id(), t, c == null ? null : c.id(), access.current().username())
                .update(key, "id");
        Delegation.Revision saved = get(key.getKey().longValue());
        audit.record(saved.municipalityId(), AUDIT_TYPE, saved.id(), AuditLog.Action.SKAPAD,
                "Revidering av delegationsordningen (utkast): " + t, null, saved);
        return saved;
    }

    /** A change of a draft revision; a changed or removed matter must be a current one of the same body. */
    @Transactional
    Delegation.Change addChange(long revisionId, Delegation.Change.Kind kind, Long matterId, String code, String matter,
                                String delegate, String legalBasis) {
        Delegation.Revision r = draft(revisionId);
        Problems p = new Problems();
        p.check(kind != null, "kind", "meetings.validering.obligatorisk");
        String c = CaseService.text(p, "code", code, 20);
        String m = CaseService.text(p, "matter", matter, 1000);
        String d = CaseService.text(p, "delegate", delegate, 500);
        String l = CaseService.text(p, "legalBasis", legalBasis, 500);
        p.throwIfAny();
        if (kind == Delegation.Change.Kind.NY) {
            p.check(c != null, "code", "meetings.validering.obligatorisk");
            p.check(m != null, "matter", "meetings.validering.obligatorisk");
            p.check(d != null, "delegate", "meetings.validering.obligatorisk");
        } else {
            p.check(matterId != null, "matterId", "meetings.validering.obligatorisk").throwIfAny();
            Delegation.Matter old = delegation.matter(matterId);
            p.check(old.bodyUnitId() == r.bodyUnitId() && old.current(), "matterId", "meetings.revision.notCurrent");
            p.check(kind == Delegation.Change.Kind.BORTTAGEN || c != null || m != null || d != null || l != null, "matter",
                    "meetings.revision.nothingChanged");
        }
        p.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegation_revision_change (revision_id, kind, matter_id, code, matter, delegate, legal_basis)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), kind.name(), kind == Delegation.Change.Kind.NY ? null : matterId, c, m, d, l).update(key, "id");
        Delegation.Change saved = changes(r.bodyUnitId()).get(r.id()).stream()
                .filter(x -> x.id() == key.getKey().longValue()).findFirst().orElseThrow();
        jdbc.sql("update delegation_revision set version = version + 1 where id = ?").param(r.id()).update();
        audit.record(r.municipalityId(), AUDIT_TYPE, r.id(), AuditLog.Action.ANDRAD, "Revidering " + r.title() + ": ändring "
                + kind, null, saved);
        return saved;
    }

    /**
     * Decides the revision with the decision's reference and date, valid from {@code validFrom} (the decision's date
     * when null): only now does the order change. A matter changed since the draft was written is a 409.
     */
    @Transactional
    Delegation.Revision decide(long revisionId, int version, String decisionRef, LocalDate decidedOn, LocalDate validFrom) {
        Delegation.Revision r = draft(revisionId);
        Problems p = new Problems();
        String ref = CaseService.text(p, "decisionRef", decisionRef, 100);
        p.check(ref != null && REFERENCE.matcher(ref).matches(), "decisionRef", "meetings.revision.reference");
        p.check(decidedOn != null, "decidedOn", "meetings.validering.datum");
        LocalDate from = validFrom != null ? validFrom : decidedOn;
        p.check(from == null || decidedOn == null || !from.isBefore(decidedOn), "validFrom", "meetings.revision.validFrom.early");
        List<Delegation.Change> changes = changes(r.bodyUnitId()).getOrDefault(r.id(), List.of());
        p.check(!changes.isEmpty(), "revision", "meetings.revision.empty");
        p.throwIfAny();
        return apply(r, version, ref, decidedOn, from, changes, false);
    }

    /**
     * The minutes that decide a revision's case are approved: every draft revision of that case is decided with the
     * paragraph ("VON § 6") and the meeting's date, valid from that date. Called inside the justering's transaction by
     * the chair or adjuster, who need no right to the delegation order; a change whose point was changed meanwhile is
     * left out (and named in the audit) rather than blocking the justering.
     */
    void decidedInMinutes(long municipalityId, long caseId, String reference, LocalDate decidedOn) {
        List<Delegation.Revision> drafts = jdbc.sql(REVISION + " where municipality_id = ? and case_id = ? and status = 'UTKAST'")
                .params(municipalityId, caseId).query(Delegation.Revision.class).list();
        for (Delegation.Revision r : drafts) {
            apply(r, r.version(), reference, decidedOn, decidedOn,
                    changes(r.bodyUnitId()).getOrDefault(r.id(), List.of()), true);
        }
    }

    private Delegation.Revision apply(Delegation.Revision r, int version, String ref, LocalDate decidedOn, LocalDate from,
                                      List<Delegation.Change> changes, boolean lenient) {
        if (jdbc.sql("update delegation_revision set status = 'BESLUTAD', decision_ref = ?, decided_on = ?, valid_from = ?, "
                        + "decided_by = ?, version = version + 1 where id = ? and version = ? and status = 'UTKAST'")
                .params(ref, decidedOn, from, access.current().username(), r.id(), version).update() != 1) {
            throw new ConflictException(AUDIT_TYPE, r.id());
        }
        StringBuilder skipped = new StringBuilder();
        for (Delegation.Change c : changes) {
            Delegation.Matter old = c.matterId() == null ? null : delegation.matter(c.matterId());
            if (old != null) {
                if (!old.current() || !from.isAfter(old.validFrom())) {
                    if (lenient) {
                        skipped.append(" ").append(old.code());
                        continue;
                    }
                    throw new ConflictException(AUDIT_TYPE, r.id(), "meetings.revision.matterChanged");
                }
                jdbc.sql("update delegation_matter set valid_to = ?, version = version + 1 where id = ? and valid_to is null")
                        .params(from.minusDays(1), old.id()).update();
            }
            if (c.kind() != Delegation.Change.Kind.BORTTAGEN) {
                jdbc.sql("""
                                insert into delegation_matter (municipality_id, body_unit_id, code, matter, delegate, legal_basis,
                                    valid_from, revision_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(r.municipalityId(), r.bodyUnitId(), pick(c.code(), old == null ? null : old.code()),
                                pick(c.matter(), old == null ? null : old.matter()), pick(c.delegate(), old == null ? null : old.delegate()),
                                pick(c.legalBasis(), old == null ? null : old.legalBasis()), from, r.id())
                        .update();
            }
        }
        Delegation.Revision saved = get(r.id());
        audit.record(r.municipalityId(), AUDIT_TYPE, r.id(), AuditLog.Action.ANDRAD, "Revidering av delegationsordningen beslutad "
                + ref + ", " + decidedOn + ": " + r.title() + " (gäller från " + from + ")"
                + (skipped.isEmpty() ? "" : "; ändrade punkter utelämnade:" + skipped), r, saved);
        return saved;
    }

    private Delegation.Revision draft(long revisionId) {
        Delegation.Revision r = get(revisionId);
        access.require(Access.Action.MANAGE_MEETINGS, r.bodyUnitId());
        if (!r.draft()) {
            throw new ConflictException(AUDIT_TYPE, r.id(), "meetings.revision.decided");
        }
        return r;
    }

    private static String pick(String given, String old) {
        return given != null ? given : old;
    }
}
