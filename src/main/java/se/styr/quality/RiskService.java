package se.styr.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.Kind;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** The risk register: reading it, and every change to a risk and its handling, checked, authorised and audited. */
@Service
class RiskService {

    static final String AUDIT_TYPE = "risk";

    private final RiskRepository repository;
    private final ActionService actions;
    private final GoalService goals;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;

    RiskService(RiskRepository repository, ActionService actions, GoalService goals, Organisation organisation, Access access,
                AuditLog audit) {
        this.repository = repository;
        this.actions = actions;
        this.goals = goals;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    // ---- reading

    Risk get(long id) {
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Risken", id));
    }

    List<Risk.Row> register(long bodyUnitId, int year) {
        return repository.register(access.municipalityId(), body(bodyUnitId).id(), year);
    }

    Paging.Page<Risk> page(Long bodyUnitId, Integer year, Paging paging) {
        return repository.page(access.municipalityId(), bodyUnitId, year, paging);
    }

    Optional<Long> latestBody() {
        return repository.latestBody(access.municipalityId());
    }

    List<Integer> years(long bodyUnitId) {
        return repository.years(access.municipalityId(), bodyUnitId);
    }

    List<Risk> handledByObject(long goalObjectId) {
        return repository.handledBy(access.municipalityId(), goalObjectId, null);
    }

    List<Risk> handledByAction(long actionId) {
        return repository.handledBy(access.municipalityId(), null, actionId);
    }

    boolean mayEdit(long bodyUnitId) {
        return access.may(Access.Action.EDIT_STRUCTURE, bodyUnitId);
    }

    /** A committee, the executive board, the council or a company of the municipality. */
    OrgUnit body(long unitId) {
        OrgUnit unit = organisation.findUnit(unitId).filter(u -> u.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Organet", unitId));
        Problems.when(!unit.type().isBody(), "body", "quality.validering.organ");
        return unit;
    }

    // ---- writing

    @Transactional
    Risk create(long bodyUnitId, int year, RiskInput in) {
        OrgUnit body = body(bodyUnitId);
        access.require(Access.Action.EDIT_STRUCTURE, body.id());
        Problems p = RiskRules.check(in);
        p.check(RiskRules.validYear(year), "year", "quality.validering.ar", String.valueOf(RiskRules.FIRST_YEAR), String.valueOf(RiskRules.LAST_YEAR));
        p.throwIfAny();
        Risk draft = new Risk(null, access.municipalityId(), body.id(), year, repository.nextNumber(body.id(), year), in.area(),
                blankToNull(in.process()), in.description().strip(), in.probability(), in.consequence(), in.handling(),
                blankToNull(in.handlingReason()), null, null, assessor(in), in.assessedOn() == null ? LocalDate.now() : in.assessedOn(), 0);
        long id = repository.insert(draft);
        Risk saved = repository.find(draft.municipalityId(), id).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, summary(saved), null, saved);
        return saved;
    }

    /** Saves the assessment; a changed handling drops a link that no longer fits it. */
    @Transactional
    Risk update(long id, int version, RiskInput in) {
        Risk current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        RiskRules.check(in).throwIfAny();
        Long goalObject = in.handling() != current.handling() && current.goalObjectId() != null
                && !in.handling().accepts(goals.get(current.goalObjectId()).kind()) ? null : current.goalObjectId();
        Long action = in.handling() == Handling.OMEDELBAR_ATGARD ? current.actionId() : null;
        Risk edited = new Risk(id, current.municipalityId(), current.bodyUnitId(), current.year(), current.number(), in.area(),
                blankToNull(in.process()), in.description().strip(), in.probability(), in.consequence(), in.handling(),
                blankToNull(in.handlingReason()), goalObject, action, assessor(in),
                in.assessedOn() == null ? current.assessedOn() : in.assessedOn(), version);
        return save(current, edited, AuditLog.Action.ANDRAD);
    }

    @Transactional
    void remove(long id, int version) {
        Risk current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        if (!repository.delete(id, version)) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        audit.record(current.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.BORTTAGEN, summary(current), current, null);
    }

    /** Links the risk to an existing object of the goal chain of the kind its handling names, owned within its body. */
    @Transactional
    Risk link(long id, int version, Long goalObjectId) {
        Risk current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        Problems.when(current.handling().kind() == null, "goalObjectId", "quality.validering.koppling.hantering");
        Problems.when(goalObjectId == null, "goalObjectId", "validering.val");
        GoalObject o = goals.get(goalObjectId);
        Problems p = new Problems();
        p.check(current.handling().accepts(o.kind()), "goalObjectId", "quality.validering.koppling.typ",
                new org.springframework.context.support.DefaultMessageSourceResolvable("quality.handling." + current.handling()));
        p.check(organisation.subtree(current.bodyUnitId()).contains(o.ownerUnitId()), "goalObjectId",
                "quality.validering.koppling.organ");
        p.throwIfAny();
        return save(current, current.withHandling(current.handling(), current.handlingReason(), o.id(), null, version),
                AuditLog.Action.ANDRAD);
    }

    @Transactional
    Risk unlink(long id, int version) {
        Risk current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        return save(current, current.withHandling(current.handling(), current.handlingReason(), null, null, version),
                AuditLog.Action.ANDRAD);
    }

    /**
     * Creates the object that handles the risk (an internal-control point, a critical factor, an assignment through
     * the goal chain, or an immediate action) and links the risk to it, all or nothing.
     */
    @Transactional
    Risk createHandling(long id, int version, HandlingDraft draft) {
        Risk current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        Problems.when(!current.handling().creatable(), "handling", "quality.validering.skapa.hantering");
        Problems.when(current.goalObjectId() != null || current.actionId() != null, "handling", "quality.validering.skapa.kopplad");
        if (current.version() != version) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        if (current.handling() == Handling.OMEDELBAR_ATGARD) {
            QualityAction action = actions.create(current.bodyUnitId(), current.year(), new ActionService.ActionInput(
                    draft.title(), why(current), draft.responsible(), draft.timetable(), ActionStatus.EJ_PABORJAD));
            return save(current, current.withHandling(current.handling(), current.handlingReason(), null, action.id(), version),
                    AuditLog.Action.ANDRAD);
        }
        GoalObject created = goals.create(goalObject(current, draft));
        return save(current, current.withHandling(current.handling(), current.handlingReason(), created.id(), null, version),
                AuditLog.Action.ANDRAD);
    }

    private GoalObject goalObject(Risk risk, HandlingDraft d) {
        Kind kind = risk.handling().kind();
        boolean control = kind == Kind.INTERNKONTROLLPUNKT;
        String title = control ? risk.description() : d.title();
        Long period = period(risk.year()).map(PlanPeriod::id).orElse(null);
        Problems.when(period == null, "handling", "quality.validering.period", String.valueOf(risk.year()));
        return new GoalObject(null, risk.municipalityId(), kind, null, risk.bodyUnitId(), period, 0, title,
                control ? d.checked() : risk.description(), null, null, null, null, null, null, null, null, null, null,
                null, null, kind == Kind.UPPDRAG ? risk.bodyUnitId() : null, null, null,
                kind == Kind.KRITISK_FAKTOR ? d.perspective() : null, null, control ? risk.process() : null,
                control ? risk.value() : null, control ? d.method() : null, control || kind == Kind.UPPDRAG ? d.responsible() : null,
                control ? d.followUpOccasion() : null, false, 0);
    }

    /** The plan period the register's year belongs to: a decided one before an illustrative one. */
    private Optional<PlanPeriod> period(int year) {
        return organisation.periods(access.municipalityId()).stream().filter(p -> p.contains(year))
                .min(java.util.Comparator.comparing(PlanPeriod::illustrative));
    }

    static String why(Risk r) {
        return "Risk " + r.number() + " i risk- och väsentlighetsanalysen " + r.year() + ": " + r.description()
                + " (riskvärde " + r.value() + ")";
    }

    private Risk save(Risk before, Risk after, AuditLog.Action action) {
        if (!repository.update(after)) {
            throw new ConflictException(AUDIT_TYPE, before.id());
        }
        Risk saved = repository.find(before.municipalityId(), before.id()).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, saved.id(), action, summary(saved), before, saved);
        return saved;
    }

    private String assessor(RiskInput in) {
        return in.assessedBy() == null || in.assessedBy().isBlank() ? access.current().displayName() : in.assessedBy().strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String summary(Risk r) {
        return "Risk " + r.year() + " nr " + r.number() + ": " + r.description();
    }
}
