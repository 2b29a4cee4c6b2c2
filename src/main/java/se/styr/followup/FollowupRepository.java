package se.styr.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.organisation.OrgUnitType;
import se.styr.platform.ConflictException;

@Repository
class FollowupRepository {

    private static final String ROUND_COLUMNS = """
            id, municipality_id, body_unit_id, admin_unit_id, period_id, type, name, as_of, opens_on, summary, state,
            report_version, version""";
    static final String TASK_COLUMNS = """
            id, round_id, unit_id, part, state, comment, done_at, done_by, approved_at, approved_by, version""";
    static final String REPORT_COLUMNS = """
            id, round_id, object_id, unit_id, analysis, assessment, result, action, status, forecast, updated_at,
            updated_by, version""";
    static final String OUTCOME_COLUMNS = """
            id, round_id, object_id, unit_id, outcome, target, previous_outcome, signal_override, trend_override,
            override_reason, version""";

    record Share(long objectId, long unitId) {
    }

    private final JdbcClient jdbc;

    FollowupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rounds

    long insertRound(Round r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into followup_round (municipality_id, body_unit_id, admin_unit_id, period_id, type, name, as_of,
                          opens_on, summary, state, report_version, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)""")
                .params(r.municipalityId(), r.bodyUnitId(), r.adminUnitId(), r.periodId(), r.type().name(), r.name(),
                        r.asOf(), r.opensOn(), r.summary(), r.state().name())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        r.deadlines().forEach((level, due) -> jdbc.sql("insert into followup_deadline (round_id, level, due_on) values (?, ?, ?)")
                .params(id, level.name(), due).update());
        return id;
    }

    Optional<Round> findRound(long id) {
        return withDeadlines(jdbc.sql("select " + ROUND_COLUMNS + " from followup_round where id = ?").param(id)
                .query(FollowupRepository::mapRound).list()).stream().findFirst();
    }

    /** These rounds, in this order, whichever municipality; missing ids are left out. */
    List<Round> rounds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withDeadlines(jdbc.sql("select " + ROUND_COLUMNS + " from followup_round where id in (:ids) order by as_of desc, id desc")
                .param("ids", ids).query(FollowupRepository::mapRound).list());
    }

    /**
     * The rounds' deadlines, read in one query after the rounds themselves: reading them inside the round's row
     * mapper took a second connection while the first was held, which deadlocks the pool under load.
     */
    private List<Round> withDeadlines(List<Round> rounds) {
        if (rounds.isEmpty()) {
            return rounds;
        }
        Map<Long, Map<OrgUnitType, LocalDate>> deadlines = new HashMap<>();
        jdbc.sql("select round_id, level, due_on from followup_deadline where round_id in (:ids) order by due_on")
                .param("ids", rounds.stream().map(Round::id).toList())
                .query((rs, n) -> deadlines.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(OrgUnitType.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)))
                .list();
        return rounds.stream().map(r -> new Round(r.id(), r.municipalityId(), r.bodyUnitId(), r.adminUnitId(), r.periodId(),
                r.type(), r.name(), r.asOf(), r.opensOn(), r.summary(), r.state(), r.reportVersion(), r.version(),
                Collections.unmodifiableMap(deadlines.getOrDefault(r.id(), Map.of())))).toList();
    }

    /** Saves the round's own fields if nobody changed it since {@code expectedVersion}. */
    void updateRound(long id, int expectedVersion, String summary, RoundState state, int reportVersion) {
        int rows = jdbc.sql("""
                        update followup_round set summary = ?, state = ?, report_version = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(summary, state.name(), reportVersion, id, expectedVersion).update();
        if (rows == 0) {
            throw new ConflictException("followup_round", id);
        }
    }

