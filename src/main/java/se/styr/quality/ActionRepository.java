package se.styr.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.platform.Paging;

/** Actions, economic action plans, the actions' sharing in follow-up rounds and the units' reports on them. */
@Repository
class ActionRepository {

    private static final String ACTION = """
            select id, municipality_id, body_unit_id, year, what, why, responsible, timetable, status, version, plan_id,
              position, expected_effect
            from quality_action""";
    private static final String PLAN = "select id, municipality_id, body_unit_id, year, title, background, version from action_plan";
    private static final String REPORT = """
            select id, round_id, action_id, unit_id, status, comment, reached_effect, updated_at, updated_by, version
            from action_report""";

    private final JdbcClient jdbc;

    ActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static QualityAction action(ResultSet rs, int n) throws SQLException {
        return new QualityAction(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), ActionStatus.valueOf(rs.getString(9)), rs.getInt(10),
                rs.getObject(11, Long.class), rs.getInt(12), rs.getObject(13, Long.class));
    }

    private static ActionPlan plan(ResultSet rs, int n) throws SQLException {
        return new ActionPlan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getInt(7));
    }

    private static ActionReport report(ResultSet rs, int n) throws SQLException {
        return new ActionReport(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), ActionStatus.valueOf(rs.getString(5)),
                rs.getString(6), rs.getObject(7, Long.class), rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getInt(10));
    }

    // ---- actions

    Optional<QualityAction> find(long municipalityId, long id) {
        return jdbc.sql(ACTION + " where municipality_id = ? and id = ?").params(municipalityId, id)
                .query(ActionRepository::action).optional();
    }

    /** The immediate actions (not the measures of a plan) of a body and year. */
    List<QualityAction> immediate(long municipalityId, long bodyUnitId, int year) {
        return jdbc.sql(ACTION + " where municipality_id = ? and body_unit_id = ? and year = ? and plan_id is null order by id")
                .params(municipalityId, bodyUnitId, year).query(ActionRepository::action).list();
    }

    List<QualityAction> byIds(long municipalityId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ACTION + " where municipality_id = :m and id in (:ids) order by plan_id nulls first, position, id")
                .param("m", municipalityId).param("ids", ids).query(ActionRepository::action).list();
    }

    List<QualityAction> measures(long planId) {
        return jdbc.sql(ACTION + " where plan_id = ? order by position, id").param(planId).query(ActionRepository::action).list();
    }

    Paging.Page<QualityAction> page(long municipalityId, Long bodyUnitId, Integer year, Paging paging) {
        String where = " where municipality_id = :m" + (bodyUnitId == null ? "" : " and body_unit_id = :b")
                + (year == null ? "" : " and year = :y");
        var count = jdbc.sql("select count(*) from quality_action" + where).param("m", municipalityId);
        var rows = jdbc.sql(ACTION + where + " order by year desc, body_unit_id, plan_id nulls first, position, id "
                + paging.limitOffset()).param("m", municipalityId);
        if (bodyUnitId != null) {
            count = count.param("b", bodyUnitId);
            rows = rows.param("b", bodyUnitId);
        }
        if (year != null) {
            count = count.param("y", year);
            rows = rows.param("y", year);
        }
        return paging.of(count.query(Long.class).single(), rows.query(ActionRepository::action).list());
    }

    long insert(QualityAction a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into quality_action (municipality_id, body_unit_id, year, what, why, responsible, timetable, status,
                          plan_id, position, expected_effect)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.municipalityId(), a.bodyUnitId(), a.year(), a.what(), a.why(), a.responsible(), a.timetable(),
                        a.status().name(), a.planId(), a.position(), a.expectedEffect())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(QualityAction a) {
        return jdbc.sql("""
                        update quality_action set what = ?, why = ?, responsible = ?, timetable = ?, status = ?,
                          expected_effect = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(a.what(), a.why(), a.responsible(), a.timetable(), a.status().name(), a.expectedEffect(), a.id(), a.version())
                .update() == 1;
    }

    /** Raises the action's version as the one read, so that two people sharing it cannot overwrite each other unknowingly. */
    boolean touch(long id, int version) {
        return jdbc.sql("update quality_action set version = version + 1 where id = ? and version = ?").params(id, version).update() == 1;
    }

    int nextPosition(long planId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from quality_action where plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    // ---- plans

    Optional<ActionPlan> findPlan(long municipalityId, long id) {
        return jdbc.sql(PLAN + " where municipality_id = ? and id = ?").params(municipalityId, id)
                .query(ActionRepository::plan).optional();
    }

    List<ActionPlan> plansByIds(long municipalityId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PLAN + " where municipality_id = :m and id in (:ids) order by year desc, id").param("m", municipalityId)
                .param("ids", ids).query(ActionRepository::plan).list();
    }

    List<ActionPlan> plans(long municipalityId) {
        return jdbc.sql(PLAN + " where municipality_id = ? order by year desc, id").param(municipalityId)
                .query(ActionRepository::plan).list();
    }

    long insertPlan(ActionPlan p) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into action_plan (municipality_id, body_unit_id, year, title, background) values (?, ?, ?, ?, ?)")
                .params(p.municipalityId(), p.bodyUnitId(), p.year(), p.title(), p.background())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updatePlan(ActionPlan p) {
        return jdbc.sql("update action_plan set title = ?, background = ?, version = version + 1 where id = ? and version = ?")
                .params(p.title(), p.background(), p.id(), p.version()).update() == 1;
    }

    // ---- sharing in rounds

    record Share(long roundId, long actionId, long unitId) {
    }

    List<Share> sharesOfAction(long actionId) {
        return jdbc.sql("select round_id, action_id, unit_id from action_share where action_id = ?").param(actionId)
                .query((rs, n) -> new Share(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    List<Share> sharesInRound(long roundId) {
        return jdbc.sql("select round_id, action_id, unit_id from action_share where round_id = ?").param(roundId)
                .query((rs, n) -> new Share(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    void replaceShares(long roundId, long actionId, Set<Long> unitIds) {
        jdbc.sql("delete from action_share where round_id = ? and action_id = ?").params(roundId, actionId).update();
        for (Long unit : unitIds) {
            jdbc.sql("insert into action_share (round_id, action_id, unit_id) values (?, ?, ?)").params(roundId, actionId, unit).update();
        }
    }

    boolean isShared(long roundId, long actionId, long unitId) {
        return jdbc.sql("select count(*) from action_share where round_id = ? and action_id = ? and unit_id = ?")
                .params(roundId, actionId, unitId).query(Long.class).single() > 0;
    }

    // ---- reports

    Optional<ActionReport> findReport(long roundId, long actionId, long unitId) {
        return jdbc.sql(REPORT + " where round_id = ? and action_id = ? and unit_id = ?").params(roundId, actionId, unitId)
                .query(ActionRepository::report).optional();
    }

    List<ActionReport> reportsOfAction(long actionId) {
        return jdbc.sql(REPORT + " where action_id = ? order by round_id, unit_id").param(actionId).query(ActionRepository::report).list();
    }

    List<ActionReport> reportsInRound(long roundId) {
        return jdbc.sql(REPORT + " where round_id = ? order by action_id, unit_id").param(roundId).query(ActionRepository::report).list();
    }

    /** Every report on the plan's measures, with the round's as-of date to tell the latest round: one query. */
    List<DatedReport> reportsOfPlan(long planId) {
        return jdbc.sql("""
                        select r.id, r.round_id, r.action_id, r.unit_id, r.status, r.comment, r.reached_effect, r.updated_at,
                          r.updated_by, r.version, f.as_of, f.name
                        from action_report r join quality_action a on a.id = r.action_id join followup_round f on f.id = r.round_id
                        where a.plan_id = ? order by f.as_of, r.round_id, r.unit_id""")
                .param(planId)
                .query((rs, n) -> new DatedReport(report(rs, n), rs.getDate(11).toLocalDate(), rs.getString(12))).list();
    }

    record DatedReport(ActionReport report, java.time.LocalDate asOf, String roundName) {
    }

    /** A new report; its version is 1, so that a form read before it existed (version 0) is stale. */
    long insertReport(ActionReport r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into action_report (round_id, action_id, unit_id, status, comment, reached_effect, updated_at,
                          updated_by, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(r.roundId(), r.actionId(), r.unitId(), r.status().name(), r.comment(), r.reachedEffect(), r.updatedAt(),
                        r.updatedBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateReport(ActionReport r) {
        return jdbc.sql("""
                        update action_report set status = ?, comment = ?, reached_effect = ?, updated_at = ?, updated_by = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                .params(r.status().name(), r.comment(), r.reachedEffect(), r.updatedAt(), r.updatedBy(), r.id(), r.version())
                .update() == 1;
    }
}
