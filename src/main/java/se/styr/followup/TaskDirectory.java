package se.styr.followup;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;

/**
 * Tasks as other modules (the notices) read them, without a signed-in person: what a task is called, its round, its
 * unit's deadline and where it stands, for many tasks in a bounded number of queries; and the open tasks whose
 * deadline falls in a window, for reminders.
 */
@Service
public class TaskDirectory {

    /** One task as a notice tells of it. {@code dueOn} is the deadline of the task's level, null when it has none. */
    public record TaskFacts(long taskId, long municipalityId, long roundId, String roundName, long unitId, String title,
                            TaskState state, boolean roundDecided, LocalDate opensOn, LocalDate dueOn) {

        /** The unit still has work to do on it: the round is open and the task neither done nor approved. */
        public boolean awaitsReport() {
            return !roundDecided && state.isOpen();
        }

        /** The page of the task, relative to Styr's address. */
        public String path() {
            return link(taskId);
        }
    }

    /** A task not done whose deadline is {@code dueOn}. */
    public record DueTask(long taskId, long municipalityId, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final FollowupRepository repository;
    private final Rounds rounds;
    private final UnitTree tree;

    TaskDirectory(JdbcClient jdbc, FollowupRepository repository, Rounds rounds, UnitTree tree) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.rounds = rounds;
        this.tree = tree;
    }

    public static String link(long taskId) {
        return "/uppfoljning/uppgift/" + taskId;
    }

    /** The tasks that still exist among these, by id: four queries however many. */
    public Map<Long, TaskFacts> facts(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        List<Task> tasks = jdbc.sql("select " + FollowupRepository.TASK_COLUMNS + " from followup_task where id in (:ids)")
                .param("ids", Set.copyOf(taskIds)).query(FollowupRepository::mapTask).list();
        Map<Long, Round> byId = repository.rounds(tasks.stream().map(Task::roundId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Round::id, Function.identity()));
        Map<Long, OrgUnit> units = tree.byIds(tasks.stream().map(Task::unitId).collect(Collectors.toSet()));
        Map<Long, TaskFacts> result = new HashMap<>();
        for (Task t : tasks) {
            Round round = byId.get(t.roundId());
            OrgUnit unit = units.get(t.unitId());
            result.put(t.id(), new TaskFacts(t.id(), round.municipalityId(), round.id(), round.name(), unit.id(),
                    rounds.taskTitle(round, t.part(), unit), t.state(), round.isDecided(), round.opensOn(),
                    round.deadlineFor(unit.type())));
        }
        return result;
    }

    /**
     * The tasks of open rounds that have opened by {@code today}, are not done, and whose level's deadline is between
     * {@code from} and {@code to} (both included). One query.
     */
    public List<DueTask> openTasksDueBetween(LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                        select t.id, r.municipality_id, d.due_on
                          from followup_task t
                          join followup_round r on r.id = t.round_id
                          join org_unit u on u.id = t.unit_id
                          join followup_deadline d on d.round_id = r.id and d.level = u.type
                         where r.state = 'OPPEN' and r.opens_on <= :today
                           and t.state in ('EJ_PABORJAD', 'PAGAR', 'ATERSAND')
                           and d.due_on between :from and :to
                         order by t.id""")
                .param("today", today).param("from", from).param("to", to)
                .query((rs, n) -> new DueTask(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class))).list();
    }
}
