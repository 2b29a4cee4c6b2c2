package se.styr.goals.nextyear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.goals.Kind;
import se.styr.organisation.NextPeriod;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.organisation.UnitTree;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * The next year: the goal chain of a plan period carried into the next one, one body at a time. Each copy points at
 * its predecessor, so the history of an indicator continues; an object is carried at most once, so carrying again
 * only carries what was left; the internal-control points come as drafts ({@link Drafts}).
 */
@Service
public class CarryOver {

    static final List<OrgUnitType> BODY_TYPES = java.util.Arrays.stream(OrgUnitType.values()).filter(OrgUnitType::isBody).toList();

    /** What happens to a body's objects of one kind: carried now, carried before, left behind (and why). */
    public record KindCount(long toCarry, long carried, long finished, long retiredOwner) {

        KindCount plus(CarryRepository.Count c) {
            long n = c.count();
            if (c.carried()) {
                return new KindCount(toCarry, carried + n, finished, retiredOwner);
            }
            if (!c.ownerActive()) {
                return new KindCount(toCarry, carried, finished, retiredOwner + n);
            }
            return c.finished() ? new KindCount(toCarry, carried, finished + n, retiredOwner)
                    : new KindCount(toCarry + n, carried, finished, retiredOwner);
        }
    }

    public record BodyCounts(OrgUnit body, Map<Kind, KindCount> kinds, boolean mayCarry) {

        public long toCarry() {
            return kinds.values().stream().mapToLong(KindCount::toCarry).sum();
        }

        public long carried() {
            return kinds.values().stream().mapToLong(KindCount::carried).sum();
        }
    }

    /** The start page: the old period, the next one (or the name it will get), and every body's counts. */
    public record Overview(PlanPeriod from, PlanPeriod target, String targetName, List<BodyCounts> bodies,
                           long pendingDrafts, boolean mayCreatePeriod) {
    }

    /** One object of the body's tree of choices. */
    /** {@code detached}: its parent is not in the body's tree (KF's goal above a committee goal). */
    public record Choice(OldObject row, List<Choice> children, boolean detached) {

        public boolean offered() {
            return row.carriable() && !row.carried();
        }
    }

    public record BodyPreview(PlanPeriod from, PlanPeriod target, OrgUnit body, List<Choice> tree, Map<Kind, KindCount> kinds,
                              boolean mayCarry) {
    }

