package se.styr.followup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.followup.FollowupViews.FigureLine;
import se.styr.followup.FollowupViews.TaskView;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.goals.GoalService;
import se.styr.goals.Kind;
import se.styr.goals.MeasureValue;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.UnitTree;
import se.styr.platform.NotFoundException;

/**
 * The read models of a round's pages: its progress, a task, an object for a unit with the units' reports below,
 * the outcomes per unit and the sharing of an object. Each reads the rows it shows with a fixed number of queries.
 */
@Service
class RoundPages {

    private final FollowupRepository repository;
    private final RoundQueries queries;
    private final Rounds rounds;
    private final MissingOutcomes missing;
    private final GoalQueries goalQueries;
    private final GoalService goals;
    private final UnitTree tree;
    private final Access access;

    RoundPages(FollowupRepository repository, RoundQueries queries, Rounds rounds, MissingOutcomes missing,
               GoalQueries goalQueries, GoalService goals, UnitTree tree, Access access) {
        this.repository = repository;
        this.queries = queries;
        this.rounds = rounds;
        this.missing = missing;
        this.goalQueries = goalQueries;
        this.goals = goals;
        this.tree = tree;
        this.access = access;
    }

    /** The round's objects in report order. */
    List<GoalObject> objectsOf(Round round) {
        List<GoalObject> objects = new ArrayList<>(goalQueries.objects(round.municipalityId(), repository.objectIds(round.id())));
        objects.sort(Rounds.objectOrder());
        return objects;
    }

    private DeferredControls deferred;

    @org.springframework.beans.factory.annotation.Autowired
    void setDeferred(DeferredControls deferred) {
        this.deferred = deferred;
    }

    /** The committee's objects not yet in an open round that it can report on: e.g. an assignment given since. */
    List<GoalObject> addable(Round round, List<GoalObject> included) {
        if (round.isDecided()) {
            return List.of();
        }
        UnitTree.Subtree committee = tree.of(round.bodyUnitId());
        java.util.Set<Long> movedAway = deferred == null ? java.util.Set.of() : deferred.movedAway(round, committee.ids()).keySet();
        List<GoalObject> addable = new ArrayList<>(goalQueries.owned(round.municipalityId(), committee.ids(), FollowupService.REPORTED_KINDS,
                round.periodId(), included.stream().map(GoalObject::id).toList()));
        // a control point whose follow-up of the year is moved to a later year is not offered
        addable.removeIf(o -> movedAway.contains(o.id()));
        addable.sort(Rounds.objectOrder());
        return addable;
    }

    /** The round with every unit's tasks: the API's answer (the page shows them per department, see RoundProgress). */
    @Transactional(readOnly = true)
    public FollowupViews.Overview overview(long roundId) {
        Round round = rounds.round(roundId);
        UnitTree.Subtree admin = tree.of(round.adminUnitId());
        List<Task> tasks = repository.tasks(roundId);
        Set<Long> outside = tasks.stream().map(Task::unitId).filter(u -> !admin.contains(u)).collect(Collectors.toSet());
        outside.add(round.bodyUnitId());
        Map<Long, OrgUnit> others = tree.byIds(outside);
        Map<Long, OrgUnit> units = new LinkedHashMap<>(admin.byId());
        units.putAll(others);
        List<TaskView> views = tasks.stream().map(t -> rounds.taskView(round, t, units.get(t.unitId()))).toList();
        Map<Long, Map<Part, TaskView>> byUnit = new LinkedHashMap<>();
        List<OrgUnit> order = new ArrayList<>(admin.units());
        others.values().stream().filter(u -> !admin.contains(u.id())).forEach(order::add);
        Map<Long, List<TaskView>> viewsByUnit = views.stream().collect(Collectors.groupingBy(v -> v.unit().id()));
        for (OrgUnit u : order) {
            viewsByUnit.getOrDefault(u.id(), List.of())
                    .forEach(v -> byUnit.computeIfAbsent(u.id(), k -> new EnumMap<>(Part.class)).put(v.task().part(), v));
        }
        List<FollowupViews.UnitRow> rows = byUnit.entrySet().stream()
                .map(e -> new FollowupViews.UnitRow(units.get(e.getKey()),
                        admin.contains(e.getKey()) ? admin.depth(e.getKey()) - 1 : 0, e.getValue()))
                .toList();
        List<GoalObject> included = objectsOf(round);
        return new FollowupViews.Overview(round, units.get(round.bodyUnitId()), admin.root(), Rounds.progress(views), rows,
                sharedObjects(round, included), addable(round, included), repository.versions(roundId), missing.count(round));
    }

