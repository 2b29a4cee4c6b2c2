package se.styr.quality;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.followup.ContributedWork;
import se.styr.followup.Round;
import se.styr.followup.RoundContributions;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * Actions (immediate actions of the risk analysis and the measures of economic action plans): changed, shared down in
 * follow-up rounds and reported on by the units, each write checked, authorised and audited like every other.
 */
@Service
class ActionService {

    static final String AUDIT_TYPE = "quality_action";
    static final String SHARE_AUDIT_TYPE = "action_share";
    static final String REPORT_AUDIT_TYPE = "action_report";
    static final int COMMENT_MAX = 10_000;

    /** What is written for an action; {@code expectedEffect} (whole kronor a year) only for a measure of a plan. */
    record ActionInput(String what, String why, String responsible, String timetable, ActionStatus status, Long expectedEffect) {
        ActionInput(String what, String why, String responsible, String timetable, ActionStatus status) {
            this(what, why, responsible, timetable, status, null);
        }
    }

    /** What a unit reports on an action in a round; {@code reachedEffect} (whole kronor a year) only for a measure. */
    record ReportInput(ActionStatus status, String comment, Long reachedEffect) {
    }

    private final ActionRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final ContributedWork work;
    private final ApplicationEventPublisher events;

    ActionService(ActionRepository repository, Organisation organisation, Access access, AuditLog audit, ContributedWork work,
                  ApplicationEventPublisher events) {
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.work = work;
        this.events = events;
    }

    QualityAction get(long id) {
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Åtgärden", id));
    }

    /** The body's immediate actions of the year (the measures of plans are listed with their plan). */
    List<QualityAction> list(long bodyUnitId, int year) {
        return repository.immediate(access.municipalityId(), bodyUnitId, year);
    }

    Paging.Page<QualityAction> page(Long bodyUnitId, Integer year, Paging paging) {
        return repository.page(access.municipalityId(), bodyUnitId, year, paging);
    }

    boolean mayEdit(long bodyUnitId) {
        return access.may(Access.Action.EDIT_STRUCTURE, bodyUnitId);
    }

    @Transactional
    QualityAction create(long bodyUnitId, int year, ActionInput in) {
        OrgUnit body = organisation.findUnit(bodyUnitId).filter(u -> u.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Organet", bodyUnitId));
        access.require(Access.Action.EDIT_STRUCTURE, body.id());
        Problems p = check(in, false);
        p.check(body.type().isBody(), "body", "quality.validering.organ");
        p.check(RiskRules.validYear(year), "year", "quality.validering.ar", String.valueOf(RiskRules.FIRST_YEAR), String.valueOf(RiskRules.LAST_YEAR));
        p.throwIfAny();
        return insert(new QualityAction(null, access.municipalityId(), body.id(), year, in.what().strip(),
                blank(in.why()), blank(in.responsible()), blank(in.timetable()), in.status(), 0, null, 0, null));
    }

    /** A new measure at the end of a plan; the caller has checked the right on the plan's body. */
    QualityAction createMeasure(ActionPlan plan, ActionInput in) {
        check(in, true).throwIfAny();
        return insert(new QualityAction(null, plan.municipalityId(), plan.bodyUnitId(), plan.year(), in.what().strip(),
                blank(in.why()), blank(in.responsible()), blank(in.timetable()), in.status(), 0, plan.id(),
                repository.nextPosition(plan.id()), in.expectedEffect()));
    }

    private QualityAction insert(QualityAction draft) {
        long id = repository.insert(draft);
        QualityAction saved = repository.find(draft.municipalityId(), id).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, summary(saved), null, saved);
        return saved;
    }