    /** What a carry did: new objects by kind, internal-control drafts, objects that had been carried before. */
    public record Result(PlanPeriod target, Map<Kind, Integer> created, int drafts, int alreadyCarried, int values,
                         List<Long> relinked) {

        public int total() {
            return created.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final CarryRepository repository;
    private final GoalQueries goals;
    private final Organisation organisation;
    private final UnitTree units;
    private final NextPeriod nextPeriod;
    private final Access access;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    CarryOver(CarryRepository repository, GoalQueries goals, Organisation organisation, UnitTree units, NextPeriod nextPeriod,
              Access access, AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.goals = goals;
        this.organisation = organisation;
        this.units = units;
        this.nextPeriod = nextPeriod;
        this.access = access;
        this.audit = audit;
    }

    /** The municipality's real periods, newest first: the ones that can be carried from. */
    public List<PlanPeriod> periods() {
        return organisation.periods(access.municipalityId()).stream().filter(p -> !p.illustrative()).toList();
    }

    /**
     * The period to carry from when none is chosen: the newest one something was carried from (a carry goes on body by
     * body), else the newest that holds objects; the next year's carry from the new period starts by choosing it.
     */
    public PlanPeriod defaultFrom() {
        List<PlanPeriod> periods = periods();
        if (periods.isEmpty()) {
            throw new NotFoundException("Planperioden", "");
        }
        Set<Long> used = Set.copyOf(repository.periodsInUse(access.municipalityId()));
        return periods.stream().filter(p -> !repository.targetsOf(p.municipalityId(), p.id()).isEmpty()).findFirst()
                .or(() -> periods.stream().filter(p -> used.contains(p.id())).findFirst())
                .orElse(periods.get(0));
    }

    /** Only those who may change some part of the chain plan its next year. */
    void requirePlanner() {
        Set<Long> planners = access.unitsWhere(Access.Action.EDIT_STRUCTURE);
        if (planners != null && planners.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Endast administratörer och controllers får föra över styrkedjan till nästa år.");
        }
    }

    PlanPeriod period(long id) {
        return organisation.findPeriod(id).filter(p -> p.municipalityId() == access.municipalityId() && !p.illustrative())
                .orElseThrow(() -> new NotFoundException("Planperioden", id));
    }

    /** The period the old one is carried into: the one it was carried into before, else the next existing one. */
    PlanPeriod target(PlanPeriod from) {
        List<Long> before = repository.targetsOf(from.municipalityId(), from.id());
        if (!before.isEmpty()) {
            return organisation.findPeriod(before.get(0)).orElseThrow();
        }
        return nextPeriod.existing(from).orElse(null);
    }

    @Transactional(readOnly = true)
    public Overview overview(long fromId) {
        requirePlanner();
        PlanPeriod from = period(fromId);
        PlanPeriod target = target(from);
        List<CarryRepository.Count> counts = repository.counts(from.municipalityId(), from.id());
        Map<Long, OrgUnit> known = units.withAncestors(counts.stream().map(CarryRepository.Count::ownerUnitId).collect(Collectors.toSet()));
        Map<Long, Map<Kind, KindCount>> byBody = new LinkedHashMap<>();
        for (CarryRepository.Count c : counts) {
            OrgUnit body = bodyOf(known, c.ownerUnitId());
            byBody.computeIfAbsent(body.id(), k -> new EnumMap<>(Kind.class))
                    .merge(c.kind(), new KindCount(0, 0, 0, 0).plus(c), (a, b) -> a.plus(c));
        }
        List<BodyCounts> bodies = organisation.bodies(from.municipalityId()).stream().filter(b -> byBody.containsKey(b.id()))
                .map(b -> new BodyCounts(b, byBody.get(b.id()), access.may(Access.Action.EDIT_STRUCTURE, b.id()))).toList();
        long drafts = target == null ? 0 : Drafts.pending(repository, target.id());
        return new Overview(from, target, target == null ? NextPeriod.nameAfter(from) : target.name(), bodies, drafts,
                access.may(Access.Action.EDIT_STRUCTURE, null));
    }

    private static OrgUnit bodyOf(Map<Long, OrgUnit> known, long unitId) {
        OrgUnit u = known.get(unitId);
        while (u != null && !u.type().isBody() && u.parentId() != null && known.containsKey(u.parentId())) {
            u = known.get(u.parentId());
        }
        return u;
    }

    @Transactional(readOnly = true)
    public BodyPreview preview(long fromId, long bodyId) {
        requirePlanner();
        PlanPeriod from = period(fromId);
        OrgUnit body = organisation.findUnit(bodyId).filter(u -> u.municipalityId() == from.municipalityId() && u.type().isBody())
                .orElseThrow(() -> new NotFoundException("Organet", bodyId));
        List<OldObject> rows = repository.rows(from.municipalityId(), from.id(),
                units.below(body.id(), BODY_TYPES));
        Map<Kind, KindCount> kinds = new EnumMap<>(Kind.class);
        for (OldObject r : rows) {
            CarryRepository.Count c = new CarryRepository.Count(r.ownerUnitId(), r.kind(), r.ownerActive(), r.carried(), r.finished(), 1);
            kinds.merge(r.kind(), new KindCount(0, 0, 0, 0).plus(c), (a, b) -> a.plus(c));
        }
        return new BodyPreview(from, target(from), body, tree(rows), kinds, access.may(Access.Action.EDIT_STRUCTURE, body.id()));
    }

    /** The rows as a tree: an object whose parent is not among them (KF's goal above a committee goal) is a root. */
    static List<Choice> tree(List<OldObject> rows) {
        Set<Long> ids = rows.stream().map(OldObject::id).collect(Collectors.toSet());
        Map<Long, List<OldObject>> byParent = new HashMap<>();
        List<OldObject> roots = new ArrayList<>();
        for (OldObject r : rows) {
            if (r.parentId() != null && ids.contains(r.parentId())) {
                byParent.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            } else {
                roots.add(r);
            }
        }
        return roots.stream().map(r -> choice(r, byParent, r.parentId() != null)).toList();
    }

    private static Choice choice(OldObject r, Map<Long, List<OldObject>> byParent, boolean detached) {
        return new Choice(r, byParent.getOrDefault(r.id(), List.of()).stream().map(k -> choice(k, byParent, false)).toList(),
                detached);
    }

    /** Finds or creates the period after {@code fromId}; a created one is audited. */
    @Transactional
    public PlanPeriod startNext(long fromId) {
        access.require(Access.Action.EDIT_STRUCTURE, null);
        PlanPeriod from = period(fromId);
        NextPeriod.Found found = nextPeriod.findOrCreate(from);
        if (found.created()) {
            audit.record(from.municipalityId(), "plan_period", found.period().id(), AuditLog.Action.SKAPAD,
                    "Planperiod: " + found.period().name() + " (nästa år efter " + from.name() + ")", null, found.period());
        }
        return found.period();
    }

    /**
     * Carries the chosen objects of the old period into the next: those carried before are left as they are, the
     * internal-control points become drafts, everything else is copied level by level under its parent's successor.
     */
    @Transactional
    public Result carry(long fromId, Long targetId, Collection<Long> chosen) {
        PlanPeriod from = period(fromId);
        Set<Long> ids = chosen == null ? Set.of() : new HashSet<>(chosen);
        List<OldObject> rows = repository.rowsByIds(from.municipalityId(), from.id(), ids);
        // the right first, so a refused person learns nothing about the period from the validation
        requirePlanner();
        for (Long unit : rows.stream().map(OldObject::ownerUnitId).collect(Collectors.toSet())) {
            access.require(Access.Action.EDIT_STRUCTURE, unit);
        }
        PlanPeriod target = targetId != null ? period(targetId) : target(from);
        Problems problems = new Problems();
        problems.check(target != null, "target", "nastaar.validering.ingenPeriod", NextPeriod.nameAfter(from));
        problems.check(target == null || target.firstYear() > from.firstYear(), "target", "nastaar.validering.tidigare",
                target == null ? "" : target.name(), from.name());
        List<Long> before = repository.targetsOf(from.municipalityId(), from.id());
        problems.check(target == null || before.isEmpty() || before.equals(List.of(target.id())), "target",
                "nastaar.validering.annanPeriod", from.name());
        problems.check(!ids.isEmpty(), "objects", "nastaar.validering.ingetValt");
        Set<Long> found = rows.stream().map(OldObject::id).collect(Collectors.toSet());
        problems.check(found.size() == ids.size(), "objects", "nastaar.validering.okant", from.name());
        List<OldObject> fresh = rows.stream().filter(r -> !r.carried()).toList();
        Set<Long> freshIds = fresh.stream().map(OldObject::id).collect(Collectors.toSet());
        for (OldObject r : fresh) {
            problems.check(r.ownerActive(), "objects", "nastaar.validering.avveckladEnhet", r.title());
            problems.check(!r.finished(), "objects", "nastaar.validering.fardigt", r.title());
            problems.check(r.parentId() == null || r.parentCarried() || freshIds.contains(r.parentId()), "objects",
                    "nastaar.validering.forelder", r.title(), r.parentTitle() == null ? "" : r.parentTitle());
        }
        problems.throwIfAny();

        try {
            Result result = copy(from, target, fresh, rows.size() - fresh.size());
            events.publishEvent(new se.styr.goals.ChainCarried(from.municipalityId(),
                    rows.stream().map(OldObject::ownerUnitId).collect(Collectors.toSet()), from.firstYear(), target.firstYear()));
            return result;
        } catch (DuplicateKeyException e) {
            // someone carried the same objects at the same moment: the unique predecessor kept the copies single
            throw new ConflictException("goal_object", fromId);
        }
    }

    private Result copy(PlanPeriod from, PlanPeriod target, List<OldObject> fresh, int already) {
        long m = from.municipalityId();
        List<Long> points = fresh.stream().filter(r -> r.kind() == Kind.INTERNKONTROLLPUNKT).map(OldObject::id).toList();
        Map<Long, OldObject> copies = fresh.stream().filter(r -> r.kind() != Kind.INTERNKONTROLLPUNKT)
                .collect(Collectors.toMap(OldObject::id, r -> r, (a, b) -> a, LinkedHashMap::new));
        // level by level: an object is copied after its parent, so its parent's successor exists
        Set<Long> remaining = new HashSet<>(copies.keySet());
        while (!remaining.isEmpty()) {
            List<Long> level = remaining.stream().filter(id -> !remaining.contains(copies.get(id).parentId())).toList();
            repository.copyLevel(target.id(), level);
            level.forEach(remaining::remove);
        }
        int values = copies.isEmpty() ? 0 : repository.copyValues(copies.keySet(), target.firstYear());
        if (!points.isEmpty()) {
            repository.insertDrafts(m, target.id(), points);
        }
        List<Long> relinked = repository.relink(m, target.id());

        Map<Long, Long> successors = repository.successors(copies.keySet());
        Map<Long, Long> predecessors = successors.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Map<Kind, Integer> created = new EnumMap<>(Kind.class);
        for (GoalObject o : goals.objects(m, successors.values())) {
            created.merge(o.kind(), 1, Integer::sum);
            audit.record(m, "goal_object", o.id(), AuditLog.Action.SKAPAD,
                    o.kind().name() + ": " + o.title() + " (överförd från " + from.name() + ", id " + predecessors.get(o.id()) + ")", null, o);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", from.name());
        summary.put("to", target.name());
        summary.put("created", created);
        summary.put("internalControlDrafts", points.size());
        summary.put("alreadyCarried", already);
        summary.put("relinkedCommitteeGoals", relinked);
        audit.record(m, "plan_period", target.id(), AuditLog.Action.ANDRAD, "Nästa år: " + successors.size()
                + " objekt och " + points.size() + " internkontrollpunkter som utkast överförda från " + from.name()
                + " till " + target.name(), null, summary);
        return new Result(target, created, points.size(), already, values, relinked);
    }
}
