package se.styr.goals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.organisation.UnitTree;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * Reads the parts of the goal chain a page shows: an object with what is around it, a body's first levels, a node's
 * children, a search. Each reads a fixed number of queries whatever the size of the municipality: the objects shown,
 * the key figures their goals' states come from, and their values, each in one query.
 */
@Service
@Transactional(readOnly = true)
class ChainReader {

    /** The levels under the top that a body's chain opens with (the rest open one at a time). */
    static final int BODY_LEVELS = 2;

    private final ChainQueries queries;
    private final GoalRepository objects;
    private final Organisation organisation;
    private final UnitTree unitTree;
    private final Access access;

    ChainReader(ChainQueries queries, GoalRepository objects, Organisation organisation, UnitTree unitTree, Access access) {
        this.queries = queries;
        this.objects = objects;
        this.organisation = organisation;
        this.unitTree = unitTree;
        this.access = access;
    }

    /** What every view needs of the organisation: its units, periods and the municipality's tolerance. */
    record Context(long municipalityId, Map<Long, OrgUnit> units, Map<Long, PlanPeriod> periods, BigDecimal tolerance,
                   long top) {

        BigDecimal tolerance(GoalObject o) {
            return o.nearTargetTolerance() != null ? o.nearTargetTolerance() : tolerance;
        }

        Integer firstYear(GoalObject o) {
            PlanPeriod p = o.periodId() == null ? null : periods.get(o.periodId());
            return p == null ? null : p.firstYear();
        }

        /** The body an object belongs to: its owner, or the nearest body above the owner. */
        OrgUnit bodyOf(long unitId) {
            OrgUnit u = units.get(unitId);
            while (u != null && !u.type().isBody() && u.parentId() != null) {
                u = units.get(u.parentId());
            }
            return u;
        }
    }

