package se.styr.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.CurrentUser;
import se.styr.accounts.Role;
import se.styr.followup.FollowupViews.TaskView;
import se.styr.goals.GoalObject;
import se.styr.platform.Paging;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;
import se.styr.platform.Messages;

/**
 * The read models of a person's work: the list of rounds with their progress, and the start page with the tasks to
 * report and approve and what needs attention. Progress and missing outcomes are counted in SQL.
 */
@Service
class WorkPages {

    /** The open rounds a manager's start page lists; the rest are a link away. */
    static final int START_ROUNDS = 10;

    private final FollowupRepository repository;
    private final RoundQueries queries;
    private final Rounds rounds;
    private final MissingOutcomes missing;
    private final UnitTree tree;
    private final Access access;
    private final Messages messages;

    WorkPages(FollowupRepository repository, RoundQueries queries, Rounds rounds, MissingOutcomes missing, UnitTree tree,
              Access access, Messages messages) {
        this.repository = repository;
        this.queries = queries;
        this.rounds = rounds;
        this.missing = missing;
        this.tree = tree;
        this.access = access;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    /** One page of the municipality's rounds, newest first, filtered; counted and read in SQL. */
    Paging.Page<FollowupViews.RoundSummary> rounds(RoundFilter filter, Paging paging) {
        long municipalityId = access.municipalityId();
        long total = repository.countRounds(municipalityId, filter);
        return paging.of(total, total == 0 ? List.of()
                : summaries(repository.roundsPage(municipalityId, filter, paging)));
    }

    private List<FollowupViews.RoundSummary> summaries(List<Round> list) {
        Set<Long> unitIds = new HashSet<>();
        list.forEach(r -> {
            unitIds.add(r.bodyUnitId());
            unitIds.add(r.adminUnitId());
        });
        Map<Long, OrgUnit> units = tree.byIds(unitIds);
        Map<Long, List<RoundQueries.TaskCount>> counts = queries.taskCounts(list.stream().map(Round::id).toList()).stream()
                .collect(Collectors.groupingBy(RoundQueries.TaskCount::roundId));
        LocalDate today = rounds.today();
        return list.stream().map(r -> new FollowupViews.RoundSummary(r, units.get(r.bodyUnitId()), units.get(r.adminUnitId()),
                progress(r, counts.getOrDefault(r.id(), List.of()), today))).toList();
    }

    /** How far a round has come, counted in SQL. */
    FollowupViews.Progress progress(Round round) {
        return progress(round, queries.taskCounts(List.of(round.id())), rounds.today());
    }

    /** A round's progress from its task counts: late are the tasks not done whose level's deadline has passed. */
    static FollowupViews.Progress progress(Round round, List<RoundQueries.TaskCount> counts, LocalDate today) {
        Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
        int total = 0;
        int overdue = 0;
        for (RoundQueries.TaskCount c : counts) {
            byState.merge(c.state(), c.count(), Integer::sum);
            total += c.count();
            LocalDate due = round.deadlineFor(c.level());
            if (!round.isDecided() && !c.state().isDone() && due != null && today.isAfter(due)) {
                overdue += c.count();
            }
        }
        return new FollowupViews.Progress(total, byState, overdue);
    }

    /**
     * One page of the current person's tasks in the open rounds: those of the units they report for, or ({@code approve})
     * those of the units directly below, marked done and waiting for their approval. Paged in SQL.
     */
    @Transactional(readOnly = true)
    Paging.Page<TaskView> myTasks(boolean approve, Long roundId, TaskState state, Paging paging) {
        CurrentUser person = access.current();
        Set<Long> reportUnits = new LinkedHashSet<>();
        for (CurrentUser.RoleScope scope : person.roles()) {
            if (scope.role() == Role.REPORTER && scope.unitId() != null) {
                reportUnits.add(scope.unitId());
            }
        }
        Set<Long> below = approve && !reportUnits.isEmpty()
                ? tree.children(reportUnits).stream().map(OrgUnit::id).collect(Collectors.toSet()) : Set.of();
        Paging.Page<Task> page = repository.openTasksOf(person.municipalityId(), approve ? Set.of() : reportUnits, below,
                rounds.today(), roundId, state, paging);
        Map<Long, Round> open = new HashMap<>();
        repository.rounds(page.items().stream().map(Task::roundId).collect(Collectors.toSet())).forEach(r -> open.put(r.id(), r));
        Map<Long, OrgUnit> units = tree.byIds(page.items().stream().map(Task::unitId).collect(Collectors.toSet()));
        return paging.of(page.total(), page.items().stream()
                .map(t -> rounds.taskView(open.get(t.roundId()), t, units.get(t.unitId()))).toList());
    }

    /** One person's part of the open rounds: the tasks they report, those waiting for their approval, and notices. */
    private record Work(List<TaskView> toReport, List<TaskView> toApprove, List<FollowupViews.Notice> notices) {
    }

    private Work workOf(CurrentUser person) {
        Set<Long> reportUnits = new LinkedHashSet<>();
        for (CurrentUser.RoleScope scope : person.roles()) {
            if (scope.role() == Role.REPORTER && scope.unitId() != null) {
                reportUnits.add(scope.unitId());
            }
        }
        Work work = new Work(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (reportUnits.isEmpty()) {
            return work;
        }
        // A reporter approves the units directly below their own.
        Map<Long, OrgUnit> units = new HashMap<>(tree.byIds(reportUnits));
        tree.children(reportUnits).forEach(u -> units.put(u.id(), u));
        List<Task> tasks = repository.openTasksOf(person.municipalityId(), units.keySet());
        Map<Long, Round> open = new LinkedHashMap<>();
        repository.rounds(tasks.stream().map(Task::roundId).collect(Collectors.toSet())).forEach(r -> open.put(r.id(), r));
        LocalDate today = rounds.today();
        for (Task t : tasks) {
            Round round = open.get(t.roundId());
            if (today.isBefore(round.opensOn())) {
                continue;
            }
            TaskView view = rounds.taskView(round, t, units.get(t.unitId()));
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
        Map<Long, Map<Long, List<GoalObject>>> owed = missing.perUnit(person.municipalityId(), open.keySet(), reportUnits);
        for (Round round : open.values()) {
            // A department may lack dozens: name a few, count the rest.
            owed.getOrDefault(round.id(), Map.of()).forEach((unitId, figures) -> {
                List<String> titles = figures.stream().map(GoalObject::title).toList();
                work.notices().add(new FollowupViews.Notice("utfall",
                        messages.text("start.notis.utfall", titles.size(), units.get(unitId).name(), round.name(),
                                String.join("; ", titles.subList(0, Math.min(3, titles.size()))),
                                titles.size() > 3 ? messages.text("start.notis.fler", titles.size() - 3) : ""), null));
            });
        }
        return work;
    }

    @Transactional(readOnly = true)
    public FollowupViews.StartPage start() {
        CurrentUser user = access.current();
        Work own = workOf(user);
        List<TaskView> toApprove = own.toApprove();
        List<FollowupViews.Notice> notices = own.notices();
        // The open rounds this person manages, newest first; an administrator of a big city manages hundreds, and
        // the start page shows the first of them with a link to the rest.
        RoundFilter managedFilter = RoundFilter.open(access.unitsWhere(Access.Action.MANAGE_ROUNDS));
        long managedCount = repository.countRounds(user.municipalityId(), managedFilter);
        List<Round> openRounds = managedCount == 0 ? List.of()
                : repository.roundsPage(user.municipalityId(), managedFilter, new Paging(1, START_ROUNDS));
        List<FollowupViews.RoundSummary> managed = summaries(openRounds);
        Map<Long, Map<Long, Integer>> missingByRound = missing.perFigure(openRounds);
        Set<Long> listed = new HashSet<>();
        own.toReport().forEach(v -> listed.add(v.task().id()));
        toApprove.forEach(v -> listed.add(v.task().id()));
        // Departments report to the administration, whose approvers are the controllers and administrators.
        List<Task> departments = queries.doneByDepartments(openRounds.stream().map(Round::id).toList()).stream()
                .filter(t -> !listed.contains(t.id())).toList();
        Map<Long, OrgUnit> departmentUnits = tree.byIds(departments.stream().map(Task::unitId).collect(Collectors.toSet()));
        for (FollowupViews.RoundSummary r : managed) {
            int count = missingByRound.getOrDefault(r.round().id(), Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            if (count > 0) {
                notices.add(new FollowupViews.Notice("utfall", messages.text("start.notis.utfallController", count,
                        r.round().name(), r.body().name()), "/uppfoljning/" + r.round().id() + "/utfall"));
            }
            if (r.progress().overdue() > 0) {
                notices.add(new FollowupViews.Notice("forsenad", messages.text("start.notis.forsenadeController",
                        r.progress().overdue(), r.round().name(), r.body().name()), "/uppfoljning/" + r.round().id()));
            }
            departments.stream().filter(t -> t.roundId() == r.round().id())
                    .forEach(t -> toApprove.add(rounds.taskView(r.round(), t, departmentUnits.get(t.unitId()))));
        }
        // A substitute approves neither their own unit's tasks nor those they marked done (Access and TaskWorkflow refuse them).
        Set<Long> ownUnits = user.roles().stream().filter(r -> r.role() == Role.REPORTER && r.unitId() != null)
                .map(CurrentUser.RoleScope::unitId).collect(Collectors.toSet());
        List<FollowupViews.SubstituteWork> asSubstitute = access.standingInFor().stream()
                .map(s -> {
                    Work w = workOf(access.person(s.username()));
                    return new FollowupViews.SubstituteWork(s, w.toReport(), w.toApprove().stream()
                            .filter(v -> !ownUnits.contains(v.task().unitId()) && !user.username().equalsIgnoreCase(v.task().doneBy()))
                            .toList());
                })
                .toList();
        return new FollowupViews.StartPage(own.toReport(), toApprove, notices, managed, managedCount, asSubstitute);
    }
}
