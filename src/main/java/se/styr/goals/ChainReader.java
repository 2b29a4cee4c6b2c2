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

    /**
     * How deep a body's chain opens at most: KF's objects above the body's own (focus areas, priority goals) open, so
     * the body's objects show at once; those are closed, with their state and what is under them counted.
     */
    static final int BODY_LEVELS = 2;

    private final ChainQueries queries;
    private final GoalRepository objects;
    private final Organisation organisation;
    private final UnitTree unitTree;
    private final Access access;
    private final org.springframework.beans.factory.ObjectProvider<SignalRules> rules;

    ChainReader(ChainQueries queries, GoalRepository objects, Organisation organisation, UnitTree unitTree, Access access,
                org.springframework.beans.factory.ObjectProvider<SignalRules> rules) {
        this.queries = queries;
        this.objects = objects;
        this.organisation = organisation;
        this.unitTree = unitTree;
        this.access = access;
        this.rules = rules;
    }

    /** Every module's rules asked once for all the cases of a page ({@link SignalRules}). */
    private Map<SignalRules.Case, SignalRules.Judged> judge(Collection<SignalRules.Case> cases) {
        return SignalRules.judgeAll(rules.orderedStream().toList(), cases);
    }

    /**
     * What every view needs of the organisation: its periods, the municipality's tolerance and its top unit (KF). The
     * units a view shows are read with its objects ({@link #owners}), not here.
     */
    record Context(long municipalityId, Map<Long, PlanPeriod> periods, BigDecimal tolerance, long top) {

        BigDecimal tolerance(GoalObject o) {
            return o.nearTargetTolerance() != null ? o.nearTargetTolerance() : tolerance;
        }

        Integer firstYear(GoalObject o) {
            PlanPeriod p = o.periodId() == null ? null : periods.get(o.periodId());
            return p == null ? null : p.firstYear();
        }
    }

    Context context() {
        long m = access.municipalityId();
        OrgUnit root = unitTree.root(m);
        return new Context(m, organisation.periods(m).stream().collect(Collectors.toMap(PlanPeriod::id, Function.identity())),
                organisation.municipality(m).nearTargetTolerance(), root == null ? -1L : root.id());
    }

    /** The units that own (or gave) these objects, by id: one query for what a view shows. */
    Map<Long, OrgUnit> owners(Collection<GoalObject> shown) {
        Set<Long> ids = new HashSet<>();
        shown.forEach(o -> ids.add(o.ownerUnitId()));
        return unitTree.byIds(ids);
    }

    /** The municipality's bodies, for the choice of whose chain to show. */
    List<OrgUnit> bodies(Context c) {
        return organisation.bodies(c.municipalityId());
    }

    /** A body and every unit below it, parents before children. */
    List<OrgUnit> unitsOf(long bodyId) {
        UnitTree.Subtree subtree = unitTree.of(bodyId);
        return subtree == null ? List.of() : subtree.units();
    }

    /** The unit, when it is one of the municipality's. */
    java.util.Optional<OrgUnit> unitOf(Context c, long unitId) {
        return organisation.findUnit(unitId).filter(u -> u.municipalityId() == c.municipalityId());
    }

    /** The body a unit belongs to (itself, or the nearest body above it) with the units above that body, the body first. */
    List<OrgUnit> bodyAndAbove(long unitId) {
        List<OrgUnit> up = unitTree.ancestors(unitId);
        int body = 0;
        while (body < up.size() - 1 && !up.get(body).type().isBody()) {
            body++;
        }
        return up.subList(body, up.size());
    }

    /** The whole municipality (no body, or KF, whose chain is all of it) or one body's part. */
    ChainQueries.Scope scope(Context c, Long body, boolean retired) {
        if (body == null || body == c.top()) {
            return new ChainQueries.Scope(c.municipalityId(), null, c.top(), retired);
        }
        if (unitOf(c, body).isEmpty()) {
            throw new NotFoundException("Organet", body);
        }
        return new ChainQueries.Scope(c.municipalityId(), organisation.subtree(body), c.top(), retired);
    }

    /**
     * The period whose chain the tree shows when none is chosen: the newest real period that holds objects, so the
     * chain of the next year shows once it is carried, and an empty new period does not hide the current one.
     */
    Long defaultPeriod(Context c) {
        java.util.Set<Long> used = new HashSet<>(queries.periodsInUse(c.municipalityId()));
        return c.periods().values().stream().filter(p -> !p.illustrative() && used.contains(p.id()))
                .max(java.util.Comparator.comparingInt(PlanPeriod::firstYear)).map(PlanPeriod::id).orElse(null);
    }

    /** The real periods, newest first, for the choice of which period's chain to show. */
    List<PlanPeriod> realPeriods(Context c) {
        return c.periods().values().stream().filter(p -> !p.illustrative())
                .sorted(java.util.Comparator.comparingInt(PlanPeriod::firstYear).reversed()).toList();
    }

    GoalObject object(long id) {
        return objects.find(id).filter(o -> o.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Objektet", id));
    }

    // ---- the tree

    /**
     * The top of the chain: for the whole municipality KF's objects, closed; for a body the objects above its own
     * open (at most {@link #BODY_LEVELS} deep) and its own closed, each with its state and how many are under it.
     */
    List<GoalViews.Node> top(Context c, ChainQueries.Scope scope) {
        if (scope.units() == null) {
            return nodes(c, scope, queries.roots(scope), 0, o -> false);
        }
        ChainQueries.Scope body = queries.resolved(scope);
        Set<Long> bodyUnits = Set.copyOf(scope.units());
        return nodes(c, body, queries.roots(body), BODY_LEVELS, o -> !bodyUnits.contains(o.ownerUnitId()));
    }

    /** One object, open one level or closed, as an expanded or collapsed node of the tree. */
    GoalViews.Node node(Context c, ChainQueries.Scope scope, GoalObject o, boolean open) {
        return nodes(c, queries.resolved(scope), List.of(o), open ? 1 : 0, x -> true).get(0);
    }

    private List<GoalViews.Node> nodes(Context c, ChainQueries.Scope scope, List<GoalObject> top, int levels,
                                       java.util.function.Predicate<GoalObject> opens) {
        return nodes(c, scope, top, levels, opens, List.of()).nodes();
    }

    /** Nodes, and the other rules' signals of the extra cases the page judges besides them (asked in the same call). */
    private record Built(List<GoalViews.Node> nodes, Map<SignalRules.Case, SignalRules.Judged> judged) {
    }

    /**
     * The objects as nodes, those that {@code opens} opened, level by level, at most {@code levels} deep; the closed
     * nodes know how many children they have. A level costs one query, whatever its size.
     */
    private Built nodes(Context c, ChainQueries.Scope scope, List<GoalObject> top, int levels,
                        java.util.function.Predicate<GoalObject> opens, List<SignalRules.Case> extra) {
        Map<Long, List<GoalObject>> kids = new HashMap<>();
        List<GoalObject> all = new ArrayList<>(top);
        List<GoalObject> frontier = top.stream().filter(opens).toList();
        for (int level = 0; level < levels && !frontier.isEmpty(); level++) {
            frontier.forEach(o -> kids.put(o.id(), new ArrayList<>()));
            List<GoalObject> next = queries.children(scope, ids(frontier));
            next.forEach(k -> kids.get(k.parentId()).add(k));
            all.addAll(next);
            frontier = next.stream().filter(opens).toList();
        }
        Map<Long, Integer> counts = queries.childCounts(scope, ids(all.stream().filter(o -> !kids.containsKey(o.id())).toList()));
        Assessor assessor = assessor(c, all, extra);
        return new Built(top.stream().map(o -> build(o, kids, counts, assessor)).toList(), assessor.judged());
    }

    private GoalViews.Node build(GoalObject o, Map<Long, List<GoalObject>> kids, Map<Long, Integer> counts, Assessor assessor) {
        List<GoalObject> children = kids.get(o.id());
        List<GoalViews.Node> built = children == null ? List.of()
                : children.stream().map(k -> build(k, kids, counts, assessor)).toList();
        int count = children == null ? counts.getOrDefault(o.id(), 0) : children.size();
        return assessor.node(o, built, count);
    }

    /**
     * Reads what the signals and states of the objects come from: the goals' key figures and every value, at once;
     * then asks the other modules' rules ({@link SignalRules}) once for every headline and the extra cases.
     */
    private Assessor assessor(Context c, Collection<GoalObject> shown, List<SignalRules.Case> extra) {
        List<GoalObject> measures = queries.measuresUnder(ids(shown.stream().filter(o -> o.kind().isGoal()).toList()));
        List<GoalObject> shownMeasures = shown.stream().filter(o -> o.kind().isMeasure()).toList();
        Set<Long> valued = new LinkedHashSet<>(ids(shownMeasures));
        valued.addAll(ids(measures));
        Assessor styr = new Assessor(c, owners(shown), measures.stream().collect(Collectors.groupingBy(GoalObject::parentId)),
                queries.valuesOf(valued), Map.of());
        List<SignalRules.Case> cases = new ArrayList<>(extra);
        shownMeasures.forEach(o -> cases.add(SignalRules.Case.of(o, styr.styrHeadline(o))));
        measures.forEach(o -> cases.add(SignalRules.Case.of(o, styr.styrHeadline(o))));
        return new Assessor(styr.c(), styr.owners(), styr.measuresByGoal(), styr.values(), judge(cases));
    }

    private record Assessor(Context c, Map<Long, OrgUnit> owners, Map<Long, List<GoalObject>> measuresByGoal,
                            Map<Long, List<MeasureValue>> values, Map<SignalRules.Case, SignalRules.Judged> judged) {

        List<MeasureValue> values(GoalObject o) {
            return values.getOrDefault(o.id(), List.of());
        }

        Assessment.Evaluation styrHeadline(GoalObject o) {
            return Assessment.headline(o.direction(), values(o), c.firstYear(o), c.tolerance(o));
        }

        /** The headline by the rule chosen for the figure: Styr's, or another module's. */
        Assessment.Evaluation headline(GoalObject o) {
            return SignalRules.apply(o, styrHeadline(o), judged);
        }

        GoalViews.Node node(GoalObject o, List<GoalViews.Node> children, int childCount) {
            Assessment.Evaluation headline = o.kind().isMeasure() ? headline(o) : null;
            Trend trend = o.kind().isMeasure() ? Assessment.trend(values(o)) : null;
            GoalState derived = !o.kind().isGoal() ? null : Assessment.derive(measuresByGoal.getOrDefault(o.id(), List.of()).stream()
                    .filter(k -> !Boolean.FALSE.equals(k.steering())).map(k -> headline(k).signal()).toList());
            return new GoalViews.Node(o, owners.get(o.ownerUnitId()), children, headline, trend, derived, childCount);
        }
    }

    // ---- an object's page

    GoalViews.Details details(long id) {
        GoalObject object = object(id);
        Context c = context();
        List<MeasureValue> values = queries.valuesOf(List.of(id)).getOrDefault(id, List.of());
        PlanPeriod period = object.periodId() == null ? null : c.periods().get(object.periodId());
        Integer firstYear = period == null ? null : period.firstYear();
        BigDecimal tolerance = c.tolerance(object);
        List<GoalViews.Earlier> history = object.kind().isMeasure() ? queries.history(id) : List.of();
        // an object carried from an earlier period is judged on the whole series: its baseline and trend come from
        // the years its predecessors reported
        List<MeasureValue> series = new ArrayList<>(history.stream().map(GoalViews.Earlier::value).toList());
        series.addAll(values);
        Assessment.Evaluation seriesHeadline = history.isEmpty() ? null
                : Assessment.headline(object.direction(), series, firstYear, tolerance);
        List<Assessment.Evaluation> styrYears = values.stream()
                .map(v -> Assessment.forYear(object.direction(), series, v.year(), firstYear, tolerance)).toList();
        // the years and the carried headline are judged by the figure's rule in the same call as the node
        List<SignalRules.Case> extra = new ArrayList<>();
        extra.add(SignalRules.Case.of(object, seriesHeadline));
        styrYears.forEach(e -> extra.add(SignalRules.Case.of(object, e)));
        Built built = nodes(c, queries.resolved(new ChainQueries.Scope(c.municipalityId(), null, c.top(), true)),
                List.of(object), 1, x -> true, extra);
        GoalViews.Node node = built.nodes().get(0);
        if (seriesHeadline != null) {
            node = new GoalViews.Node(node.object(), node.owner(), node.children(),
                    SignalRules.apply(object, seriesHeadline, built.judged()), Assessment.trend(series),
                    node.derivedState(), node.childCount());
        }
        List<GoalViews.YearRow> years = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            years.add(new GoalViews.YearRow(values.get(i), SignalRules.apply(object, styrYears.get(i), built.judged())));
        }
        return new GoalViews.Details(node, queries.ancestors(id), period,
                object.givenByUnitId() == null ? null : unitOf(c, object.givenByUnitId()).orElse(null),
                object.linkedIndicatorId() == null ? null : objects.find(object.linkedIndicatorId()).orElse(null),
                object.kind() == Kind.INDIKATOR ? queries.linkedTo(id) : List.of(), years, tolerance,
                Assessment.baseline(series, firstYear), history);
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
        List<OrgUnit> bodyAndAbove = ownerUnitId == null || ownerUnitId == c.top() ? List.of() : bodyAndAbove(ownerUnitId);
        Set<Long> units = null;
        if (!bodyAndAbove.isEmpty() && bodyAndAbove.get(0).id() != c.top()) {
            units = new HashSet<>(organisation.subtree(bodyAndAbove.get(0).id()));
            for (OrgUnit u : bodyAndAbove) {
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

    static List<String> words(String query) {
        return se.styr.platform.SearchWords.of(query);
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
        Map<Long, OrgUnit> owners = owners(found);
        return paging.of(total, found.stream()
                .map(o -> new GoalViews.Hit(o, owners.get(o.ownerUnitId()), paths.getOrDefault(o.id(), List.of()))).toList());
    }

    /** The API's list: every object of the municipality, filtered, one page at a time. */
    Paging.Page<GoalObject> list(Kind kind, Long body, Long periodId, Integer year, String query, Paging paging) {
        Context c = context();
        Problems problems = new Problems();
        problems.check(body == null || unitOf(c, body).isPresent(), "body", "validering.organ.okant");
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