    Context context() {
        long m = access.municipalityId();
        Map<Long, OrgUnit> units = organisation.units(m).stream()
                .collect(Collectors.toMap(OrgUnit::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        return context(m, units);
    }

    /**
     * The context of one object's page, with only the units it names: the owners of the object and its children, the
     * unit that gave it, and every unit above them (to find bodies and the top), not the whole municipality's tree.
     */
    Context contextAround(GoalObject o) {
        Set<Long> ids = new HashSet<>(queries.ownersAround(o.id()));
        ids.add(o.ownerUnitId());
        if (o.givenByUnitId() != null) {
            ids.add(o.givenByUnitId());
        }
        return context(o.municipalityId(), unitTree.withAncestors(ids));
    }

    private Context context(long m, Map<Long, OrgUnit> units) {
        long top = units.values().stream().filter(u -> u.parentId() == null).map(OrgUnit::id).findFirst().orElse(-1L);
        return new Context(m, units, organisation.periods(m).stream().collect(Collectors.toMap(PlanPeriod::id, Function.identity())),
                organisation.municipality(m).nearTargetTolerance(), top);
    }

    /** The whole municipality (no body, or KF, whose chain is all of it) or one body's part. */
    ChainQueries.Scope scope(Context c, Long body, boolean retired) {
        if (body == null || body == c.top()) {
            return new ChainQueries.Scope(c.municipalityId(), null, c.top(), retired);
        }
        if (!c.units().containsKey(body)) {
            throw new NotFoundException("Organet", body);
        }
        return new ChainQueries.Scope(c.municipalityId(), organisation.subtree(body), c.top(), retired);
    }

    GoalObject object(long id) {
        return objects.find(id).filter(o -> o.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Objektet", id));
    }

    // ---- the tree

    /** The top of the chain: for the whole municipality KF's objects, closed; for a body its first levels, open. */
    List<GoalViews.Node> top(Context c, ChainQueries.Scope scope) {
        return nodes(c, scope, queries.roots(scope), scope.units() == null ? 0 : BODY_LEVELS);
    }

    /** One object, open one level or closed, as an expanded or collapsed node of the tree. */
    GoalViews.Node node(Context c, ChainQueries.Scope scope, GoalObject o, boolean open) {
        return nodes(c, scope, List.of(o), open ? 1 : 0).get(0);
    }

    /** The objects as nodes, opened {@code levels} deep; the nodes at the last level know how many children they have. */
    private List<GoalViews.Node> nodes(Context c, ChainQueries.Scope scope, List<GoalObject> top, int levels) {
        Map<Long, List<GoalObject>> kids = new HashMap<>();
        List<GoalObject> all = new ArrayList<>(top);
        List<GoalObject> frontier = top;
        for (int level = 0; level < levels && !frontier.isEmpty(); level++) {
            frontier.forEach(o -> kids.put(o.id(), new ArrayList<>()));
            List<GoalObject> next = queries.children(scope, ids(frontier));
            next.forEach(k -> kids.get(k.parentId()).add(k));
            all.addAll(next);
            frontier = next;
        }
        Map<Long, Integer> counts = queries.childCounts(scope, ids(frontier.stream().filter(o -> !kids.containsKey(o.id())).toList()));
        Assessor assessor = assessor(c, all);
        return top.stream().map(o -> build(o, kids, counts, assessor)).toList();
    }

    private GoalViews.Node build(GoalObject o, Map<Long, List<GoalObject>> kids, Map<Long, Integer> counts, Assessor assessor) {
        List<GoalObject> children = kids.get(o.id());
        List<GoalViews.Node> built = children == null ? List.of()
                : children.stream().map(k -> build(k, kids, counts, assessor)).toList();
        int count = children == null ? counts.getOrDefault(o.id(), 0) : children.size();
        return assessor.node(o, built, count);
    }

    /** Reads what the signals and states of the objects come from: the goals' key figures and every value, at once. */
    private Assessor assessor(Context c, Collection<GoalObject> shown) {
        List<GoalObject> measures = queries.measuresUnder(ids(shown.stream().filter(o -> o.kind().isGoal()).toList()));
        Set<Long> valued = new LinkedHashSet<>(ids(shown.stream().filter(o -> o.kind().isMeasure()).toList()));
        valued.addAll(ids(measures));
        return new Assessor(c, measures.stream().collect(Collectors.groupingBy(GoalObject::parentId)), queries.valuesOf(valued));
    }

    private record Assessor(Context c, Map<Long, List<GoalObject>> measuresByGoal, Map<Long, List<MeasureValue>> values) {

        List<MeasureValue> values(GoalObject o) {
            return values.getOrDefault(o.id(), List.of());
        }

        Assessment.Evaluation headline(GoalObject o) {
            return Assessment.headline(o.direction(), values(o), c.firstYear(o), c.tolerance(o));
        }

        GoalViews.Node node(GoalObject o, List<GoalViews.Node> children, int childCount) {
            Assessment.Evaluation headline = o.kind().isMeasure() ? headline(o) : null;
            Trend trend = o.kind().isMeasure() ? Assessment.trend(values(o)) : null;
            GoalState derived = !o.kind().isGoal() ? null : Assessment.derive(measuresByGoal.getOrDefault(o.id(), List.of()).stream()
                    .filter(k -> !Boolean.FALSE.equals(k.steering())).map(k -> headline(k).signal()).toList());
            return new GoalViews.Node(o, c.units().get(o.ownerUnitId()), children, headline, trend, derived, childCount);
        }
    }

    // ---- an object's page

    GoalViews.Details details(long id) {
        return page(id).details();
    }

    /** An object's page: its details, and the context they were read in (for what else the page reads). */
    record ObjectPage(Context context, GoalViews.Details details) {
    }

    ObjectPage page(long id) {
        GoalObject object = object(id);
        Context c = contextAround(object);
        return new ObjectPage(c, details(c, object));
    }

    private GoalViews.Details details(Context c, GoalObject object) {
        long id = object.id();
        GoalViews.Node node = node(c, new ChainQueries.Scope(c.municipalityId(), null, c.top(), true), object, true);
        List<MeasureValue> values = queries.valuesOf(List.of(id)).getOrDefault(id, List.of());
        PlanPeriod period = object.periodId() == null ? null : c.periods().get(object.periodId());
        Integer firstYear = period == null ? null : period.firstYear();
        BigDecimal tolerance = c.tolerance(object);
        List<GoalViews.YearRow> years = values.stream()
                .map(v -> new GoalViews.YearRow(v, Assessment.forYear(object.direction(), values, v.year(), firstYear, tolerance)))
                .toList();
        return new GoalViews.Details(node, queries.ancestors(id), period,
                object.givenByUnitId() == null ? null : c.units().get(object.givenByUnitId()),
                object.linkedIndicatorId() == null ? null : objects.find(object.linkedIndicatorId()).orElse(null),
                object.kind() == Kind.INDIKATOR ? queries.linkedTo(id) : List.of(), years, tolerance,
                Assessment.baseline(values, firstYear));
    }

    List<GoalObject> ancestors(long id) {
        return queries.ancestors(id);
    }

    /**
     * The objects an object of this kind may be placed under: of the right kinds, in the period, and owned by its
     * body (its units and the bodies above it, so a committee goal finds KF's priority goals), plus the current parent.
     */
    List<GoalObject> parentCandidates(Context c, Kind kind, Long ownerUnitId, Long periodId, Long currentParentId) {
        List<Kind> kinds = java.util.Arrays.stream(Kind.values()).filter(kind::allowsParent).toList();
        OrgUnit body = c.bodyOf(ownerUnitId == null ? c.top() : ownerUnitId);
        Set<Long> units = null;
        if (body != null && body.id() != c.top()) {
            units = new HashSet<>(organisation.subtree(body.id()));
            for (OrgUnit u = body; u != null; u = u.parentId() == null ? null : c.units().get(u.parentId())) {
                units.add(u.id());
            }
        }
        List<GoalObject> found = new ArrayList<>(queries.candidates(c.municipalityId(), kinds, periodId, units));
        if (currentParentId != null && found.stream().noneMatch(p -> p.id().equals(currentParentId))) {
            objects.find(currentParentId).filter(p -> p.municipalityId() == c.municipalityId()).ifPresent(p -> found.add(0, p));
        }
        return found;
    }

    List<GoalObject> indicators(Context c) {
        return queries.candidates(c.municipalityId(), List.of(Kind.INDIKATOR), null, null);
    }

    // ---- lists: the search and the API

    /** Words of a search: at most ten, each of at most 100 characters. */
    static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(query.strip().split("\\s+")).limit(10)
                .map(w -> w.length() > 100 ? w.substring(0, 100) : w).toList();
    }

    /** Objects whose title has every word, or whose Kolada id is the query, in the body's units (or everywhere). */
    Paging.Page<GoalViews.Hit> search(Context c, String query, Long body, boolean retired, Paging paging) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return paging.of(0, List.of());
        }
        String kolada = words.size() == 1 && GoalRules.KOLADA_ID.matcher(words.get(0).toUpperCase(java.util.Locale.ROOT)).matches()
                ? words.get(0).toUpperCase(java.util.Locale.ROOT) : null;
        ChainQueries.Filter filter = new ChainQueries.Filter(c.municipalityId(), null,
                scope(c, body, retired).units(), null, null, words, kolada, retired);
        long total = queries.count(filter);
        List<GoalObject> found = total == 0 ? List.of() : queries.find(filter, paging);
        Map<Long, List<String>> paths = queries.paths(ids(found));
        return paging.of(total, found.stream()
                .map(o -> new GoalViews.Hit(o, c.units().get(o.ownerUnitId()), paths.getOrDefault(o.id(), List.of()))).toList());
    }

    /** The API's list: every object of the municipality, filtered, one page at a time. */
    Paging.Page<GoalObject> list(Kind kind, Long body, Long periodId, Integer year, String query, Paging paging) {
        Context c = context();
        Problems problems = new Problems();
        problems.check(body == null || c.units().containsKey(body), "body", "validering.organ.okant");
        problems.check(periodId == null || c.periods().containsKey(periodId), "period", "validering.period.saknas");
        problems.check(year == null || (year >= GoalRules.FIRST_YEAR && year <= GoalRules.LAST_YEAR), "year",
                "validering.ar.utanfor", GoalRules.year(GoalRules.FIRST_YEAR), GoalRules.year(GoalRules.LAST_YEAR));
        problems.throwIfAny();
        ChainQueries.Filter filter = new ChainQueries.Filter(c.municipalityId(), kind,
                body == null ? null : organisation.subtree(body), periodId, year, words(query), null, true);
        long total = queries.count(filter);
        return paging.of(total, total == 0 ? List.of() : queries.find(filter, paging));
    }

    private static List<Long> ids(Collection<GoalObject> objects) {
        return objects.stream().map(GoalObject::id).toList();
    }
}