    /** When the compiled report was marked ready for the committee's decision; null when it is not. */
    java.time.OffsetDateTime readyForDecision(long roundId) {
        return jdbc.sql("select ready_for_decision_at from followup_round where id = ?").param(roundId)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).optional().orElse(null);
    }

    void setReadyForDecision(long roundId, java.time.OffsetDateTime at) {
        jdbc.sql("update followup_round set ready_for_decision_at = ? where id = ?").params(at, roundId).update();
    }

    void updateDeadline(long roundId, OrgUnitType level, LocalDate due) {
        jdbc.sql("update followup_deadline set due_on = ? where round_id = ? and level = ?").params(due, roundId, level.name()).update();
    }

    Map<Part, String> instructions(long roundId) {
        Map<Part, String> result = new EnumMap<>(Part.class);
        jdbc.sql("select part, text from followup_instruction where round_id = ?").param(roundId)
                .query((rs, n) -> Map.entry(Part.valueOf(rs.getString(1)), rs.getString(2))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    void setInstruction(long roundId, Part part, String text) {
        jdbc.sql("delete from followup_instruction where round_id = ? and part = ?").params(roundId, part.name()).update();
        jdbc.sql("insert into followup_instruction (round_id, part, text) values (?, ?, ?)").params(roundId, part.name(), text).update();
    }

    /** The municipality's rounds that are not decided and are as of one of these years. */
    List<Round> undecidedRounds(long municipalityId, Set<Integer> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return withDeadlines(jdbc.sql("select " + ROUND_COLUMNS + " from followup_round where municipality_id = :m and state <> 'BESLUTAD'"
                        + " and extract(year from as_of) in (:years) order by as_of, id")
                .param("m", municipalityId).param("years", years).query(FollowupRepository::mapRound).list());
    }

    // ---- objects and shares

    List<Long> objectIds(long roundId) {
        return jdbc.sql("select object_id from followup_object where round_id = ? order by object_id").param(roundId)
                .query(Long.class).list();
    }

    void addObject(long roundId, long objectId) {
        jdbc.sql("insert into followup_object (round_id, object_id) values (?, ?)").params(roundId, objectId).update();
    }

    void removeObject(long roundId, long objectId) {
        jdbc.sql("delete from followup_object where round_id = ? and object_id = ?").params(roundId, objectId).update();
    }

    List<Share> shares(long roundId) {
        return jdbc.sql("select object_id, unit_id from followup_share where round_id = ?").param(roundId)
                .query((rs, n) -> new Share(rs.getLong(1), rs.getLong(2))).list();
    }

    void replaceShares(long roundId, long objectId, Set<Long> unitIds) {
        jdbc.sql("delete from followup_share where round_id = ? and object_id = ?").params(roundId, objectId).update();
        for (Long unit : unitIds) {
            jdbc.sql("insert into followup_share (round_id, object_id, unit_id) values (?, ?, ?)").params(roundId, objectId, unit).update();
        }
    }

    // ---- tasks

    List<Task> tasks(long roundId) {
        return jdbc.sql("select " + TASK_COLUMNS + " from followup_task where round_id = ? order by id").param(roundId)
                .query(FollowupRepository::mapTask).list();
    }

    /** The tasks of open rounds in the municipality whose unit is one of these. */
    List<Task> openTasksOf(long municipalityId, Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select t." + TASK_COLUMNS.replace(", ", ", t.") + """
                         from followup_task t join followup_round r on r.id = t.round_id
                        where r.municipality_id = :m and r.state = 'OPPEN' and t.unit_id in (:units) order by r.as_of desc, t.id""")
                .param("m", municipalityId).param("units", unitIds)
                .query(FollowupRepository::mapTask).list();
    }

    /**
     * One page of the tasks of open rounds that have opened by {@code today}: of the units in {@code report}, and, done
     * and waiting for approval, of the units in {@code approve}; newest round first. {@code roundId} and {@code state}
     * filter when given.
     */
    se.styr.platform.Paging.Page<Task> openTasksOf(long municipalityId, Set<Long> report, Set<Long> approve, LocalDate today,
                                                   Long roundId, TaskState state, se.styr.platform.Paging paging) {
        if (report.isEmpty() && approve.isEmpty()) {
            return paging.of(0, List.of());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("m", municipalityId);
        p.put("today", today);
        List<String> whose = new java.util.ArrayList<>();
        if (!report.isEmpty()) {
            whose.add("t.unit_id in (:report)");
            p.put("report", report);
        }
        if (!approve.isEmpty()) {
            whose.add("(t.unit_id in (:approve) and t.state = 'KLARMARKERAD')");
            p.put("approve", approve);
        }
        StringBuilder where = new StringBuilder(" from followup_task t join followup_round r on r.id = t.round_id"
                + " where r.municipality_id = :m and r.state = 'OPPEN' and r.opens_on <= :today and ("
                + String.join(" or ", whose) + ")");
        if (roundId != null) {
            where.append(" and t.round_id = :round");
            p.put("round", roundId);
        }
        if (state != null) {
            where.append(" and t.state = :state");
            p.put("state", state.name());
        }
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of() : jdbc.sql("select t." + TASK_COLUMNS.replace(", ", ", t.") + where
                        + " order by r.as_of desc, r.id desc, t.id" + paging.limitOffset())
                .params(p).query(FollowupRepository::mapTask).list());
    }

    Optional<Task> findTask(long id) {
        return jdbc.sql("select " + TASK_COLUMNS + " from followup_task where id = ?").param(id)
                .query(FollowupRepository::mapTask).optional();
    }

    long insertTask(long roundId, long unitId, Part part) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into followup_task (round_id, unit_id, part, state, version) values (?, ?, ?, ?, 0)")
                .params(roundId, unitId, part.name(), TaskState.EJ_PABORJAD.name()).update(keys, "id");
        return keys.getKey().longValue();
    }

    void deleteTask(long id) {
        jdbc.sql("delete from followup_task where id = ?").param(id).update();
    }

    void updateTask(Task t) {
        int rows = jdbc.sql("""
                        update followup_task set state = ?, comment = ?, done_at = ?, done_by = ?, approved_at = ?,
                          approved_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(t.state().name(), t.comment(), t.doneAt(), t.doneBy(), t.approvedAt(), t.approvedBy(), t.id(), t.version())
                .update();
        if (rows == 0) {
            throw new ConflictException("followup_task", t.id());
        }
    }

    // ---- reports

    Optional<Report> findReport(long roundId, long objectId, long unitId) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from followup_report where round_id = ? and object_id = ? and unit_id = ?")
                .params(roundId, objectId, unitId).query(FollowupRepository::mapReport).optional();
    }

    /**
     * Inserts the report, or updates it if nobody saved it since {@code r.version()} was read. A stored report starts
     * at version 1, so whoever read "nothing reported yet" (version 0) conflicts with a report saved since.
     */
    void saveReport(Report r, String actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String status = r.status() == null ? null : r.status().name();
        if (r.id() == null) {
            // A concurrent first save of the same report hits the unique constraint: that is a conflict as well.
            try {
                jdbc.sql("""
                                insert into followup_report (round_id, object_id, unit_id, analysis, assessment, result, action,
                                  status, forecast, updated_at, updated_by, version)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                        .params(r.roundId(), r.objectId(), r.unitId(), r.analysis(), r.assessment(), r.result(), r.action(),
                                status, r.forecast(), now, actor)
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConflictException("followup_report", r.objectId());
            }
            return;
        }
        int rows = jdbc.sql("""
                        update followup_report set analysis = ?, assessment = ?, result = ?, action = ?, status = ?,
                          forecast = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(r.analysis(), r.assessment(), r.result(), r.action(), status, r.forecast(), now, actor, r.id(), r.version())
                .update();
        if (rows == 0) {
            throw new ConflictException("followup_report", r.id());
        }
    }

    // ---- outcomes

    void saveOutcome(Outcome o) {
        String signal = o.signalOverride() == null ? null : o.signalOverride().name();
        String trend = o.trendOverride() == null ? null : o.trendOverride().name();
        if (o.id() == null) {
            try {
                jdbc.sql("""
                                insert into followup_outcome (round_id, object_id, unit_id, outcome, target, previous_outcome,
                                  signal_override, trend_override, override_reason, version)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                        .params(o.roundId(), o.objectId(), o.unitId(), o.outcome(), o.target(), o.previousOutcome(), signal,
                                trend, o.overrideReason())
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConflictException("followup_outcome", o.objectId());
            }
            return;
        }
        int rows = jdbc.sql("""
                        update followup_outcome set outcome = ?, target = ?, previous_outcome = ?, signal_override = ?,
                          trend_override = ?, override_reason = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(o.outcome(), o.target(), o.previousOutcome(), signal, trend, o.overrideReason(), o.id(), o.version())
                .update();
        if (rows == 0) {
            throw new ConflictException("followup_outcome", o.id());
        }
    }

    // ---- decided versions

    List<ReportVersion> versions(long roundId) {
        return jdbc.sql("""
                        select id, round_id, number, decided_on, decision_ref, note, created_at, created_by, unapproved_tasks
                        from followup_report_version where round_id = ? order by number""")
                .param(roundId)
                .query((rs, n) -> new ReportVersion(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getInt(9)))
                .list();
    }

    Optional<String> versionHtml(long roundId, int number) {
        return jdbc.sql("select html from followup_report_version where round_id = ? and number = ?")
                .params(roundId, number).query(String.class).optional();
    }

    void insertVersion(long roundId, int number, LocalDate decidedOn, String decisionRef, String note, int unapprovedTasks,
                       String html, String actor) {
        jdbc.sql("""
                        insert into followup_report_version (round_id, number, decided_on, decision_ref, note, unapproved_tasks,
                          html, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(roundId, number, decidedOn, decisionRef, note, unapprovedTasks, html, OffsetDateTime.now(ZoneOffset.UTC), actor)
                .update();
    }

    // ---- mapping

    private static Round mapRound(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getLong("id"), rs.getLong("municipality_id"), rs.getLong("body_unit_id"), rs.getLong("admin_unit_id"),
                rs.getObject("period_id", Long.class), RoundType.valueOf(rs.getString("type")), rs.getString("name"),
                rs.getObject("as_of", LocalDate.class), rs.getObject("opens_on", LocalDate.class), rs.getString("summary"),
                RoundState.valueOf(rs.getString("state")), rs.getInt("report_version"), rs.getInt("version"), Map.of());
    }

    static Task mapTask(ResultSet rs, int n) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("unit_id"), Part.valueOf(rs.getString("part")),
                TaskState.valueOf(rs.getString("state")), rs.getString("comment"),
                rs.getObject("done_at", OffsetDateTime.class), rs.getString("done_by"),
                rs.getObject("approved_at", OffsetDateTime.class), rs.getString("approved_by"), rs.getInt("version"));
    }

    static Report mapReport(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        return new Report(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("object_id"), rs.getLong("unit_id"),
                rs.getString("analysis"), rs.getString("assessment"), rs.getString("result"), rs.getString("action"),
                status == null ? null : AssignmentStatus.valueOf(status), rs.getString("forecast"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getInt("version"));
    }

    static Outcome mapOutcome(ResultSet rs, int n) throws SQLException {
        String signal = rs.getString("signal_override");
        String trend = rs.getString("trend_override");
        return new Outcome(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("object_id"), rs.getLong("unit_id"),
                rs.getBigDecimal("outcome"), rs.getBigDecimal("target"), rs.getBigDecimal("previous_outcome"),
                signal == null ? null : Signal.valueOf(signal), trend == null ? null : Trend.valueOf(trend),
                rs.getString("override_reason"), rs.getInt("version"));
    }

    // ---- lists of rounds, one page at a time

    private static String roundFilter(long municipalityId, RoundFilter f, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where municipality_id = :municipality");
        p.put("municipality", municipalityId);
        if (f.body() != null) {
            w.append(" and body_unit_id = :body");
            p.put("body", f.body());
        }
        if (f.type() != null) {
            w.append(" and type = :type");
            p.put("type", f.type().name());
        }
        if (f.period() != null) {
            w.append(" and period_id = :period");
            p.put("period", f.period());
        }
        if (f.year() != null) {
            w.append(" and as_of >= :from and as_of < :to");
            p.put("from", LocalDate.of(f.year(), 1, 1));
            p.put("to", LocalDate.of(f.year() + 1, 1, 1));
        }
        if (f.state() != null) {
            w.append(" and state = :state");
            p.put("state", f.state().name());
        }
        if (f.bodies() != null) {
            if (f.bodies().isEmpty()) {
                w.append(" and 1 = 0");
            } else {
                w.append(" and body_unit_id in (:bodies)");
                p.put("bodies", f.bodies());
            }
        }
        return w.toString();
    }

    List<Round> roundsPage(long municipalityId, RoundFilter filter, se.styr.platform.Paging paging) {
        Map<String, Object> p = new java.util.HashMap<>();
        return withDeadlines(jdbc.sql("select " + ROUND_COLUMNS + " from followup_round"
                        + roundFilter(municipalityId, filter, p) + " order by as_of desc, id desc" + paging.limitOffset())
                .params(p).query(FollowupRepository::mapRound).list());
    }

    long countRounds(long municipalityId, RoundFilter filter) {
        Map<String, Object> p = new java.util.HashMap<>();
        return jdbc.sql("select count(*) from followup_round" + roundFilter(municipalityId, filter, p))
                .params(p).query(Long.class).single();
    }
}