    @Transactional
    QualityAction update(long id, int version, ActionInput in) {
        QualityAction current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        check(in, !current.immediate()).throwIfAny();
        QualityAction edited = new QualityAction(id, current.municipalityId(), current.bodyUnitId(), current.year(),
                in.what().strip(), blank(in.why()), blank(in.responsible()), blank(in.timetable()), in.status(), version,
                current.planId(), current.position(), current.immediate() ? null : in.expectedEffect());
        if (!repository.update(edited)) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        QualityAction saved = repository.find(current.municipalityId(), id).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, summary(saved), current, saved);
        return saved;
    }

    private static Problems check(ActionInput in, boolean measure) {
        Problems p = new Problems();
        p.check(in.what() != null && !in.what().isBlank(), "what", "quality.validering.vad");
        p.check(in.what() == null || in.what().strip().length() <= 2_000, "what", "validering.text.lang", 2_000);
        p.check(in.why() == null || in.why().strip().length() <= 2_000, "why", "validering.text.lang", 2_000);
        p.check(in.responsible() == null || in.responsible().strip().length() <= 200, "responsible", "validering.text.lang", 200);
        p.check(in.timetable() == null || in.timetable().strip().length() <= 200, "timetable", "validering.text.lang", 200);
        p.check(in.status() != null, "status", "quality.validering.status");
        p.check(measure || in.expectedEffect() == null, "expectedEffect", "actions.validering.effekt.omedelbar");
        p.check(in.expectedEffect() == null || Math.abs(in.expectedEffect()) < 1_000_000_000_000L, "expectedEffect", "validering.tal.storlek");
        return p;
    }

    // ---- sharing in rounds

    /** The action's sharing: per round, the units that report on it. */
    Map<Long, Set<Long>> shares(long actionId) {
        Map<Long, Set<Long>> byRound = new LinkedHashMap<>();
        repository.sharesOfAction(actionId).forEach(s -> byRound.computeIfAbsent(s.roundId(), r -> new TreeSet<>()).add(s.unitId()));
        return byRound;
    }

    List<ActionReport> reports(long actionId) {
        return repository.reportsOfAction(actionId);
    }

    /**
     * Shares the action in a round of its body to exactly these departments and units (none: it leaves the round); each
     * of them gets a task for the round's actions. A unit that has already reported keeps its share.
     */
    @Transactional
    QualityAction share(long actionId, Integer version, Long roundId, Set<Long> unitIds) {
        QualityAction action = requireSharing(actionId);
        Problems input = new Problems();
        input.check(roundId != null, "roundId", "validering.val");
        input.check(version != null, "version", "validering.version");
        input.throwIfAny();
        Round round = work.round(roundId);
        Problems.when(round.bodyUnitId() != action.bodyUnitId(), "roundId", "actions.validering.delning.organ");
        Set<Long> wanted = new LinkedHashSet<>(unitIds);
        work.requireSharing(round, wanted);
        Set<Long> before = new TreeSet<>(shares(actionId).getOrDefault(roundId, Set.of()));
        Problems p = new Problems();
        for (ActionReport r : repository.reportsOfAction(actionId)) {
            if (r.roundId() == roundId && !wanted.contains(r.unitId())) {
                p.add("units", "actions.validering.delning.rapport", organisation.unit(r.unitId()).name());
            }
        }
        p.throwIfAny();
        if (!repository.touch(actionId, version)) {
            throw new ConflictException(AUDIT_TYPE, actionId);
        }
        repository.replaceShares(roundId, actionId, wanted);
        events.publishEvent(new RoundContributions.RoundItemsChanged(roundId));
        audit.record(action.municipalityId(), SHARE_AUDIT_TYPE, actionId, AuditLog.Action.ANDRAD,
                "Delning i " + round.name() + ": " + action.what(),
                Map.of("uppfoljning", roundId, "enheter", before), Map.of("uppfoljning", roundId, "enheter", new TreeSet<>(wanted)));
        return get(actionId);
    }

    /** The action, when the person may share it: those who run the rounds of its body. */
    QualityAction requireSharing(long actionId) {
        QualityAction action = get(actionId);
        access.require(Access.Action.MANAGE_ROUNDS, action.bodyUnitId());
        return action;
    }

    /** The action, when the person may change it. */
    QualityAction requireEdit(long actionId) {
        QualityAction action = get(actionId);
        access.require(Access.Action.EDIT_STRUCTURE, action.bodyUnitId());
        return action;
    }

    // ---- reporting

    /** A unit's report on an action shared to it in a round; an empty one (version 0) when it has not reported yet. */
    ActionReport report(long actionId, long roundId, long unitId) {
        QualityAction action = get(actionId);
        Round round = work.round(roundId);
        if (!repository.isShared(round.id(), action.id(), unitId)) {
            throw new NotFoundException("Åtgärden för enheten", actionId);
        }
        return repository.findReport(roundId, actionId, unitId)
                .orElse(new ActionReport(null, roundId, actionId, unitId, null, null, null, null, null, 0));
    }

    void requireReporting(long unitId) {
        access.require(Access.Action.REPORT, unitId);
    }

    boolean mayReport(long roundId, long unitId) {
        return work.mayReport(work.round(roundId), unitId);
    }

    /** Saves what the unit reports, under the same rules as its reports on the goal chain: its task must be open. */
    @Transactional
    ActionReport saveReport(long actionId, long roundId, long unitId, int version, ReportInput in) {
        QualityAction action = get(actionId);
        ActionReport current = report(actionId, roundId, unitId);
        work.beginReport(roundId, unitId);
        Problems p = new Problems();
        p.check(in.status() != null, "status", "quality.validering.status");
        String comment = blank(in.comment());
        p.check(comment != null, "comment", "actions.validering.redovisning");
        p.check(comment == null || comment.length() <= COMMENT_MAX, "comment", "validering.text.lang", COMMENT_MAX);
        p.check(!action.immediate() || in.reachedEffect() == null, "reachedEffect", "actions.validering.effekt.omedelbar");
        p.check(in.reachedEffect() == null || Math.abs(in.reachedEffect()) < 1_000_000_000_000L, "reachedEffect", "validering.tal.storlek");
        p.throwIfAny();
        ActionReport edited = new ActionReport(current.id(), roundId, actionId, unitId, in.status(), comment, in.reachedEffect(),
                OffsetDateTime.now(ZoneOffset.UTC), access.current().username(), version);
        long id;
        if (current.id() == null) {
            if (version != 0) {
                throw new ConflictException(REPORT_AUDIT_TYPE, actionId);
            }
            try {
                id = repository.insertReport(edited);
            } catch (DuplicateKeyException e) {
                throw new ConflictException(REPORT_AUDIT_TYPE, actionId);
            }
        } else {
            if (!repository.updateReport(edited)) {
                throw new ConflictException(REPORT_AUDIT_TYPE, current.id());
            }
            id = current.id();
        }
        ActionReport saved = repository.findReport(roundId, actionId, unitId).orElseThrow();
        audit.record(action.municipalityId(), REPORT_AUDIT_TYPE, id, current.id() == null ? AuditLog.Action.SKAPAD : AuditLog.Action.ANDRAD,
                "Redovisning av åtgärd: " + action.what() + " (" + organisation.unit(unitId).name() + ")",
                current.id() == null ? null : current, saved);
        return saved;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String summary(QualityAction a) {
        return (a.immediate() ? "Åtgärd " : "Åtgärd i handlingsplan ") + a.year() + ": " + a.what();
    }
}
