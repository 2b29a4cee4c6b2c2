package se.styr.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;

/**
 * The pages' reads of rounds: only the rows a page shows, and counts (progress, shares, outcomes entered) summed in
 * SQL, so that the number of queries and rows does not grow with the municipality.
 */
@Repository
class RoundQueries {

    /** How many of a round's tasks are in a state, for units of a level (their deadline depends on it). */
    record TaskCount(long roundId, TaskState state, OrgUnitType level, int count) {
    }

    record ShareCount(long roundId, long objectId, int count) {
    }

    record Share(long roundId, long objectId, long unitId) {
    }

    /** Outcomes entered for a key figure by units that have {@code sharedObjectId} shared to them. */
    record OutcomeCount(long roundId, long figureId, long sharedObjectId, int count) {
    }

    /** A round's tasks counted per branch (a root unit and the units below it), part, state and level of the unit. */
    record BranchCount(long branchId, Part part, TaskState state, OrgUnitType level, int count) {
    }

    /** A task with its unit, the branch it belongs to and the unit's depth below the branch's root. */
    record BranchTask(long branchId, int depth, OrgUnit unit, Task task) {
    }

    /**
     * The units below the roots, each with its root (branch), its depth and a path that sorts the units depth first:
     * parents before children, siblings by position.
     */
    private static final String BRANCHES = """
            with recursive sub (id, branch, depth, path) as (
              select u.id, u.id, 0, cast(lpad(cast(u.position as varchar(12)), 10, '0') || lpad(cast(u.id as varchar(20)), 19, '0') as varchar(4000))
              from org_unit u where u.id in (:roots)
              union all
              select c.id, sub.branch, sub.depth + 1,
                cast(sub.path || lpad(cast(c.position as varchar(12)), 10, '0') || lpad(cast(c.id as varchar(20)), 19, '0') as varchar(4000))
              from org_unit c join sub on c.parent_id = sub.id)
            """;

    private static final String BRANCH_TASK_COLUMNS = """
            sub.branch, sub.depth, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active,
            t.id, t.round_id, t.unit_id, t.part, t.state, t.comment, t.done_at, t.done_by, t.approved_at, t.approved_by, t.version""";

    private static final String TASKS = "select t." + FollowupRepository.TASK_COLUMNS.replace(", ", ", t.") + " from followup_task t ";

    private final JdbcClient jdbc;

    RoundQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaskCount> taskCounts(Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select t.round_id, t.state, u.type, count(*) from followup_task t join org_unit u on u.id = t.unit_id
                        where t.round_id in (:rounds) group by t.round_id, t.state, u.type""")
                .param("rounds", Set.copyOf(roundIds))
                .query((rs, n) -> new TaskCount(rs.getLong(1), TaskState.valueOf(rs.getString(2)),
                        OrgUnitType.valueOf(rs.getString(3)), rs.getInt(4)))
                .list();
    }

    /** The number of units each object of these rounds is shared to; with {@code unitIds}, counting only those. */
    List<ShareCount> shareCounts(Collection<Long> roundIds, Collection<Long> unitIds) {
        if (roundIds.isEmpty() || (unitIds != null && unitIds.isEmpty())) {
            return List.of();
        }
        return jdbc.sql("select round_id, object_id, count(*) from followup_share where round_id in (:rounds)"
                        + (unitIds == null ? "" : " and unit_id in (:units)") + " group by round_id, object_id")
                .param("rounds", Set.copyOf(roundIds)).param("units", unitIds == null ? List.of() : Set.copyOf(unitIds))
                .query((rs, n) -> new ShareCount(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list();
    }

    List<OutcomeCount> outcomeCounts(Collection<Long> roundIds, Collection<Long> figureIds, Collection<Long> unitIds) {
        if (roundIds.isEmpty() || figureIds.isEmpty() || (unitIds != null && unitIds.isEmpty())) {
            return List.of();
        }
        return jdbc.sql("""
                        select o.round_id, o.object_id, s.object_id, count(*) from followup_outcome o
                        join followup_share s on s.round_id = o.round_id and s.unit_id = o.unit_id
                        where o.round_id in (:rounds) and o.object_id in (:figures) and o.outcome is not null"""
                        + (unitIds == null ? "" : " and o.unit_id in (:units)") + " group by o.round_id, o.object_id, s.object_id")
                .param("rounds", Set.copyOf(roundIds)).param("figures", Set.copyOf(figureIds))
                .param("units", unitIds == null ? List.of() : Set.copyOf(unitIds))
                .query((rs, n) -> new OutcomeCount(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).list();
    }

    /** The shares of these rounds to these units. */
    List<Share> shares(Collection<Long> roundIds, Collection<Long> unitIds) {
        if (roundIds.isEmpty() || unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select round_id, object_id, unit_id from followup_share where round_id in (:rounds) and unit_id in (:units)")
                .param("rounds", Set.copyOf(roundIds)).param("units", Set.copyOf(unitIds))
                .query((rs, n) -> new Share(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    Set<Long> sharedTo(long roundId, long objectId) {
        return new LinkedHashSet<>(jdbc.sql("select unit_id from followup_share where round_id = ? and object_id = ? order by unit_id")
                .params(roundId, objectId).query(Long.class).list());
    }

    List<Long> objectsSharedTo(long roundId, long unitId) {
        return jdbc.sql("select object_id from followup_share where round_id = ? and unit_id = ?")
                .params(roundId, unitId).query(Long.class).list();
    }

    boolean isShared(long roundId, long objectId, long unitId) {
        return jdbc.sql("select count(*) from followup_share where round_id = ? and object_id = ? and unit_id = ?")
                .params(roundId, objectId, unitId).query(Integer.class).single() > 0;
    }

    boolean includes(long roundId, long objectId) {
        return jdbc.sql("select count(*) from followup_object where round_id = ? and object_id = ?")
                .params(roundId, objectId).query(Integer.class).single() > 0;
    }

    /** The outcomes entered in these rounds for these units. */
    List<Outcome> outcomesOfUnits(Collection<Long> roundIds, Collection<Long> unitIds) {
        if (roundIds.isEmpty() || unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + FollowupRepository.OUTCOME_COLUMNS
                        + " from followup_outcome where round_id in (:rounds) and unit_id in (:units) and outcome is not null")
                .param("rounds", Set.copyOf(roundIds)).param("units", Set.copyOf(unitIds))
                .query(FollowupRepository::mapOutcome).list();
    }

    /** A round's outcomes for these key figures, of these units (all units when null). */
    List<Outcome> outcomes(long roundId, Collection<Long> figureIds, Collection<Long> unitIds) {
        if (figureIds.isEmpty() || (unitIds != null && unitIds.isEmpty())) {
            return List.of();
        }
        return jdbc.sql("select " + FollowupRepository.OUTCOME_COLUMNS + " from followup_outcome where round_id = :round"
                        + " and object_id in (:figures)" + (unitIds == null ? "" : " and unit_id in (:units)"))
                .param("round", roundId).param("figures", Set.copyOf(figureIds))
                .param("units", unitIds == null ? List.of() : Set.copyOf(unitIds))
                .query(FollowupRepository::mapOutcome).list();
    }

    Optional<Task> task(long roundId, long unitId, Part part) {
        return jdbc.sql(TASKS + "where t.round_id = ? and t.unit_id = ? and t.part = ?").params(roundId, unitId, part.name())
                .query(FollowupRepository::mapTask).optional();
    }

    /** A round's tasks of a part for these units. */
    List<Task> tasks(long roundId, Part part, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TASKS + "where t.round_id = :round and t.part = :part and t.unit_id in (:units) order by t.id")
                .param("round", roundId).param("part", part.name()).param("units", Set.copyOf(unitIds))
                .query(FollowupRepository::mapTask).list();
    }

    /** Marked-done tasks of the departments directly under these rounds' administrations: theirs to approve. */
    List<Task> doneByDepartments(Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TASKS + """
                        join followup_round r on r.id = t.round_id join org_unit u on u.id = t.unit_id
                        where t.round_id in (:rounds) and t.state = 'KLARMARKERAD' and u.parent_id = r.admin_unit_id
                        order by t.id""")
                .param("rounds", Set.copyOf(roundIds)).query(FollowupRepository::mapTask).list();
    }

    /** One unit's reports in a round, by object. */
    Map<Long, Report> reportsOfUnit(long roundId, long unitId) {
        Map<Long, Report> byObject = new HashMap<>();
        jdbc.sql("select " + FollowupRepository.REPORT_COLUMNS + " from followup_report where round_id = ? and unit_id = ?")
                .params(roundId, unitId).query(FollowupRepository::mapReport).list()
                .forEach(r -> byObject.put(r.objectId(), r));
        return byObject;
    }

    /** Every unit's report on one object in a round, by unit. */
    Map<Long, Report> reportsOnObject(long roundId, long objectId) {
        Map<Long, Report> byUnit = new HashMap<>();
        jdbc.sql("select " + FollowupRepository.REPORT_COLUMNS + " from followup_report where round_id = ? and object_id = ?")
                .params(roundId, objectId).query(FollowupRepository::mapReport).list()
                .forEach(r -> byUnit.put(r.unitId(), r));
        return byUnit;
    }

    /** A round's tasks in the subtrees of the roots, counted per root, part, state and level. */
    List<BranchCount> branchCounts(long roundId, Collection<Long> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BRANCHES + """
                        select sub.branch, t.part, t.state, u.type, count(*) from sub
                        join followup_task t on t.unit_id = sub.id and t.round_id = :round join org_unit u on u.id = sub.id
                        group by sub.branch, t.part, t.state, u.type""")
                .param("roots", Set.copyOf(roots)).param("round", roundId)
                .query((rs, n) -> new BranchCount(rs.getLong(1), Part.valueOf(rs.getString(2)), TaskState.valueOf(rs.getString(3)),
                        OrgUnitType.valueOf(rs.getString(4)), rs.getInt(5)))
                .list();
    }

    /** The roots whose subtrees hold any of these units. */
    Set<Long> branchesHolding(Collection<Long> roots, Collection<Long> unitIds) {
        if (roots.isEmpty() || unitIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql(BRANCHES + "select distinct sub.branch from sub where sub.id in (:units)")
                .param("roots", Set.copyOf(roots)).param("units", Set.copyOf(unitIds)).query(Long.class).list());
    }

    /**
     * A round's tasks in the subtrees of the roots with their units, depth first; with {@code nameLike} only the units
     * whose name holds it (in any case; {@code %} and {@code _} are taken literally), and at most {@code limit} tasks.
     */
    List<BranchTask> branchTasks(long roundId, Collection<Long> roots, String nameLike, int limit) {
        if (roots.isEmpty()) {
            return List.of();
        }
        String escaped = nameLike == null ? null
                : "%" + nameLike.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(BRANCHES + "select " + BRANCH_TASK_COLUMNS
                        + " from sub join org_unit u on u.id = sub.id join followup_task t on t.unit_id = u.id and t.round_id = :round"
                        + (escaped == null ? "" : " where lower(u.name) like lower(:name) escape '\\'")
                        + " order by sub.path, t.part limit :limit")
                .param("roots", Set.copyOf(roots)).param("round", roundId).param("limit", limit)
                .param("name", escaped == null ? "" : escaped)
                .query(RoundQueries::mapBranchTask).list();
    }

    /** A round's tasks of units outside the subtrees of the roots (none, unless units moved after the round opened). */
    List<BranchTask> tasksOutside(long roundId, Collection<Long> roots) {
        return jdbc.sql(BRANCHES + "select "
                        + BRANCH_TASK_COLUMNS.replace("sub.branch, sub.depth", "u.id as branch, 0 as depth")
                        + " from followup_task t join org_unit u on u.id = t.unit_id"
                        + " where t.round_id = :round and t.unit_id not in (select id from sub) order by u.position, u.id, t.part")
                .param("roots", roots.isEmpty() ? List.of(-1L) : Set.copyOf(roots)).param("round", roundId)
                .query(RoundQueries::mapBranchTask).list();
    }

    private static BranchTask mapBranchTask(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OrgUnit unit = new OrgUnit(rs.getLong("unit_id"), rs.getLong("municipality_id"), rs.getObject("parent_id", Long.class),
                OrgUnitType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("code"), rs.getInt("position"),
                rs.getBoolean("active"));
        return new BranchTask(rs.getLong("branch"), rs.getInt("depth"), unit, FollowupRepository.mapTask(rs, n));
    }
}
