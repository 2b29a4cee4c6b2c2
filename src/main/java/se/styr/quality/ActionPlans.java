package se.styr.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Economic action plans (ekonomisk handlingsplan): a body's measures with who is responsible, the timetable and the
 * expected effect a year, followed up as a whole: the effects planned against those the units reported in their latest
 * round, summed in whole kronor.
 */
@Service
class ActionPlans {

    static final String AUDIT_TYPE = "action_plan";

    private final ActionRepository repository;
    private final ActionService actions;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final se.styr.organisation.UnitTree tree;

    ActionPlans(ActionRepository repository, ActionService actions, Organisation organisation, Access access, AuditLog audit,
                se.styr.organisation.UnitTree tree) {
        this.tree = tree;
        this.repository = repository;
        this.actions = actions;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    ActionPlan get(long id) {
        return repository.findPlan(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Handlingsplanen", id));
    }

    List<ActionPlan> list() {
        return repository.plans(access.municipalityId());
    }

    ActionPlan requireEdit(long planId) {
        ActionPlan plan = get(planId);
        access.require(Access.Action.EDIT_STRUCTURE, plan.bodyUnitId());
        return plan;
    }

    /** Refuses someone who may not change the body's structure (an unknown body is the form's problem, not a refusal). */
    void requireEditBody(long bodyUnitId) {
        organisation.findUnit(bodyUnitId).filter(u -> u.municipalityId() == access.municipalityId())
                .ifPresent(u -> access.require(Access.Action.EDIT_STRUCTURE, u.id()));
    }

    boolean mayEdit(long bodyUnitId) {
        return access.may(Access.Action.EDIT_STRUCTURE, bodyUnitId);
    }

    @Transactional
    ActionPlan create(Long bodyUnitId, Integer year, String title, String background) {
        Problems p = new Problems();
        OrgUnit body = bodyUnitId == null ? null : organisation.findUnit(bodyUnitId)
                .filter(u -> u.municipalityId() == access.municipalityId()).orElse(null);
        if (body != null) {
            access.require(Access.Action.EDIT_STRUCTURE, body.id());
        }
        p.check(body != null && body.type().isBody(), "body", "quality.validering.organ");
        p.check(year != null && RiskRules.validYear(year), "year", "quality.validering.ar", String.valueOf(RiskRules.FIRST_YEAR),
                String.valueOf(RiskRules.LAST_YEAR));
        checkTexts(p, title, background);
        p.throwIfAny();
        ActionPlan draft = new ActionPlan(null, access.municipalityId(), body.id(), year, title.strip(), ActionService.blank(background), 0);
        long id = repository.insertPlan(draft);
        ActionPlan saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, summary(saved), null, saved);
        return saved;
    }

    @Transactional
    ActionPlan update(long id, int version, String title, String background) {
        ActionPlan current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.bodyUnitId());
        Problems p = new Problems();
        checkTexts(p, title, background);
        p.throwIfAny();
        ActionPlan edited = new ActionPlan(id, current.municipalityId(), current.bodyUnitId(), current.year(), title.strip(),
                ActionService.blank(background), version);
        if (!repository.updatePlan(edited)) {
            throw new ConflictException(AUDIT_TYPE, id);
        }
        ActionPlan saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, summary(saved), current, saved);
        return saved;
    }

    /** A new measure at the end of the plan. */
    @Transactional
    QualityAction addMeasure(long planId, ActionService.ActionInput in) {
        ActionPlan plan = get(planId);
        access.require(Access.Action.EDIT_STRUCTURE, plan.bodyUnitId());
        return actions.createMeasure(plan, in);
    }

    private static void checkTexts(Problems p, String title, String background) {
        p.check(title != null && !title.isBlank(), "title", "validering.titel.tom");
        p.check(title == null || title.strip().length() <= 200, "title", "validering.titel.lang", 200);
        p.check(background == null || background.strip().length() <= 20_000, "background", "validering.text.lang", 20_000);
    }

    /**
     * A measure as the plan's follow-up shows it: the effect expected a year, and what the units reported in the latest
     * round that has a report on it (status of the latest report, effects reached summed over the units; null when none
     * gave one).
     */
    record MeasureLine(QualityAction measure, String roundName, LocalDate asOf, ActionStatus reportedStatus, Long reachedEffect,
                       List<String> comments) {
    }

    /** The plan followed up as a whole: each measure and the sums of effects expected and reached, in whole kronor. */
    record FollowUp(ActionPlan plan, OrgUnit body, List<MeasureLine> measures, long expectedTotal, long reachedTotal,
                    int withoutExpected, int reported) {
    }

    FollowUp followUp(long planId) {
        ActionPlan plan = get(planId);
        List<QualityAction> measures = repository.measures(planId);
        Map<Long, List<ActionRepository.DatedReport>> latest = new HashMap<>();
        for (ActionRepository.DatedReport r : repository.reportsOfPlan(planId)) {
            List<ActionRepository.DatedReport> list = latest.computeIfAbsent(r.report().actionId(), k -> new ArrayList<>());
            if (!list.isEmpty() && list.get(0).report().roundId() != r.report().roundId()) {
                list.clear(); // ordered by as-of date: a later round replaces the earlier
            }
            list.add(r);
        }
        Map<Long, String> unitNames = new HashMap<>();
        List<Long> unitIds = latest.values().stream().flatMap(List::stream).map(r -> r.report().unitId()).distinct().toList();
        tree.byIds(unitIds).values().forEach(u -> unitNames.put(u.id(), u.name()));
        List<MeasureLine> lines = new ArrayList<>();
        long expected = 0;
        long reached = 0;
        int withoutExpected = 0;
        int reported = 0;
        for (QualityAction m : measures) {
            List<ActionRepository.DatedReport> reports = latest.getOrDefault(m.id(), List.of());
            Long reachedHere = reports.stream().map(r -> r.report().reachedEffect()).filter(java.util.Objects::nonNull)
                    .reduce(Long::sum).orElse(null);
            ActionRepository.DatedReport last = reports.stream().max(java.util.Comparator.comparing(r -> r.report().updatedAt())).orElse(null);
            lines.add(new MeasureLine(m, last == null ? null : last.roundName(), last == null ? null : last.asOf(),
                    last == null ? null : last.report().status(), reachedHere,
                    reports.stream().map(r -> unitNames.getOrDefault(r.report().unitId(), "") + ": " + r.report().comment()).toList()));
            if (m.expectedEffect() != null) {
                expected += m.expectedEffect();
            } else {
                withoutExpected++;
            }
            if (reachedHere != null) {
                reached += reachedHere;
            }
            if (last != null) {
                reported++;
            }
        }
        return new FollowUp(plan, organisation.unit(plan.bodyUnitId()), lines, expected, reached, withoutExpected, reported);
    }

    private static String summary(ActionPlan p) {
        return "Handlingsplan " + p.year() + ": " + p.title();
    }
}