    /** The round's objects, each with the number of units it is shared to. */
    List<FollowupViews.SharedObject> sharedObjects(Round round, List<GoalObject> included) {
        Map<Long, Integer> shareCounts = new HashMap<>();
        queries.shareCounts(List.of(round.id()), null).forEach(c -> shareCounts.put(c.objectId(), c.count()));
        return included.stream()
                .map(o -> new FollowupViews.SharedObject(o, Part.of(o.kind()), shareCounts.getOrDefault(o.id(), 0)))
                .toList();
    }

    /** The objects of a task: those of its part shared to its unit, with what the unit wrote and whether it is enough. */
    List<FollowupViews.ObjectLine> taskLines(Round round, Task task) {
        Map<Long, Report> reports = queries.reportsOfUnit(round.id(), task.unitId());
        return goalQueries.objects(round.municipalityId(), queries.objectsSharedTo(round.id(), task.unitId())).stream()
                .filter(o -> Part.of(o.kind()) == task.part())
                .sorted(Rounds.objectOrder())
                .map(o -> {
                    Report r = reports.getOrDefault(o.id(), Report.empty(round.id(), o.id(), task.unitId()));
                    return new FollowupViews.ObjectLine(o, r, Rounds.isComplete(o, r));
                })
                .toList();
    }

    /** The other modules' items of a task of part ATGARD (their actions), empty for the other parts. */
    List<RoundContributions.Item> contributedItems(Round round, Task task) {
        if (task.part() != Part.ATGARD || contributions == null) {
            return List.of();
        }
        return contributions.orderedStream().flatMap(c -> c.items(round.id(), task.unitId()).stream()).toList();
    }

    private org.springframework.beans.factory.ObjectProvider<RoundContributions> contributions;

    @org.springframework.beans.factory.annotation.Autowired
    void setContributions(org.springframework.beans.factory.ObjectProvider<RoundContributions> contributions) {
        this.contributions = contributions;
    }

    @Transactional(readOnly = true)
    public FollowupViews.TaskPage task(long taskId) {
        Task task = rounds.task(taskId);
        Round round = rounds.round(task.roundId());
        UnitTree.Subtree below = tree.of(task.unitId());
        OrgUnit unit = below.root();
        List<TaskView> belowTasks = queries.tasks(round.id(), task.part(),
                        below.ids().stream().filter(id -> id != unit.id()).toList()).stream()
                .map(t -> rounds.taskView(round, t, below.unit(t.unitId()))).toList();
        return new FollowupViews.TaskPage(rounds.taskView(round, task, unit), taskLines(round, task), belowTasks,
                !round.isDecided() && task.state().isOpen() && access.may(Access.Action.REPORT, unit.id()),
                !round.isDecided() && access.may(Access.Action.APPROVE, unit.id()), contributedItems(round, task));
    }

    @Transactional(readOnly = true)
    public FollowupViews.ObjectPage objectPage(long roundId, long unitId, long objectId) {
        Round round = rounds.round(roundId);
        UnitTree.Subtree below = tree.of(unitId);
        if (below == null || below.root().municipalityId() != round.municipalityId() || !queries.includes(roundId, objectId)) {
            throw new NotFoundException("Objektet i uppföljningen", objectId);
        }
        OrgUnit unit = below.root();
        GoalObject object = goals.get(objectId);
        Set<Long> sharedTo = queries.sharedTo(roundId, objectId);
        boolean adminLevel = unitId == round.adminUnitId();
        if (!adminLevel && !sharedTo.contains(unitId)) {
            throw new NotFoundException("Objektet för enheten", objectId);
        }
        Part part = Part.of(object.kind());
        Task task = queries.task(roundId, unitId, part).orElse(null);
        Map<Long, Report> reports = queries.reportsOnObject(roundId, objectId);
        List<GoalObject> figures = goalQueries.activeChildren(List.of(objectId), Kind.NYCKELTAL).getOrDefault(objectId, List.of());
        Map<Long, List<MeasureValue>> values = goalQueries.values(figures.stream().map(GoalObject::id).toList());
        List<OrgUnit> underlagUnits = below.units().stream().filter(u -> u.id() != unitId && sharedTo.contains(u.id())).toList();
        List<Long> shown = new ArrayList<>(underlagUnits.stream().map(OrgUnit::id).toList());
        shown.add(unitId);
        Map<String, Outcome> outcomes = queries.outcomes(roundId, figures.stream().map(GoalObject::id).toList(), shown).stream()
                .collect(Collectors.toMap(o -> o.objectId() + ":" + o.unitId(), o -> o));
        Rounds.Judging judging = rounds.judging(round);
        List<FigureLine> lines = new ArrayList<>(figures.stream().map(f -> adminLevel
                ? Rounds.administrationLine(round, judging, f, values.getOrDefault(f.id(), List.of()))
                : Rounds.figureLine(round, judging, f, outcomes.get(f.id() + ":" + unitId), values.getOrDefault(f.id(), List.of())))
                .toList());
        // the units' lines too, so the rule chosen for a figure (SignalRules) is asked once for the page
        underlagUnits.forEach(u -> figures.forEach(f -> lines.add(Rounds.figureLine(round, judging, f,
                outcomes.get(f.id() + ":" + u.id()), values.getOrDefault(f.id(), List.of())))));
        List<FigureLine> judgedLines = rounds.judged(round, lines);
        int perUnit = figures.size();
        List<FigureLine> own = judgedLines.subList(0, perUnit);
        Map<Long, TaskState> states = queries.tasks(roundId, part, underlagUnits.stream().map(OrgUnit::id).toList()).stream()
                .collect(Collectors.toMap(Task::unitId, Task::state));
        List<FollowupViews.UnderlagRow> underlag = new ArrayList<>();
        for (int i = 0; i < underlagUnits.size(); i++) {
            OrgUnit u = underlagUnits.get(i);
            underlag.add(new FollowupViews.UnderlagRow(u, below.depth(u.id()) - 1, states.get(u.id()),
                    reports.getOrDefault(u.id(), Report.empty(roundId, objectId, u.id())),
                    List.copyOf(judgedLines.subList((i + 1) * perUnit, (i + 2) * perUnit))));
        }
        boolean editable = !round.isDecided() && access.may(Access.Action.REPORT, unitId)
                && (adminLevel || (task != null && task.state().isOpen()));
        return new FollowupViews.ObjectPage(round, unit, object, part, task == null ? null : rounds.taskView(round, task, unit),
                reports.getOrDefault(unitId, Report.empty(roundId, objectId, unitId)), own,
                repository.instructions(roundId).get(part), underlag, adminLevel, editable);
    }

