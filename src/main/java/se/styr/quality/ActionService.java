package se.styr.quality;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** Actions (immediate actions of the risk analysis): checked, authorised and audited like every write. */
@Service
class ActionService {

    static final String AUDIT_TYPE = "quality_action";

    record ActionInput(String what, String why, String responsible, String timetable, ActionStatus status) {
    }

    private final RiskRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;

    ActionService(RiskRepository repository, Organisation organisation, Access access, AuditLog audit) {
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    QualityAction get(long id) {
        return repository.findAction(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Åtgärden", id));
    }

    List<QualityAction> list(long bodyUnitId, int year) {
        return repository.actions(access.municipalityId(), bodyUnitId, year);
    }

    Paging.Page<QualityAction> page(Long bodyUnitId, Integer year, Paging paging) {
        return repository.actionPage(access.municipalityId(), bodyUnitId, year, paging);
    }

    boolean mayEdit(long bodyUnitId) {
        return access.may(Access.Action.EDIT_STRUCTURE, bodyUnitId);
    }

    @Transactional
    QualityAction create(long bodyUnitId, int year, ActionInput in) {
        OrgUnit body = organisation.findUnit(bodyUnitId).filter(u -> u.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Organet", bodyUnitId));
        access.require(Access.Action.EDIT_STRUCTURE, body.id());
        Problems p = check(in);
        p.check(body.type().isBody(), "body", "quality.validering.organ");
        p.check(RiskRules.validYear(year), "year", "quality.validering.ar", String.valueOf(RiskRules.FIRST_YEAR), String.valueOf(RiskRules.LAST_YEAR));
        p.throwIfAny();
        QualityAction draft = new QualityAction(null, access.municipalityId(), body.id(), year, in.what().strip(),
                blank(in.why()), blank(in.responsible()), blank(in.timetable()), in.status(), 0);
        long id = repository.insertAction(draft);
        QualityAction saved = repository.findAction(draft.municipalityId(), id).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, summary(saved), null, saved);
        return saved;
    }

    @Transactional
    QualityAction update(long id, int version, ActionInput in) {
        QualityAction current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        check(in).throwIfAny();
        QualityAction edited = new QualityAction(id, current.municipalityId(), current.bodyUnitId(), current.year(),
                in.what().strip(), blank(in.why()), blank(in.responsible()), blank(in.timetable()), in.status(), version);
        if (!repository.updateAction(edited)) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        QualityAction saved = repository.findAction(current.municipalityId(), id).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, summary(saved), current, saved);
        return saved;
    }

    private static Problems check(ActionInput in) {
        Problems p = new Problems();
        p.check(in.what() != null && !in.what().isBlank(), "what", "quality.validering.vad");
        p.check(in.what() == null || in.what().strip().length() <= 2_000, "what", "validering.text.lang", 2_000);
        p.check(in.why() == null || in.why().strip().length() <= 2_000, "why", "validering.text.lang", 2_000);
        p.check(in.responsible() == null || in.responsible().strip().length() <= 200, "responsible", "validering.text.lang", 200);
        p.check(in.timetable() == null || in.timetable().strip().length() <= 200, "timetable", "validering.text.lang", 200);
        p.check(in.status() != null, "status", "quality.validering.status");
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String summary(QualityAction a) {
        return "Åtgärd " + a.year() + ": " + a.what();
    }
}
