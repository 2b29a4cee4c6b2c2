package se.styr.meetings;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/** A body's delegation order and the decisions taken on delegation, reported to the body for a period. */
@Service
class DelegationService {

    private static final String DECISION = """
            select d.id, d.matter_id, m.code, m.matter, d.decided_on, d.decided_by, d.summary, d.reference
            from delegated_decision d join delegation_matter m on m.id = d.matter_id""";

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final Access access;
    private final AuditLog audit;

    DelegationService(JdbcClient jdbc, CaseService cases, Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.audit = audit;
    }

    List<Delegation.Matter> matters(long bodyUnitId) {
        return jdbc.sql("""
                        select id, municipality_id, body_unit_id, code, matter, delegate, legal_basis, valid_from, valid_to, revision_id, version
                        from delegation_matter where municipality_id = ? and body_unit_id = ? order by code, valid_from, id""")
                .params(access.municipalityId(), cases.body(bodyUnitId).id()).query(Delegation.Matter.class).list();
    }

    Delegation.Matter matter(long id) {
        return jdbc.sql("""
                        select id, municipality_id, body_unit_id, code, matter, delegate, legal_basis, valid_from, valid_to, revision_id, version
                        from delegation_matter where municipality_id = ? and id = ?""")
                .params(access.municipalityId(), id).query(Delegation.Matter.class).optional()
                .orElseThrow(() -> new NotFoundException("Delegationspunkten", id));
    }

    /** The delegated decisions of the body taken in the period, in order: one query. */
    Delegation.Report reported(long bodyUnitId, LocalDate from, LocalDate to) {
        List<Delegation.Decision> decisions = from == null || to == null ? List.of() : jdbc.sql(DECISION + " " + """
                         where m.municipality_id = ? and m.body_unit_id = ? and d.decided_on between ? and ?
                         order by d.decided_on, m.code, d.id""")
                .params(access.municipalityId(), bodyUnitId, from, to).query(Delegation.Decision.class).list();
        return new Delegation.Report(from, to, decisions);
    }

    List<Delegation.Decision> decisions(long bodyUnitId) {
        return jdbc.sql(DECISION + " where m.municipality_id = ? and m.body_unit_id = ? order by d.decided_on desc, d.id desc")
                .params(access.municipalityId(), bodyUnitId).query(Delegation.Decision.class).list();
    }

    @Transactional
    Delegation.Matter addMatter(long bodyUnitId, String code, String matter, String delegate, String legalBasis, LocalDate validFrom) {
        OrgUnit body = cases.body(bodyUnitId);
        access.require(se.styr.accounts.Access.Action.MANAGE_MEETINGS, body.id());
        Problems p = new Problems();
        String c = CaseService.text(p, "code", code, 20);
        String m = CaseService.text(p, "matter", matter, 1000);
        String d = CaseService.text(p, "delegate", delegate, 500);
        String l = CaseService.text(p, "legalBasis", legalBasis, 500);
        p.check(c != null, "code", "meetings.validering.obligatorisk");
        p.check(m != null, "matter", "meetings.validering.obligatorisk");
        p.check(d != null, "delegate", "meetings.validering.obligatorisk");
        p.check(validFrom != null, "validFrom", "meetings.validering.datum");
        p.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegation_matter (municipality_id, body_unit_id, code, matter, delegate, legal_basis, valid_from)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(access.municipalityId(), body.id(), c, m, d, l, validFrom).update(key, "id");
        Delegation.Matter saved = matter(key.getKey().longValue());
        audit.record(saved.municipalityId(), "delegation_matter", saved.id(), AuditLog.Action.SKAPAD,
                "Delegationsordning " + body.code() + " " + c + ": " + m, null, saved);
        return saved;
    }

    /** Registers a decision taken on delegation against its matter; it must be taken when the matter was delegated. */
    @Transactional
    Delegation.Decision register(long matterId, LocalDate decidedOn, String decidedBy, String summary, String reference) {
        Delegation.Matter matter = matter(matterId);
        access.require(se.styr.accounts.Access.Action.MANAGE_MEETINGS, matter.bodyUnitId());
        Problems p = new Problems();
        String by = CaseService.text(p, "decidedBy", decidedBy, 200);
        String what = CaseService.text(p, "summary", summary, 2000);
        String ref = CaseService.text(p, "reference", reference, 100);
        p.check(decidedOn != null, "decidedOn", "meetings.validering.datum");
        p.check(decidedOn == null || !decidedOn.isBefore(matter.validFrom()), "decidedOn", "meetings.validering.foreDelegation",
                matter.validFrom().toString());
        p.check(decidedOn == null || matter.validTo() == null || !decidedOn.isAfter(matter.validTo()), "decidedOn",
                "meetings.validering.efterDelegation", String.valueOf(matter.validTo()));
        p.check(by != null, "decidedBy", "meetings.validering.obligatorisk");
        p.check(what != null, "summary", "meetings.validering.obligatorisk");
        p.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into delegated_decision (matter_id, decided_on, decided_by, summary, reference) values (?, ?, ?, ?, ?)")
                .params(matterId, decidedOn, by, what, ref).update(key, "id");
        long id = key.getKey().longValue();
        Delegation.Decision saved = jdbc.sql(DECISION + " where d.id = ?").param(id).query(Delegation.Decision.class).single();
        audit.record(matter.municipalityId(), "delegated_decision", id, AuditLog.Action.SKAPAD,
                "Delegationsbeslut " + matter.code() + " " + decidedOn + ": " + what, null, saved);
        return saved;
    }
}