    @Transactional(readOnly = true)
    public FollowupViews.OutcomesPage outcomes(long roundId, Long figureId) {
        Round round = rounds.round(roundId);
        List<GoalObject> objects = objectsOf(round);
        Map<Long, List<GoalObject>> figuresByParent = goalQueries.activeChildren(objects.stream().map(GoalObject::id).toList(),
                Kind.NYCKELTAL);
        List<GoalObject> figures = objects.stream().flatMap(o -> figuresByParent.getOrDefault(o.id(), List.of()).stream()).toList();
        Map<Long, Integer> missingByFigure = new LinkedHashMap<>();
        Map<Long, Integer> counted = missing.perFigure(List.of(round)).getOrDefault(roundId, Map.of());
        figures.stream().filter(f -> counted.containsKey(f.id())).forEach(f -> missingByFigure.put(f.id(), counted.get(f.id())));
        GoalObject selected = figureId == null ? null : figures.stream().filter(f -> f.id().equals(figureId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Nyckeltalet i uppföljningen", figureId));
        List<FollowupViews.OutcomeRow> rows = List.of();
        if (selected != null) {
            UnitTree.Subtree admin = tree.of(round.adminUnitId());
            List<MeasureValue> values = goalQueries.values(List.of(selected.id())).getOrDefault(selected.id(), List.of());
            Map<Long, Outcome> byUnit = queries.outcomes(roundId, List.of(selected.id()), null).stream()
                    .collect(Collectors.toMap(Outcome::unitId, o -> o));
            Set<Long> sharedTo = queries.sharedTo(roundId, selected.parentId());
            Rounds.Judging judging = rounds.judging(round);
            List<OrgUnit> shown = admin.units().stream().filter(u -> sharedTo.contains(u.id())).toList();
            List<FigureLine> lines = rounds.judged(round, shown.stream().map(u -> Rounds.figureLine(round, judging, selected,
                    byUnit.getOrDefault(u.id(), Outcome.empty(roundId, selected.id(), u.id())), values)).toList());
            List<FollowupViews.OutcomeRow> built = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                built.add(new FollowupViews.OutcomeRow(shown.get(i), admin.depth(shown.get(i).id()) - 1, lines.get(i)));
            }
            rows = built;
        }
        return new FollowupViews.OutcomesPage(round, figures, missingByFigure, selected, rows);
    }

    /** The active departments and units under the round's administration: those that can be asked to report. */
    static List<FollowupViews.OutcomeUnit> reportingUnits(UnitTree.Subtree admin) {
        return admin.units().stream()
                .filter(u -> u.id() != admin.root().id() && u.active()
                        && (u.type() == OrgUnitType.AVDELNING || u.type() == OrgUnitType.ENHET))
                .map(u -> new FollowupViews.OutcomeUnit(u, admin.depth(u.id()) - 1)).toList();
    }

    @Transactional(readOnly = true)
    public FollowupViews.SharingPage sharing(long roundId, long objectId) {
        Round round = rounds.round(roundId);
        GoalObject object = goals.get(objectId);
        return new FollowupViews.SharingPage(object, Part.of(object.kind()), queries.includes(roundId, objectId),
                reportingUnits(tree.of(round.adminUnitId())), queries.sharedTo(roundId, objectId));
    }
}
