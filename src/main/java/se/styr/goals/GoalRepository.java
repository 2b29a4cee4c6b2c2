package se.styr.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.platform.ConflictException;

@Repository
class GoalRepository {

    static final String COLUMNS = """
            id, municipality_id, kind, parent_id, owner_unit_id, period_id, position, title, description, direction,
            measure_unit, source, kolada_id, steering, near_target_tolerance, linked_indicator_id, link_motivation,
            agenda2030_goal, agenda2030_target, judgement, judgement_text, given_by_unit_id, due_date, status, perspective,
            frequency, process, risk_value, control_method, responsible, follow_up_occasion, retired, version""";

    private final JdbcClient jdbc;

    GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GoalObject> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from goal_object where id = ?").param(id).query(GoalRepository::map).optional();
    }

    List<GoalObject> all(long municipalityId) {
        return jdbc.sql("select " + COLUMNS + " from goal_object where municipality_id = ? order by position, id")
                .param(municipalityId).query(GoalRepository::map).list();
    }

    List<GoalObject> children(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from goal_object where parent_id = ? order by position, id")
                .param(parentId).query(GoalRepository::map).list();
    }

    int nextPosition(long municipalityId, Long parentId) {
        Integer max = parentId == null
                ? jdbc.sql("select coalesce(max(position), 0) from goal_object where municipality_id = ? and parent_id is null")
                        .param(municipalityId).query(Integer.class).single()
                : jdbc.sql("select coalesce(max(position), 0) from goal_object where parent_id = ?").param(parentId)
                        .query(Integer.class).single();
        return max == null ? 1 : max + 1;
    }

    long insert(GoalObject o) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into goal_object (municipality_id, kind, parent_id, owner_unit_id, period_id, position, title,
                          description, direction, measure_unit, source, kolada_id, steering, near_target_tolerance,
                          linked_indicator_id, link_motivation, agenda2030_goal, agenda2030_target, judgement, judgement_text,
                          given_by_unit_id, due_date, status, perspective, frequency, process, risk_value, control_method,
                          responsible, follow_up_occasion, retired, version)
                        values (:municipalityId, :kind, :parentId, :ownerUnitId, :periodId, :position, :title, :description,
                          :direction, :measureUnit, :source, :koladaId, :steering, :tolerance, :linkedIndicatorId,
                          :linkMotivation, :agenda2030Goal, :agenda2030Target, :judgement, :judgementText, :givenByUnitId,
                          :dueDate, :status, :perspective, :frequency, :process, :riskValue, :controlMethod, :responsible,
                          :followUpOccasion, :retired, 0)""")
                .paramSource(params(o))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves the object if nobody changed it since it was read at {@code o.version()}; returns the new version. */
    int update(GoalObject o) {
        Map<String, Object> params = params(o);
        params.put("id", o.id());
        params.put("version", o.version());
        int rows = jdbc.sql("""
                        update goal_object set kind = :kind, parent_id = :parentId, owner_unit_id = :ownerUnitId,
                          period_id = :periodId, position = :position, title = :title, description = :description,
                          direction = :direction, measure_unit = :measureUnit, source = :source, kolada_id = :koladaId,
                          steering = :steering, near_target_tolerance = :tolerance, linked_indicator_id = :linkedIndicatorId,
                          link_motivation = :linkMotivation, agenda2030_goal = :agenda2030Goal,
                          agenda2030_target = :agenda2030Target, judgement = :judgement, judgement_text = :judgementText,
                          given_by_unit_id = :givenByUnitId, due_date = :dueDate, status = :status,
                          perspective = :perspective, frequency = :frequency, process = :process, risk_value = :riskValue,
                          control_method = :controlMethod, responsible = :responsible,
                          follow_up_occasion = :followUpOccasion, retired = :retired, version = version + 1
                        where id = :id and version = :version""")
                .params(params)
                .update();
        if (rows == 0) {
            throw new ConflictException("goal_object", o.id());
        }
        return o.version() + 1;
    }

    List<MeasureValue> values(long objectId) {
        return jdbc.sql("select year, outcome, target from measure_value where object_id = ? order by year")
                .param(objectId)
                .query((rs, n) -> new MeasureValue(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    /** The values of several objects in one query. */
    Map<Long, List<MeasureValue>> valuesOf(java.util.Collection<Long> objectIds) {
        Map<Long, List<MeasureValue>> result = new java.util.HashMap<>();
        if (objectIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select object_id, year, outcome, target from measure_value where object_id in (:ids) order by object_id, year")
                .param("ids", objectIds)
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new MeasureValue(rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4))))
                .list();
        return result;
    }

    /** Sets the outcome of one year, keeping its target. */
    void putOutcome(long objectId, int year, java.math.BigDecimal outcome) {
        int rows = jdbc.sql("update measure_value set outcome = ? where object_id = ? and year = ?")
                .params(outcome, objectId, year).update();
        if (rows == 0) {
            jdbc.sql("insert into measure_value (object_id, year, outcome, target) values (?, ?, ?, null)")
                    .params(objectId, year, outcome).update();
        }
    }

    void replaceValues(long objectId, List<MeasureValue> values) {
        jdbc.sql("delete from measure_value where object_id = ?").param(objectId).update();
        for (MeasureValue v : values) {
            if (v.outcome() != null || v.target() != null) {
                jdbc.sql("insert into measure_value (object_id, year, outcome, target) values (?, ?, ?, ?)")
                        .params(objectId, v.year(), v.outcome(), v.target()).update();
            }
        }
    }

    /** Marks the object as changed whatever version a reader holds: an import changed its values under it. */
    void bump(long id) {
        jdbc.sql("update goal_object set version = version + 1 where id = ?").param(id).update();
    }

    /** Marks the object as changed (its values live in another table) so concurrent value edits conflict too. */
    int touch(long id, int expectedVersion) {
        int rows = jdbc.sql("update goal_object set version = version + 1 where id = ? and version = ?")
                .params(id, expectedVersion).update();
        if (rows == 0) {
            throw new ConflictException("goal_object", id);
        }
        return expectedVersion + 1;
    }

    private static Map<String, Object> params(GoalObject o) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("municipalityId", o.municipalityId());
        p.put("kind", o.kind().name());
        p.put("parentId", o.parentId());
        p.put("ownerUnitId", o.ownerUnitId());
        p.put("periodId", o.periodId());
        p.put("position", o.position());
        p.put("title", o.title());
        p.put("description", o.description());
        p.put("direction", o.direction() == null ? null : o.direction().name());
        p.put("measureUnit", o.measureUnit());
        p.put("source", o.source());
        p.put("koladaId", o.koladaId());
        p.put("steering", o.steering());
        p.put("tolerance", o.nearTargetTolerance());
        p.put("linkedIndicatorId", o.linkedIndicatorId());
        p.put("linkMotivation", o.linkMotivation());
        p.put("agenda2030Goal", o.agenda2030Goal());
        p.put("agenda2030Target", o.agenda2030Target());
        p.put("judgement", o.judgement() == null ? null : o.judgement().name());
        p.put("judgementText", o.judgementText());
        p.put("givenByUnitId", o.givenByUnitId());
        p.put("dueDate", o.dueDate());
        p.put("status", o.status() == null ? null : o.status().name());
        p.put("perspective", o.perspective() == null ? null : o.perspective().name());
        p.put("frequency", o.frequency());
        p.put("process", o.process());
        p.put("riskValue", o.riskValue());
        p.put("controlMethod", o.controlMethod());
        p.put("responsible", o.responsible());
        p.put("followUpOccasion", o.followUpOccasion() == null ? null : o.followUpOccasion().name());
        p.put("retired", o.retired());
        return p;
    }

    static GoalObject map(ResultSet rs, int n) throws SQLException {
        return new GoalObject(
                rs.getLong("id"),
                rs.getLong("municipality_id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", Long.class),
                rs.getLong("owner_unit_id"),
                rs.getObject("period_id", Long.class),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                enumOrNull(Direction.class, rs.getString("direction")),
                rs.getString("measure_unit"),
                rs.getString("source"),
                rs.getString("kolada_id"),
                rs.getObject("steering", Boolean.class),
                rs.getBigDecimal("near_target_tolerance"),
                rs.getObject("linked_indicator_id", Long.class),
                rs.getString("link_motivation"),
                rs.getObject("agenda2030_goal", Integer.class),
                rs.getString("agenda2030_target"),
                enumOrNull(GoalState.class, rs.getString("judgement")),
                rs.getString("judgement_text"),
                rs.getObject("given_by_unit_id", Long.class),
                rs.getObject("due_date", LocalDate.class),
                enumOrNull(AssignmentStatus.class, rs.getString("status")),
                enumOrNull(Perspective.class, rs.getString("perspective")),
                rs.getString("frequency"),
                rs.getString("process"),
                rs.getObject("risk_value", Integer.class),
                rs.getString("control_method"),
                rs.getString("responsible"),
                enumOrNull(FollowUpOccasion.class, rs.getString("follow_up_occasion")),
                rs.getBoolean("retired"),
                rs.getInt("version"));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

}
