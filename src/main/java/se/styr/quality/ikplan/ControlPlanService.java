package se.styr.quality.ikplan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.followup.ControlDeferrals;
import se.styr.followup.ControlResults;
import se.styr.followup.RoundType;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.goals.GoalService;
import se.styr.goals.Kind;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import se.styr.quality.Risk;

/**
 * The internal-control plans: a body's points of the year with the risks they handle, deferrals and follow-up, and
 * every body's plan side by side. A plan, one body's or all of them, is read in a fixed number of statements.
 */
@Service
public class ControlPlanService {

    static final String AUDIT_TYPE = "internal_control_deferral";

    private final PlanRepository repository;
    private final GoalQueries goalQueries;
    private final GoalService goals;
    private final ControlResults results;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ControlPlanService(PlanRepository repository, GoalQueries goalQueries, GoalService goals, ControlResults results,
                       Organisation organisation, Access access, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.goalQueries = goalQueries;
        this.goals = goals;
        this.results = results;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    /** A committee, the executive board, the council or a company of the municipality. */
    public OrgUnit body(long unitId) {
        OrgUnit unit = organisation.findUnit(unitId).filter(u -> u.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Organet", unitId));
        Problems.when(!unit.type().isBody(), "body", "quality.validering.organ");
        return unit;
    }

    public boolean mayEdit(long bodyId) {
        return access.may(Access.Action.EDIT_STRUCTURE, bodyId);
    }

    @Transactional(readOnly = true)
    public ControlPlan plan(long bodyId, int year) {
        OrgUnit body = body(bodyId);
        return plans(List.of(body), year).get(0);
    }

    /** Every body's plan of the year (those without points too), in the organisation's order. */
    @Transactional(readOnly = true)
    public List<ControlPlan> all(int year) {
        return plans(organisation.bodies(access.municipalityId()), year);
    }

    private List<ControlPlan> plans(List<OrgUnit> bodies, int year) {
        long m = access.municipalityId();
        List<Long> bodyIds = bodies.stream().map(OrgUnit::id).toList();
        Long period = period(year).map(PlanPeriod::id).orElse(null);
        List<GoalObject> points = new ArrayList<>(period == null ? List.of()
                : goalQueries.owned(m, bodyIds, List.of(Kind.INTERNKONTROLLPUNKT), period, List.of()));
        List<Deferral> deferrals = repository.deferrals(m, bodyIds, year);
        Set<Long> known = points.stream().map(GoalObject::id).collect(Collectors.toSet());
        // a point deferred to this year from a plan period that has ended is read by its id
        List<Long> missing = deferrals.stream().filter(d -> d.deferredTo() == year).map(Deferral::pointId)
                .filter(id -> !known.contains(id)).distinct().toList();
        if (!missing.isEmpty()) {
            points.addAll(goalQueries.objects(m, missing));
        }
        Map<Long, List<Risk>> risks = repository.risks(m, bodyIds, year).stream().filter(r -> r.goalObjectId() != null)
                .collect(Collectors.groupingBy(Risk::goalObjectId));
        Map<Long, Map<RoundType, ControlResults.Result>> followed = results.of(m, points.stream().map(GoalObject::id).toList(), year);
        Map<Long, Deferral> away = deferrals.stream().filter(d -> d.year() == year).collect(Collectors.toMap(Deferral::pointId, d -> d));
        Map<Long, Deferral> here = deferrals.stream().filter(d -> d.deferredTo() == year)
                .collect(Collectors.toMap(Deferral::pointId, d -> d, (a, b) -> a.year() >= b.year() ? a : b));
        Map<Long, List<GoalObject>> byBody = points.stream().sorted(Comparator.comparingInt(GoalObject::position).thenComparing(GoalObject::id))
                .collect(Collectors.groupingBy(GoalObject::ownerUnitId, LinkedHashMap::new, Collectors.toList()));
        List<ControlPlan> plans = new ArrayList<>();
        for (OrgUnit body : bodies) {
            List<ControlPlan.Point> list = new ArrayList<>();
            for (GoalObject o : byBody.getOrDefault(body.id(), List.of())) {
                list.add(new ControlPlan.Point(list.size() + 1, o, risks.getOrDefault(o.id(), List.of()), away.get(o.id()),
                        here.get(o.id()), followed.getOrDefault(o.id(), Map.of())));
            }
            plans.add(new ControlPlan(body, year, list));
        }
        return plans;
    }

    /** The plan period the year belongs to: a decided one before an illustrative one. */
    Optional<PlanPeriod> period(int year) {
        return organisation.periods(access.municipalityId()).stream().filter(p -> p.contains(year))
                .min(Comparator.comparing(PlanPeriod::illustrative));
    }

    /** Defers the point's follow-up of the year to a later year with a reason, or changes the deferral. */
    @Transactional
    public Deferral defer(long pointId, int year, Integer deferredTo, String reason, Integer version) {
        GoalObject point = point(pointId);
        access.require(Access.Action.EDIT_STRUCTURE, point.ownerUnitId());
        DeferralRules.check(year, deferredTo, reason).throwIfAny();
        long m = access.municipalityId();
        Optional<Deferral> current = repository.deferral(m, pointId, year);
        Deferral wanted = new Deferral(current.map(Deferral::id).orElse(null), m, point.ownerUnitId(), pointId, year, deferredTo,
                reason.strip(), version == null ? 0 : version);
        if (current.isEmpty()) {
            if (version != null && version != 0) {
                throw new ConflictException(AUDIT_TYPE, pointId);
            }
            long id = repository.insert(wanted);
            Deferral saved = repository.deferral(m, pointId, year).orElseThrow();
            audit.record(m, AUDIT_TYPE, id, AuditLog.Action.SKAPAD, summary(point, saved), null, saved);
            events.publishEvent(new ControlDeferrals.Changed(m, pointId, Set.of(year, deferredTo)));
            return saved;
        }
        if (version == null || !repository.update(wanted)) {
            throw new ConflictException(AUDIT_TYPE, current.get().id());
        }
        Deferral saved = repository.deferral(m, pointId, year).orElseThrow();
        audit.record(m, AUDIT_TYPE, saved.id(), AuditLog.Action.ANDRAD, summary(point, saved), current.get(), saved);
        events.publishEvent(new ControlDeferrals.Changed(m, pointId, Set.copyOf(List.of(year, current.get().deferredTo(), deferredTo)
                .stream().collect(Collectors.toSet()))));
        return saved;
    }

    /** Takes a deferral back: the point is followed up in its year again. */
    @Transactional
    public void undefer(long pointId, int year, int version) {
        GoalObject point = point(pointId);
        access.require(Access.Action.EDIT_STRUCTURE, point.ownerUnitId());
        long m = access.municipalityId();
        Deferral current = repository.deferral(m, pointId, year)
                .orElseThrow(() -> new NotFoundException("Uppskjutningen", pointId));
        if (!repository.delete(current.id(), version)) {
            throw new ConflictException(AUDIT_TYPE, current.id());
        }
        audit.record(m, AUDIT_TYPE, current.id(), AuditLog.Action.BORTTAGEN, summary(point, current), current, null);
        events.publishEvent(new ControlDeferrals.Changed(m, pointId, Set.of(year, current.deferredTo())));
    }

    private GoalObject point(long pointId) {
        GoalObject o = goals.get(pointId);
        if (o.municipalityId() != access.municipalityId() || o.kind() != Kind.INTERNKONTROLLPUNKT) {
            throw new NotFoundException("Internkontrollpunkten", pointId);
        }
        return o;
    }

    private static String summary(GoalObject point, Deferral d) {
        return "Internkontrollpunkt " + point.title() + ": uppföljningen " + d.year() + " flyttas till " + d.deferredTo();
    }

}
