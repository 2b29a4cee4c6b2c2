package se.styr.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RiskRepository {

    private static final String COLUMNS = """
            r.id, r.municipality_id, r.body_unit_id, r.year, r.number, r.area, r.process, r.description, r.probability,
            r.consequence, r.handling, r.handling_reason, r.goal_object_id, r.action_id, r.assessed_by, r.assessed_on,
            r.version""";

    private final JdbcClient jdbc;

    RiskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Risk risk(ResultSet rs, int n) throws SQLException {
        String area = rs.getString(6);
        java.sql.Date assessed = rs.getDate(16);
        return new Risk(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                area == null ? null : Area.valueOf(area), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
                Handling.valueOf(rs.getString(11)), rs.getString(12), (Long) rs.getObject(13, Long.class),
                (Long) rs.getObject(14, Long.class), rs.getString(15), assessed == null ? null : assessed.toLocalDate(),
                rs.getInt(17));
    }

    Optional<Risk> find(long municipalityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from risk r where r.municipality_id = ? and r.id = ?")
                .params(municipalityId, id).query(RiskRepository::risk).optional();
    }

    /** The register of a body and year, in its order, with what handles each risk: one query. */
    List<Risk.Row> register(long municipalityId, long bodyUnitId, int year) {
        return jdbc.sql("select " + COLUMNS + " " + """
                        , g.title, g.kind, g.retired, a.what
                        from risk r left join goal_object g on g.id = r.goal_object_id
                        left join quality_action a on a.id = r.action_id
                        where r.municipality_id = ? and r.body_unit_id = ? and r.year = ? order by r.number, r.id""")
                .params(municipalityId, bodyUnitId, year)
                .query((rs, n) -> new Risk.Row(risk(rs, n), rs.getString(18) != null ? rs.getString(18) : rs.getString(21),
                        rs.getString(18) != null ? rs.getString(19) : (rs.getString(21) != null ? "OMEDELBAR_ATGARD" : null),
                        rs.getBoolean(20)))
                .list();
    }

    /** A page of risks for the API, filtered by body and year when given. */
    se.styr.platform.Paging.Page<Risk> page(long municipalityId, Long bodyUnitId, Integer year, se.styr.platform.Paging paging) {
        String where = " where r.municipality_id = :m" + (bodyUnitId == null ? "" : " and r.body_unit_id = :b")
                + (year == null ? "" : " and r.year = :y");
        var count = jdbc.sql("select count(*) from risk r" + where).param("m", municipalityId);
        var rows = jdbc.sql("select " + COLUMNS + " from risk r" + where + " order by r.year desc, r.body_unit_id, r.number, r.id "
                + paging.limitOffset()).param("m", municipalityId);
        if (bodyUnitId != null) {
            count = count.param("b", bodyUnitId);
            rows = rows.param("b", bodyUnitId);
        }
        if (year != null) {
            count = count.param("y", year);
            rows = rows.param("y", year);
        }
        return paging.of(count.query(Long.class).single(), rows.query(RiskRepository::risk).list());
    }

    /** The body of the newest register of the municipality, if any. */
    Optional<Long> latestBody(long municipalityId) {
        return jdbc.sql("select body_unit_id from risk where municipality_id = ? order by year desc, id fetch first 1 rows only")
                .param(municipalityId).query(Long.class).optional();
    }

    /** The years that have a register for the body, newest first. */
    List<Integer> years(long municipalityId, long bodyUnitId) {
        return jdbc.sql("select distinct year from risk where municipality_id = ? and body_unit_id = ? order by year desc")
                .params(municipalityId, bodyUnitId).query(Integer.class).list();
    }

    /** The risks handled by this goal-chain object or action: the way back from the handling to the risk. */
    List<Risk> handledBy(long municipalityId, Long goalObjectId, Long actionId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from risk r where r.municipality_id = ? and (r.goal_object_id = ? or r.action_id = ?)
                         order by r.year desc, r.number""")
                .params(municipalityId, goalObjectId, actionId).query(RiskRepository::risk).list();
    }

    int nextNumber(long bodyUnitId, int year) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from risk where body_unit_id = ? and year = ?")
                .params(bodyUnitId, year).query(Integer.class).single();
    }

    long insert(Risk r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into risk (municipality_id, body_unit_id, year, number, area, process, description, probability,
                          consequence, handling, handling_reason, goal_object_id, action_id, assessed_by, assessed_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.municipalityId(), r.bodyUnitId(), r.year(), r.number(), r.area() == null ? null : r.area().name(),
                        r.process(), r.description(), r.probability(), r.consequence(), r.handling().name(), r.handlingReason(),
                        r.goalObjectId(), r.actionId(), r.assessedBy(), r.assessedOn())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves every field but the body, year and number; false when the version read is no longer current. */
    boolean update(Risk r) {
        return jdbc.sql("""
                        update risk set area = ?, process = ?, description = ?, probability = ?, consequence = ?, handling = ?,
                          handling_reason = ?, goal_object_id = ?, action_id = ?, assessed_by = ?, assessed_on = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                .params(r.area() == null ? null : r.area().name(), r.process(), r.description(), r.probability(),
                        r.consequence(), r.handling().name(), r.handlingReason(), r.goalObjectId(), r.actionId(),
                        r.assessedBy(), r.assessedOn(), r.id(), r.version())
                .update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from risk where id = ? and version = ?").params(id, version).update() == 1;
    }
}
