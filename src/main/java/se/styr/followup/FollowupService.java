package se.styr.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.CurrentUser;
import se.styr.accounts.Role;
import se.styr.audit.AuditLog;
import se.styr.followup.FollowupViews.FigureLine;
import se.styr.followup.FollowupViews.TaskView;
import se.styr.goals.Assessment;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.GoalState;
import se.styr.goals.Kind;
import se.styr.goals.MeasureValue;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Follow-up rounds: opening a round and sharing its objects down, the controllers' outcomes, the units' reports,
 * marking done and approving, and deciding the committee's report. Every write is authorised against the
 * organisation tree, validated whole, saved with optimistic locking and audited, in one transaction.
 */
@Service
public class FollowupService {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int TEXT_MAX = 10_000;
    private static final int SHORT_TEXT_MAX = 2_000;
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("100000000000000");

    private final FollowupRepository repository;
    private final GoalService goals;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private Clock clock = Clock.system(SWEDEN);

    FollowupService(FollowupRepository repository, GoalService goals, Organisation organisation, Access access,
                    AuditLog audit, Messages messages) {
        this.repository = repository;
        this.goals = goals;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** For tests that need another day than today: deadlines and opening dates are judged against it. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    // ---- opening a round

    /** What an administrator fills in to open a round. */
    public record OpenRound(Long bodyUnitId, RoundType type, String name, java.time.LocalDate asOf, LocalDate opensOn,
                            LocalDate unitDeadline, LocalDate departmentDeadline) {
    }

    @Transactional
    public Round open(OpenRound in) {
        long municipalityId = access.municipalityId();
        Problems p = new Problems();
        OrgUnit body = in.bodyUnitId() == null ? null : organisation.findUnit(in.bodyUnitId())
                .filter(u -> u.municipalityId() == municipalityId).orElse(null);
        OrgUnit admin = null;
        if (body == null) {
            p.add("bodyUnitId", "uppf.validering.organ");
        } else {
            access.require(Access.Action.MANAGE_ROUNDS, body.id());
            admin = administrationOf(body);
            p.check(admin != null, "bodyUnitId", "uppf.validering.forvaltning", body.name());
        }
        p.check(in.type() != null, "type", "validering.val");
        p.check(in.asOf() != null, "asOf", "validering.datum");
        p.check(in.opensOn() != null, "opensOn", "validering.datum");
        p.check(in.unitDeadline() != null, "unitDeadline", "validering.datum");
        p.check(in.departmentDeadline() != null, "departmentDeadline", "validering.datum");
        if (in.opensOn() != null && in.unitDeadline() != null) {
            p.check(!in.unitDeadline().isBefore(in.opensOn()), "unitDeadline", "uppf.validering.deadline.oppnar");
        }
        if (in.unitDeadline() != null && in.departmentDeadline() != null) {
            p.check(!in.departmentDeadline().isBefore(in.unitDeadline()), "departmentDeadline", "uppf.validering.deadline.ordning");
        }
        String name = blankToNull(in.name());
        if (name == null && in.type() != null && in.asOf() != null) {
            name = messages.text("roundType." + in.type()) + " " + in.asOf().getYear();
        }
        p.check(name == null || name.length() <= 200, "name", "validering.titel.lang", 200);
        p.throwIfAny();

        Long periodId = organisation.periods(municipalityId).stream().filter(pp -> pp.contains(in.asOf().getYear()))
                .map(PlanPeriod::id).findFirst().orElse(null);
        Map<OrgUnitType, LocalDate> deadlines = new LinkedHashMap<>();
        deadlines.put(OrgUnitType.ENHET, in.unitDeadline());
        deadlines.put(OrgUnitType.AVDELNING, in.departmentDeadline());
        Round draft = new Round(0, municipalityId, body.id(), admin.id(), periodId, in.type(), name, in.asOf(),
                in.opensOn(), null, RoundState.OPPEN, 1, 0, deadlines);
        long id = repository.insertRound(draft);
        Round round = repository.findRound(id).orElseThrow();
        for (Part part : Part.values()) {
            repository.setInstruction(id, part, messages.text("uppf.instruktion." + part));
        }
        Set<Long> reporting = reportingUnits(round);
        Map<Long, OrgUnit> units = unitsById(municipalityId);
        for (GoalObject o : candidates(round)) {
            repository.addObject(id, o.id());
            Part part = Part.of(o.kind());
            Set<Long> shareTo = reporting.stream().filter(u -> part == Part.MAL || part == Part.KVF
                    || units.get(u).type() == OrgUnitType.AVDELNING).collect(Collectors.toCollection(LinkedHashSet::new));
            repository.replaceShares(id, o.id(), shareTo);
        }
        syncTasks(round);
        audit.record(municipalityId, "followup_round", id, AuditLog.Action.SKAPAD, "Uppföljning: " + name, null, round);
        return round;
    }

    /** The administration under a committee that compiles its report: its first active förvaltning. */
    private OrgUnit administrationOf(OrgUnit body) {
        return organisation.units(body.municipalityId()).stream()
                .filter(u -> Objects.equals(u.parentId(), body.id()) && u.active() && u.type() == OrgUnitType.FORVALTNING)
                .findFirst().orElse(null);
    }

    /** The objects a new round reports on: the committee's goals, critical factors, control points due and assignments. */
    private List<GoalObject> candidates(Round round) {
        return reportable(round)
                .filter(o -> o.kind() == Kind.INTERNKONTROLLPUNKT ? round.type().followsUp(o.followUpOccasion())
                        : round.type().reportsGoals())
                .toList();
    }

    /** The committee's active objects of the round's period that a round can report on, in report order. */
    private java.util.stream.Stream<GoalObject> reportable(Round round) {
        Set<Long> owners = organisation.subtree(round.bodyUnitId());
        return goals.list(null).stream()
                .filter(o -> !o.retired() && owners.contains(o.ownerUnitId()) && Part.of(o.kind()) != null)
                .filter(o -> round.periodId() == null || o.periodId() == null || round.periodId().equals(o.periodId()))
                .sorted(objectOrder());
    }

    /** What can still be added to an open round: a control point not due, or an assignment given after it opened. */
    private List<GoalObject> addable(Round round) {
        if (round.isDecided()) {
            return List.of();
        }
        Set<Long> included = new java.util.HashSet<>(repository.objectIds(round.id()));
        return reportable(round).filter(o -> !included.contains(o.id())).toList();
    }

    static Comparator<GoalObject> objectOrder() {
        return Comparator.comparing((GoalObject o) -> Part.of(o.kind()))
                .thenComparing(o -> o.kind() == Kind.ARBETSMILJOMAL)
                .thenComparingInt(GoalObject::position).thenComparing(GoalObject::id);
    }

    /** The active departments and units under the round's administration: those that can be asked to report. */
    private Set<Long> reportingUnits(Round round) {
        Set<Long> below = organisation.subtree(round.adminUnitId());
        return organisation.units(round.municipalityId()).stream()
                .filter(u -> below.contains(u.id()) && u.id() != round.adminUnitId() && u.active()
                        && (u.type() == OrgUnitType.AVDELNING || u.type() == OrgUnitType.ENHET))
                .map(OrgUnit::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** One task per unit and part that has something shared to it; tasks left without objects go. */
    private void syncTasks(Round round) {
        Map<Long, GoalObject> objects = objectsOf(round);
        Set<String> needed = new LinkedHashSet<>();
        for (FollowupRepository.Share s : repository.shares(round.id())) {
            GoalObject o = objects.get(s.objectId());
            if (o != null) {
                needed.add(s.unitId() + ":" + Part.of(o.kind()));
            }
        }
        Set<String> existing = new java.util.HashSet<>();
        for (Task t : repository.tasks(round.id())) {
            String key = t.unitId() + ":" + t.part();
            if (needed.contains(key)) {
                existing.add(key);
            } else {
                repository.deleteTask(t.id());
            }
        }
        for (String key : needed) {
            if (!existing.contains(key)) {
                String[] parts = key.split(":");
                repository.insertTask(round.id(), Long.parseLong(parts[0]), Part.valueOf(parts[1]));
            }
        }
    }

    // ---- reading

    public Round round(long id) {
        return repository.findRound(id).filter(r -> r.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Uppföljningen", id));
    }

    public List<FollowupViews.RoundSummary> rounds() {
        long municipalityId = access.municipalityId();
        Map<Long, OrgUnit> units = unitsById(municipalityId);
        return repository.rounds(municipalityId).stream()
                .map(r -> new FollowupViews.RoundSummary(r, units.get(r.bodyUnitId()), units.get(r.adminUnitId()),
                        progress(taskViews(r, repository.tasks(r.id()), units))))
                .toList();
    }

    Map<Long, GoalObject> objectsOf(Round round) {
        Set<Long> ids = new java.util.HashSet<>(repository.objectIds(round.id()));
        return goals.list(null).stream().filter(o -> ids.contains(o.id())).sorted(objectOrder())
                .collect(Collectors.toMap(GoalObject::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The active key figures of the municipality by the object they follow up: what units report outcomes for. */
    Map<Long, List<GoalObject>> figuresByParent() {
        return goals.list(Kind.NYCKELTAL).stream().filter(k -> !k.retired() && k.parentId() != null)
                .sorted(Comparator.comparingInt(GoalObject::position).thenComparing(GoalObject::id))
                .collect(Collectors.groupingBy(GoalObject::parentId));
    }

    List<GoalObject> figuresOf(GoalObject object) {
        return figuresByParent().getOrDefault(object.id(), List.of());
    }

    private Map<Long, OrgUnit> unitsById(long municipalityId) {
        return organisation.units(municipalityId).stream()
                .collect(Collectors.toMap(OrgUnit::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    String taskTitle(Round round, Part part, OrgUnit unit) {
        return messages.text("uppf.uppgift.titel", messages.text("part." + part),
                messages.text("roundType." + round.type()).toLowerCase(java.util.Locale.ROOT), unit.name());
    }

    private List<TaskView> taskViews(Round round, List<Task> tasks, Map<Long, OrgUnit> units) {
        return tasks.stream().map(t -> taskView(round, t, units.get(t.unitId()))).toList();
    }

    TaskView taskView(Round round, Task t, OrgUnit unit) {
        LocalDate due = round.deadlineFor(unit.type());
        boolean overdue = !round.isDecided() && !t.state().isDone() && due != null && today().isAfter(due);
        return new TaskView(t, round, unit, taskTitle(round, t.part(), unit), due, overdue);
    }

    static FollowupViews.Progress progress(List<TaskView> tasks) {
        Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
        tasks.forEach(t -> byState.merge(t.task().state(), 1, Integer::sum));
        return new FollowupViews.Progress(tasks.size(), byState, (int) tasks.stream().filter(TaskView::overdue).count());
    }

    @Transactional(readOnly = true)
    public FollowupViews.Overview overview(long roundId) {
        Round round = round(roundId);
        Map<Long, OrgUnit> units = unitsById(round.municipalityId());
        Map<Long, Integer> depths = organisation.depths(round.municipalityId());
        List<TaskView> views = taskViews(round, repository.tasks(roundId), units);
        Map<Long, Map<Part, TaskView>> byUnit = new LinkedHashMap<>();
        for (OrgUnit u : units.values()) {
            views.stream().filter(v -> v.unit().id() == u.id())
                    .forEach(v -> byUnit.computeIfAbsent(u.id(), k -> new EnumMap<>(Part.class)).put(v.task().part(), v));
        }
        int adminDepth = depths.get(round.adminUnitId());
        List<FollowupViews.UnitRow> rows = byUnit.entrySet().stream()
                .map(e -> new FollowupViews.UnitRow(units.get(e.getKey()), depths.get(e.getKey()) - adminDepth - 1, e.getValue()))
                .toList();
        List<FollowupRepository.Share> shares = repository.shares(roundId);
        List<FollowupViews.SharedObject> objects = objectsOf(round).values().stream()
                .map(o -> new FollowupViews.SharedObject(o, Part.of(o.kind()),
                        (int) shares.stream().filter(s -> s.objectId() == o.id()).count()))
                .toList();
        return new FollowupViews.Overview(round, units.get(round.bodyUnitId()), units.get(round.adminUnitId()),
                progress(views), rows, objects, addable(round), repository.versions(roundId), missingOutcomes(round).size());
    }

    /** (key figure, unit) pairs of the round that still lack an outcome. */
    List<Map.Entry<GoalObject, OrgUnit>> missingOutcomes(Round round) {
        Map<Long, OrgUnit> units = unitsById(round.municipalityId());
        Map<String, Outcome> outcomes = repository.outcomes(round.id()).stream()
                .collect(Collectors.toMap(o -> o.objectId() + ":" + o.unitId(), Function.identity()));
        List<FollowupRepository.Share> shares = repository.shares(round.id());
        Map<Long, List<GoalObject>> figuresByParent = figuresByParent();
        List<Map.Entry<GoalObject, OrgUnit>> missing = new ArrayList<>();
        for (GoalObject o : objectsOf(round).values()) {
            List<GoalObject> figures = figuresByParent.getOrDefault(o.id(), List.of());
            for (FollowupRepository.Share s : shares) {
                if (s.objectId() != o.id()) {
                    continue;
                }
                for (GoalObject f : figures) {
                    Outcome out = outcomes.get(f.id() + ":" + s.unitId());
                    if (out == null || out.outcome() == null) {
                        missing.add(Map.entry(f, units.get(s.unitId())));
                    }
                }
            }
        }
        return missing;
    }

    /** A key figure's line for one unit: the unit's outcome against its target, with signal and trend. */
    FigureLine figureLine(Round round, GoalObject figure, Outcome outcome, List<MeasureValue> values) {
        BigDecimal tolerance = figure.nearTargetTolerance() != null ? figure.nearTargetTolerance()
                : organisation.municipality(round.municipalityId()).nearTargetTolerance();
        Integer firstYear = round.periodId() == null ? null
                : organisation.findPeriod(round.periodId()).map(PlanPeriod::firstYear).orElse(null);
        BigDecimal target = outcome != null && outcome.target() != null ? outcome.target() : targetFor(values, round.year());
        BigDecimal value = outcome == null ? null : outcome.outcome();
        Signal signal = Assessment.evaluate(figure.direction(), round.year(), value, round.year(), target,
                Assessment.baseline(values, firstYear), tolerance).signal();
        Trend trend = Assessment.trend(java.util.Arrays.asList(
                new MeasureValue(round.year() - 1, outcome == null ? null : outcome.previousOutcome(), null),
                new MeasureValue(round.year(), value, null)));
        boolean signalOverridden = outcome != null && outcome.signalOverride() != null;
        boolean trendOverridden = outcome != null && outcome.trendOverride() != null;
        return new FigureLine(figure, outcome, target, signalOverridden ? outcome.signalOverride() : signal,
                trendOverridden ? outcome.trendOverride() : trend, signalOverridden, trendOverridden);
    }

    /** The key figure's target for the year, or the nearest later one. */
    static BigDecimal targetFor(List<MeasureValue> values, int year) {
        return values.stream().filter(v -> v.target() != null && v.year() >= year)
                .min(Comparator.comparingInt(MeasureValue::year)).map(MeasureValue::target).orElse(null);
    }

    @Transactional(readOnly = true)
    public FollowupViews.TaskPage task(long taskId) {
        Task task = findTask(taskId);
        Round round = round(task.roundId());
        Map<Long, OrgUnit> units = unitsById(round.municipalityId());
        OrgUnit unit = units.get(task.unitId());
        Map<Long, GoalObject> objects = objectsOf(round);
        Map<String, Report> reports = reportsByKey(round.id());
        List<FollowupViews.ObjectLine> lines = new ArrayList<>();
        for (FollowupRepository.Share s : repository.shares(round.id())) {
            GoalObject o = objects.get(s.objectId());
            if (s.unitId() == unit.id() && o != null && Part.of(o.kind()) == task.part()) {
                Report r = reports.getOrDefault(o.id() + ":" + unit.id(), Report.empty(round.id(), o.id(), unit.id()));
                lines.add(new FollowupViews.ObjectLine(o, r, isComplete(o, r)));
            }
        }
        lines.sort(Comparator.comparing(FollowupViews.ObjectLine::object, objectOrder()));
        Set<Long> below = organisation.subtree(unit.id());
        List<TaskView> belowTasks = repository.tasks(round.id()).stream()
                .filter(t -> t.part() == task.part() && t.unitId() != unit.id() && below.contains(t.unitId()))
                .map(t -> taskView(round, t, units.get(t.unitId()))).toList();
        return new FollowupViews.TaskPage(taskView(round, task, unit), lines, belowTasks,
                !round.isDecided() && task.state().isOpen() && access.may(Access.Action.REPORT, unit.id()),
                !round.isDecided() && access.may(Access.Action.APPROVE, unit.id()));
    }

    private Task findTask(long taskId) {
        Task task = repository.findTask(taskId).orElseThrow(() -> new NotFoundException("Uppgiften", taskId));
        round(task.roundId());
        return task;
    }

    private Map<String, Report> reportsByKey(long roundId) {
        return repository.reports(roundId).stream()
                .collect(Collectors.toMap(r -> r.objectId() + ":" + r.unitId(), Function.identity()));
    }

    /** What a unit must have written on an object before its task can be marked done. */
    static boolean isComplete(GoalObject o, Report r) {
        if (!r.exists()) {
            return false;
        }
        return switch (Part.of(o.kind())) {
            case IK -> r.assessment() != null && r.result() != null;
            case UPPDRAG -> r.analysis() != null && r.status() != null;
            default -> r.analysis() != null;
        };
    }

    @Transactional(readOnly = true)
    public FollowupViews.ObjectPage objectPage(long roundId, long unitId, long objectId) {
        Round round = round(roundId);
        Map<Long, OrgUnit> units = unitsById(round.municipalityId());
        OrgUnit unit = units.get(unitId);
        GoalObject object = objectsOf(round).get(objectId);
        if (unit == null || object == null) {
            throw new NotFoundException("Objektet i uppföljningen", objectId);
        }
        List<FollowupRepository.Share> shares = repository.shares(roundId).stream().filter(s -> s.objectId() == objectId).toList();
        boolean adminLevel = unitId == round.adminUnitId();
        if (!adminLevel && shares.stream().noneMatch(s -> s.unitId() == unitId)) {
            throw new NotFoundException("Objektet för enheten", objectId);
        }
        Part part = Part.of(object.kind());
        Task task = repository.tasks(roundId).stream().filter(t -> t.unitId() == unitId && t.part() == part).findFirst().orElse(null);
        Map<String, Report> reports = reportsByKey(roundId);
        Map<String, Outcome> outcomes = repository.outcomes(roundId).stream()
                .collect(Collectors.toMap(o -> o.objectId() + ":" + o.unitId(), Function.identity()));
        List<GoalObject> figures = figuresOf(object);
        Map<Long, List<MeasureValue>> values = figures.stream().collect(Collectors.toMap(GoalObject::id, f -> goals.values(f.id())));
        List<FigureLine> own = figures.stream().map(f -> adminLevel
                ? administrationLine(round, f, values.get(f.id()))
                : figureLine(round, f, outcomes.get(f.id() + ":" + unitId), values.get(f.id()))).toList();
        Map<Long, Integer> depths = organisation.depths(round.municipalityId());
        Set<Long> below = organisation.subtree(unitId);
        Map<Long, TaskState> states = repository.tasks(roundId).stream().filter(t -> t.part() == part)
                .collect(Collectors.toMap(Task::unitId, Task::state));
        List<FollowupViews.UnderlagRow> underlag = units.values().stream()
                .filter(u -> u.id() != unitId && below.contains(u.id()) && shares.stream().anyMatch(s -> s.unitId() == u.id()))
                .map(u -> new FollowupViews.UnderlagRow(u, depths.get(u.id()) - depths.get(unitId) - 1, states.get(u.id()),
                        reports.getOrDefault(objectId + ":" + u.id(), Report.empty(roundId, objectId, u.id())),
                        figures.stream().map(f -> figureLine(round, f, outcomes.get(f.id() + ":" + u.id()), values.get(f.id()))).toList()))
                .toList();
        boolean editable = !round.isDecided() && access.may(Access.Action.REPORT, unitId)
                && (adminLevel || (task != null && task.state().isOpen()));
        return new FollowupViews.ObjectPage(round, unit, object, part, task == null ? null : taskView(round, task, unit),
                reports.getOrDefault(objectId + ":" + unitId, Report.empty(roundId, objectId, unitId)), own,
                repository.instructions(roundId).get(part), underlag, adminLevel, editable);
    }

    /** At the administration level a key figure is the committee's own series in the goal chain. */
    FigureLine administrationLine(Round round, GoalObject figure, List<MeasureValue> values) {
        BigDecimal outcome = values.stream().filter(v -> v.year() == round.year()).map(MeasureValue::outcome)
                .filter(Objects::nonNull).findFirst().orElse(null);
        BigDecimal previous = values.stream().filter(v -> v.year() < round.year() && v.outcome() != null)
                .max(Comparator.comparingInt(MeasureValue::year)).map(MeasureValue::outcome).orElse(null);
        Outcome asOutcome = new Outcome(null, round.id(), figure.id(), round.adminUnitId(), outcome, null, previous,
                null, null, null, 0);
        return figureLine(round, figure, asOutcome, values);
    }

    /** One person's part of the open rounds: the tasks they report, those waiting for their approval, and notices. */
    private record Work(List<TaskView> toReport, List<TaskView> toApprove, List<FollowupViews.Notice> notices) {
    }

    private Work workOf(CurrentUser person, Map<Long, OrgUnit> units) {
        Set<Long> reportUnits = new LinkedHashSet<>();
        for (CurrentUser.RoleScope scope : person.roles()) {
            if (scope.role() == Role.REPORTER && scope.unitId() != null) {
                reportUnits.add(scope.unitId());
            }
        }
        // A reporter approves the units directly below their own.
        Set<Long> interesting = new LinkedHashSet<>(reportUnits);
        units.values().stream().filter(u -> reportUnits.contains(u.parentId())).forEach(u -> interesting.add(u.id()));
        Map<Long, Round> rounds = new HashMap<>();
        Work work = new Work(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        LocalDate today = today();
        for (Task t : repository.openTasksOf(person.municipalityId(), interesting)) {
            Round round = rounds.computeIfAbsent(t.roundId(), id -> repository.findRound(id).orElseThrow());
            if (today.isBefore(round.opensOn())) {
                continue;
            }
            TaskView view = taskView(round, t, units.get(t.unitId()));
            if (reportUnits.contains(t.unitId())) {
                work.toReport().add(view);
                if (t.state() == TaskState.ATERSAND) {
                    work.notices().add(new FollowupViews.Notice("aterskickad",
                            messages.text("start.notis.atersand", view.title(), t.comment()), "/uppfoljning/uppgift/" + t.id()));
                }
                if (view.overdue()) {
                    work.notices().add(new FollowupViews.Notice("forsenad",
                            messages.text("start.notis.forsenad", view.title(), view.dueOn()), "/uppfoljning/uppgift/" + t.id()));
                }
            } else if (t.state() == TaskState.KLARMARKERAD) {
                work.toApprove().add(view);
            }
        }
        for (Round round : rounds.values()) {
            Map<OrgUnit, List<String>> missingByUnit = new LinkedHashMap<>();
            for (Map.Entry<GoalObject, OrgUnit> m : missingOutcomes(round)) {
                if (reportUnits.contains(m.getValue().id())) {
                    missingByUnit.computeIfAbsent(m.getValue(), u -> new ArrayList<>()).add(m.getKey().title());
                }
            }
            // A department may lack dozens: name a few, count the rest.
            missingByUnit.forEach((unit, titles) -> work.notices().add(new FollowupViews.Notice("utfall",
                    messages.text("start.notis.utfall", titles.size(), unit.name(), round.name(),
                            String.join("; ", titles.subList(0, Math.min(3, titles.size()))),
                            titles.size() > 3 ? messages.text("start.notis.fler", titles.size() - 3) : ""), null)));
        }
        return work;
    }

    @Transactional(readOnly = true)
    public FollowupViews.StartPage start() {
        CurrentUser user = access.current();
        Map<Long, OrgUnit> units = unitsById(user.municipalityId());
        Work own = workOf(user, units);
        List<TaskView> toApprove = own.toApprove();
        List<FollowupViews.Notice> notices = own.notices();
        List<FollowupViews.RoundSummary> managed = rounds().stream()
                .filter(r -> r.round().state() == RoundState.OPPEN && access.may(Access.Action.MANAGE_ROUNDS, r.round().bodyUnitId()))
                .toList();
        for (FollowupViews.RoundSummary r : managed) {
            int missing = missingOutcomes(r.round()).size();
            if (missing > 0) {
                notices.add(new FollowupViews.Notice("utfall", messages.text("start.notis.utfallController", missing,
                        r.round().name(), r.body().name()), "/uppfoljning/" + r.round().id() + "/utfall"));
            }
            if (r.progress().overdue() > 0) {
                notices.add(new FollowupViews.Notice("forsenad", messages.text("start.notis.forsenadeController",
                        r.progress().overdue(), r.round().name(), r.body().name()), "/uppfoljning/" + r.round().id()));
            }
            // Departments report to the administration, whose approvers are the controllers and administrators.
            repository.tasks(r.round().id()).stream()
                    .filter(t -> t.state() == TaskState.KLARMARKERAD
                            && Objects.equals(units.get(t.unitId()).parentId(), r.round().adminUnitId())
                            && own.toReport().stream().noneMatch(v -> v.task().id() == t.id()))
                    .map(t -> taskView(r.round(), t, units.get(t.unitId())))
                    .filter(v -> toApprove.stream().noneMatch(a -> a.task().id() == v.task().id()))
                    .forEach(toApprove::add);
        }
        List<FollowupViews.SubstituteWork> asSubstitute = access.standingInFor().stream()
                .map(s -> {
                    Work w = workOf(access.person(s.username()), units);
                    return new FollowupViews.SubstituteWork(s, w.toReport(), w.toApprove());
                })
                .toList();
        return new FollowupViews.StartPage(own.toReport(), toApprove, notices, managed, asSubstitute);
    }

    @Transactional(readOnly = true)
    public FollowupViews.OutcomesPage outcomes(long roundId, Long figureId) {
        Round round = round(roundId);
        Map<Long, OrgUnit> units = unitsById(round.municipalityId());
        Map<Long, Integer> depths = organisation.depths(round.municipalityId());
        int adminDepth = depths.get(round.adminUnitId());
        Map<Long, GoalObject> objects = objectsOf(round);
        Map<Long, List<GoalObject>> figuresByParent = figuresByParent();
        List<GoalObject> figures = objects.values().stream()
                .flatMap(o -> figuresByParent.getOrDefault(o.id(), List.of()).stream()).toList();
        Map<Long, Integer> missing = new LinkedHashMap<>();
        missingOutcomes(round).forEach(m -> missing.merge(m.getKey().id(), 1, Integer::sum));
        GoalObject selected = figureId == null ? null : figures.stream().filter(f -> f.id().equals(figureId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Nyckeltalet i uppföljningen", figureId));
        List<FollowupViews.OutcomeRow> rows = List.of();
        if (selected != null) {
            List<MeasureValue> values = goals.values(selected.id());
            Map<Long, Outcome> byUnit = repository.outcomes(roundId).stream().filter(o -> o.objectId() == selected.id())
                    .collect(Collectors.toMap(Outcome::unitId, Function.identity()));
            Set<Long> sharedTo = repository.shares(roundId).stream().filter(s -> s.objectId() == selected.parentId())
                    .map(FollowupRepository.Share::unitId).collect(Collectors.toSet());
            rows = units.values().stream().filter(u -> sharedTo.contains(u.id()))
                    .map(u -> new FollowupViews.OutcomeRow(u, depths.get(u.id()) - adminDepth - 1,
                            figureLine(round, selected, byUnit.getOrDefault(u.id(), Outcome.empty(roundId, selected.id(), u.id())), values)))
                    .toList();
        }
        return new FollowupViews.OutcomesPage(round, figures, missing, selected, rows);
    }

    @Transactional(readOnly = true)
    public FollowupViews.SharingPage sharing(long roundId, long objectId) {
        Round round = round(roundId);
        GoalObject object = goals.get(objectId);
        Map<Long, Integer> depths = organisation.depths(round.municipalityId());
        int adminDepth = depths.get(round.adminUnitId());
        Set<Long> allowed = reportingUnits(round);
        List<FollowupViews.OutcomeUnit> units = organisation.units(round.municipalityId()).stream()
                .filter(u -> allowed.contains(u.id()))
                .map(u -> new FollowupViews.OutcomeUnit(u, depths.get(u.id()) - adminDepth - 1)).toList();
        Set<Long> sharedTo = repository.shares(roundId).stream().filter(s -> s.objectId() == objectId)
                .map(FollowupRepository.Share::unitId).collect(Collectors.toCollection(LinkedHashSet::new));
        return new FollowupViews.SharingPage(object, Part.of(object.kind()), repository.objectIds(roundId).contains(objectId),
                units, sharedTo);
    }

    // ---- writing

    public boolean mayManage(Round round) {
        return access.may(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
    }

    private static void requireOpen(Round round) {
        Problems.when(round.isDecided(), "round", "uppf.validering.beslutad");
    }

    /** Shares an object down to exactly these units; not included, it leaves the round. */
    @Transactional
    public void share(long roundId, long objectId, boolean included, Set<Long> unitIds, int roundVersion) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        requireOpen(round);
        GoalObject object = goals.get(objectId);
        Problems p = new Problems();
        p.check(Part.of(object.kind()) != null && !object.retired()
                && organisation.subtree(round.bodyUnitId()).contains(object.ownerUnitId()), "objectId", "uppf.validering.objekt");
        p.throwIfAny();
        Set<Long> allowed = reportingUnits(round);
        Set<Long> wanted = included ? new LinkedHashSet<>(unitIds) : Set.of();
        Map<Long, OrgUnit> units = unitsById(round.municipalityId());
        for (Long u : wanted) {
            p.check(allowed.contains(u), "units", "uppf.validering.enhet", units.containsKey(u) ? units.get(u).name() : u);
        }
        Set<Long> before = repository.shares(roundId).stream().filter(s -> s.objectId() == objectId)
                .map(FollowupRepository.Share::unitId).collect(Collectors.toCollection(LinkedHashSet::new));
        boolean wasIncluded = repository.objectIds(roundId).contains(objectId);
        for (Report r : repository.reports(roundId)) {
            if (r.objectId() == objectId && !wanted.contains(r.unitId()) && r.unitId() != round.adminUnitId()) {
                p.add("units", "uppf.validering.harRapport", units.get(r.unitId()).name());
            }
            if (r.objectId() == objectId && !included && r.unitId() == round.adminUnitId()) {
                p.add("included", "uppf.validering.harRapport", units.get(r.unitId()).name());
            }
        }
        p.throwIfAny();
        repository.updateRound(round.id(), roundVersion, round.summary(), round.state(), round.reportVersion());
        if (included && !wasIncluded) {
            repository.addObject(roundId, objectId);
        }
        repository.replaceShares(roundId, objectId, wanted);
        if (!included && wasIncluded) {
            repository.removeObject(roundId, objectId);
        }
        syncTasks(round);
        audit.record(round.municipalityId(), "followup_share", objectId, AuditLog.Action.ANDRAD,
                "Delning i " + round.name() + ": " + object.title(),
                Map.of("ingar", wasIncluded, "enheter", before), Map.of("ingar", included, "enheter", wanted));
    }

    /** The administration's opening text of the report and the round's instructions per part. */
    @Transactional
    public Round saveTexts(long roundId, int version, String summary, Map<Part, String> instructions) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        requireOpen(round);
        Problems p = new Problems();
        String text = blankToNull(summary);
        p.check(text == null || text.length() <= 20_000, "summary", "validering.text.lang", 20_000);
        instructions.forEach((part, t) -> p.check(t == null || t.strip().length() <= TEXT_MAX, "instructions[" + part + "]",
                "validering.text.lang", TEXT_MAX));
        p.throwIfAny();
        Map<Part, String> before = repository.instructions(roundId);
        repository.updateRound(roundId, version, text, round.state(), round.reportVersion());
        instructions.forEach((part, t) -> repository.setInstruction(roundId, part, t == null ? "" : t.strip()));
        Round after = repository.findRound(roundId).orElseThrow();
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD, "Texter: " + round.name(),
                Map.of("summary", String.valueOf(round.summary()), "instructions", before),
                Map.of("summary", String.valueOf(text), "instructions", repository.instructions(roundId)));
        return after;
    }

    /** A controller's entry of one unit's outcome for a key figure; overriding signal or trend needs a reason. */
    public record OutcomeInput(Long unitId, BigDecimal outcome, BigDecimal target, BigDecimal previousOutcome,
                               Signal signalOverride, Trend trendOverride, String reason, Integer version) {
    }

    @Transactional
    public void saveOutcomes(long roundId, long figureId, List<OutcomeInput> rows) {
        Round round = round(roundId);
        requireOpen(round);
        GoalObject figure = goals.get(figureId);
        Problems p = new Problems();
        p.check(figure.kind() == Kind.NYCKELTAL && figure.parentId() != null
                && repository.objectIds(roundId).contains(figure.parentId()), "figure", "uppf.validering.nyckeltal");
        p.throwIfAny();
        Set<Long> sharedTo = repository.shares(roundId).stream().filter(s -> s.objectId() == figure.parentId())
                .map(FollowupRepository.Share::unitId).collect(Collectors.toSet());
        Map<Long, Outcome> existing = repository.outcomes(roundId).stream().filter(o -> o.objectId() == figureId)
                .collect(Collectors.toMap(Outcome::unitId, Function.identity()));
        List<Outcome> toSave = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OutcomeInput in = rows.get(i);
            String field = "rows[" + i + "]";
            if (in.unitId() == null || !sharedTo.contains(in.unitId())) {
                p.add(field + ".unitId", "uppf.validering.enhet", in.unitId());
                continue;
            }
            access.require(Access.Action.MANAGE_ROUNDS, in.unitId());
            checkNumber(p, field + ".outcome", in.outcome());
            checkNumber(p, field + ".target", in.target());
            checkNumber(p, field + ".previousOutcome", in.previousOutcome());
            String reason = blankToNull(in.reason());
            boolean override = in.signalOverride() != null || in.trendOverride() != null;
            p.check(!override || reason != null, field + ".reason", "uppf.validering.orsak");
            p.check(reason == null || reason.length() <= SHORT_TEXT_MAX, field + ".reason", "validering.text.lang", SHORT_TEXT_MAX);
            Outcome current = existing.get(in.unitId());
            int version = in.version() == null ? 0 : in.version();
            toSave.add(new Outcome(current == null ? null : current.id(), roundId, figureId, in.unitId(), in.outcome(),
                    in.target(), in.previousOutcome(), in.signalOverride(), in.trendOverride(), override ? reason : null, version));
        }
        p.throwIfAny();
        for (Outcome o : toSave) {
            Outcome before = existing.get(o.unitId());
            if (before != null && sameValues(before, o) && before.version() == o.version()) {
                continue;
            }
            if (before == null && o.outcome() == null && o.target() == null && o.previousOutcome() == null
                    && o.signalOverride() == null && o.trendOverride() == null) {
                continue;
            }
            repository.saveOutcome(o);
            audit.record(round.municipalityId(), "followup_outcome", figureId, before == null ? AuditLog.Action.SKAPAD : AuditLog.Action.ANDRAD,
                    "Utfall " + round.name() + ": " + figure.title() + ", " + organisation.unit(o.unitId()).name(), before, o);
        }
    }

    private static boolean sameValues(Outcome a, Outcome b) {
        return eq(a.outcome(), b.outcome()) && eq(a.target(), b.target()) && eq(a.previousOutcome(), b.previousOutcome())
                && a.signalOverride() == b.signalOverride() && a.trendOverride() == b.trendOverride()
                && Objects.equals(a.overrideReason(), b.overrideReason());
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void checkNumber(Problems p, String field, BigDecimal n) {
        p.check(n == null || (n.abs().compareTo(NUMBER_LIMIT) < 0 && n.stripTrailingZeros().scale() <= 4), field, "validering.tal.storlek");
    }

    /** What a unit writes on one object. {@code assessment} is a GoalState or a ControlAssessment name, by object. */
    public record ReportInput(String analysis, String assessment, String result, String action, AssignmentStatus status,
                              String forecast) {
    }

    @Transactional
    public Report saveReport(long roundId, long unitId, long objectId, ReportInput in, int version) {
        Round round = round(roundId);
        requireOpen(round);
        GoalObject object = objectsOf(round).get(objectId);
        if (object == null) {
            throw new NotFoundException("Objektet i uppföljningen", objectId);
        }
        boolean adminLevel = unitId == round.adminUnitId();
        Part part = Part.of(object.kind());
        if (!adminLevel && repository.shares(roundId).stream().noneMatch(s -> s.objectId() == objectId && s.unitId() == unitId)) {
            throw new NotFoundException("Objektet för enheten", objectId);
        }
        access.require(Access.Action.REPORT, unitId);
        Task task = repository.tasks(roundId).stream().filter(t -> t.unitId() == unitId && t.part() == part).findFirst().orElse(null);
        Problems.when(!adminLevel && (task == null || !task.state().isOpen()), "task", "uppf.validering.klarmarkerad");
        Problems.when(!adminLevel && today().isBefore(round.opensOn()), "task", "uppf.validering.inteOppnad", round.opensOn());

        Problems p = new Problems();
        String analysis = text(p, "analysis", in.analysis(), TEXT_MAX);
        String result = part == Part.IK ? text(p, "result", in.result(), TEXT_MAX) : null;
        String action = part == Part.IK ? text(p, "action", in.action(), TEXT_MAX) : null;
        String forecast = part == Part.UPPDRAG ? text(p, "forecast", in.forecast(), SHORT_TEXT_MAX) : null;
        AssignmentStatus status = part == Part.UPPDRAG ? in.status() : null;
        String assessment = blankToNull(in.assessment());
        if (assessment != null) {
            boolean valid = switch (part) {
                case IK -> isOneOf(ControlAssessment.class, assessment);
                case MAL -> adminLevel && isOneOf(GoalState.class, assessment);
                case UPPDRAG -> adminLevel && isOneOf(GoalState.class, assessment) && !assessment.equals(GoalState.EJ_UTVARDERAD.name());
                case KVF -> false;
            };
            p.check(valid, "assessment", "validering.val");
        }
        p.throwIfAny();
        Report current = repository.findReport(roundId, objectId, unitId).orElse(null);
        Report after = new Report(current == null ? null : current.id(), roundId, objectId, unitId, analysis, assessment,
                result, action, status, forecast, null, null, version);
        repository.saveReport(after, actor());
        Report saved = repository.findReport(roundId, objectId, unitId).orElseThrow();
        audit.record(round.municipalityId(), "followup_report", saved.id(), current == null ? AuditLog.Action.SKAPAD : AuditLog.Action.ANDRAD,
                "Rapportering " + round.name() + ": " + object.title() + ", " + organisation.unit(unitId).name(),
                current == null ? null : reportFields(current), reportFields(saved));
        if (task != null && task.state() == TaskState.EJ_PABORJAD) {
            setTaskState(round, task, TaskState.PAGAR, task.comment(), false);
        }
        return saved;
    }

    private static Map<String, Object> reportFields(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analys", r.analysis());
        m.put("bedomning", r.assessment());
        m.put("resultat", r.result());
        m.put("atgard", r.action());
        m.put("status", r.status());
        m.put("prognos", r.forecast());
        return m;
    }

    @Transactional
    public Task markDone(long taskId, int version) {
        Task task = taskToAct(taskId, version, Access.Action.REPORT);
        Round round = round(task.roundId());
        Problems.when(!task.state().isOpen(), "task", "uppf.validering.redanKlar");
        Problems p = new Problems();
        FollowupViews.TaskPage page = task(taskId);
        page.objects().stream().filter(l -> !l.complete()).forEach(l -> p.add("objects", "uppf.validering.ofullstandig",
                l.object().title(), messages.text("uppf.kravs." + task.part())));
        p.throwIfAny();
        return setTaskState(round, task, TaskState.KLARMARKERAD, null, true);
    }

    @Transactional
    public Task approve(long taskId, int version) {
        Task task = taskToAct(taskId, version, Access.Action.APPROVE);
        Round round = round(task.roundId());
        Problems.when(task.state() != TaskState.KLARMARKERAD, "task", "uppf.validering.ejKlar");
        return setTaskState(round, task, TaskState.GODKAND, null, false);
    }

    /** Sends a task back to its reporter with a comment: a marked-done one for correction, or an approved one reopened. */
    @Transactional
    public Task sendBack(long taskId, int version, String comment) {
        Task task = taskToAct(taskId, version, Access.Action.APPROVE);
        Round round = round(task.roundId());
        Problems.when(!task.state().isDone(), "task", "uppf.validering.ejKlar");
        Problems p = new Problems();
        String text = text(p, "comment", comment, SHORT_TEXT_MAX);
        p.check(text != null, "comment", "uppf.validering.kommentar");
        p.throwIfAny();
        return setTaskState(round, task, TaskState.ATERSAND, text, false);
    }

    /** A task someone may act on: the round still open, the person allowed, and the task as they read it. */
    private Task taskToAct(long taskId, int version, Access.Action action) {
        Task task = findTask(taskId);
        requireOpen(round(task.roundId()));
        access.require(action, task.unitId());
        if (task.version() != version) {
            throw new se.styr.platform.ConflictException("followup_task", task.id());
        }
        return task;
    }

    private Task setTaskState(Round round, Task task, TaskState state, String comment, boolean done) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Task after = new Task(task.id(), task.roundId(), task.unitId(), task.part(), state, comment,
                done ? now : state == TaskState.ATERSAND ? null : task.doneAt(), done ? actor() : state == TaskState.ATERSAND ? null : task.doneBy(),
                state == TaskState.GODKAND ? now : null, state == TaskState.GODKAND ? actor() : null, task.version());
        repository.updateTask(after);
        Task saved = repository.findTask(task.id()).orElseThrow();
        audit.record(round.municipalityId(), "followup_task", task.id(), AuditLog.Action.ANDRAD,
                messages.text("taskState." + state) + ": " + taskTitle(round, task.part(), organisation.unit(task.unitId())),
                task, saved);
        return saved;
    }

    /** The committee has decided the report: the round is frozen and this version is kept exactly as decided. */
    @Transactional
    public Round decide(long roundId, int version, LocalDate decidedOn, String decisionRef, String note,
                        Function<Round, String> render) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        requireOpen(round);
        Problems p = new Problems();
        p.check(decidedOn != null, "decidedOn", "validering.datum");
        p.check(decidedOn == null || !decidedOn.isBefore(round.asOf()), "decidedOn", "uppf.validering.beslutsdatum");
        String ref = text(p, "decisionRef", decisionRef, 200);
        p.check(ref != null, "decisionRef", "uppf.validering.paragraf");
        String why = text(p, "note", note, SHORT_TEXT_MAX);
        p.check(round.reportVersion() == 1 || why != null, "note", "uppf.validering.rattelse");
        p.throwIfAny();
        repository.updateRound(roundId, version, round.summary(), RoundState.BESLUTAD, round.reportVersion());
        Round decided = repository.findRound(roundId).orElseThrow();
        String html = render.apply(decided);
        repository.insertVersion(roundId, decided.reportVersion(), decidedOn, ref, why, html, actor());
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD,
                "Beslutad version " + decided.reportVersion() + ": " + round.name() + " (" + ref + ")", round, decided);
        return decided;
    }

    /** Opens a decided round for a correction; the decided versions stay as they were, the next one gets a new number. */
    @Transactional
    public Round reopen(long roundId, int version, String reason) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Problems.when(!round.isDecided(), "round", "uppf.validering.inteBeslutad");
        Problems p = new Problems();
        String why = text(p, "reason", reason, SHORT_TEXT_MAX);
        p.check(why != null, "reason", "uppf.validering.rattelse");
        p.throwIfAny();
        repository.updateRound(roundId, version, round.summary(), RoundState.OPPEN, round.reportVersion() + 1);
        Round reopened = repository.findRound(roundId).orElseThrow();
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD,
                "Öppnad för rättelse (version " + reopened.reportVersion() + "): " + why, round, reopened);
        return reopened;
    }

    public List<ReportVersion> versions(long roundId) {
        return repository.versions(round(roundId).id());
    }

    public String versionHtml(long roundId, int number) {
        return repository.versionHtml(round(roundId).id(), number)
                .orElseThrow(() -> new NotFoundException("Version", number));
    }

    // ---- helpers

    Map<String, Report> reports(Round round) {
        return reportsByKey(round.id());
    }

    Map<Part, String> instructions(Round round) {
        return repository.instructions(round.id());
    }

    private static <E extends Enum<E>> boolean isOneOf(Class<E> type, String value) {
        return java.util.Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
    }

    private static String text(Problems p, String field, String value, int max) {
        String s = blankToNull(value);
        p.check(s == null || s.length() <= max, field, "validering.text.lang", max);
        return s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
