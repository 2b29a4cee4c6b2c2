package se.styr.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
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

    private static final String COLUMNS = """
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

    void replaceValues(long objectId, List<MeasureValue> values) {
        jdbc.sql("delete from measure_value where object_id = ?").param(objectId).update();
        for (MeasureValue v : values) {
            if (v.outcome() != null || v.target() != null) {
                jdbc.sql("insert into measure_value (object_id, year, outcome, target) values (?, ?, ?, ?)")
                        .params(objectId, v.year(), v.outcome(), v.target()).update();
            }
        }
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

    // ---- reading parts of the chain: every query is bounded by what a page shows, whatever the municipality's size

    /**
     * Which part of the chain a page shows. {@code units} null: the whole municipality, where the top level is
     * what {@code topOwner} (KF) owns. Otherwise one body: the objects its units own and the objects above them.
     */
    record Scope(long municipalityId, Collection<Long> units, long topOwner, boolean retired) {
    }

    private static final String RELEVANT = """
            with recursive relevant(id, parent_id) as (
              select id, parent_id from goal_object where municipality_id = :municipality and owner_unit_id in (:units)%s
              union all
              select g.id, g.parent_id from goal_object g join relevant r on g.id = r.parent_id)
            """;

    private static String prefixed(String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> "o." + c.strip()).collect(Collectors.joining(", "));
    }

    private static final String O_COLUMNS = prefixed(COLUMNS);

    /** {@code select ... from goal_object o where <condition>} limited to the scope, in the tree's order. */
    private List<GoalObject> inScope(Scope scope, String condition, Map<String, Object> params) {
        Map<String, Object> p = new java.util.HashMap<>(params);
        p.put("municipality", scope.municipalityId());
        String retired = scope.retired() ? "" : " and retired = false";
        String sql = "select " + O_COLUMNS + " from goal_object o where o.municipality_id = :municipality and " + condition
                + (scope.retired() ? "" : " and o.retired = false");
        if (scope.units() != null) {
            p.put("units", scope.units());
            sql = RELEVANT.formatted(retired) + sql + " and o.id in (select id from relevant)";
        }
        return jdbc.sql(sql + " order by o.position, o.id").params(p).query(GoalRepository::map).list();
    }

    /** The top of the scope: KF's roots for the whole municipality, or the roots that lead to the body's objects. */
    List<GoalObject> roots(Scope scope) {
        return scope.units() == null
                ? inScope(scope, "o.parent_id is null and o.owner_unit_id = :top", Map.of("top", scope.topOwner()))
                : inScope(scope, "o.parent_id is null", Map.of());
    }

    List<GoalObject> children(Scope scope, Collection<Long> parentIds) {
        return parentIds.isEmpty() ? List.of() : inScope(scope, "o.parent_id in (:parents)", Map.of("parents", parentIds));
    }

    /** How many children in the scope each of the parents has (the ones without are left out). */
    Map<Long, Integer> childCounts(Scope scope, Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("parents", parentIds);
        p.put("municipality", scope.municipalityId());
        String sql = "select o.parent_id, count(*) from goal_object o where o.parent_id in (:parents)"
                + (scope.retired() ? "" : " and o.retired = false");
        if (scope.units() != null) {
            p.put("units", scope.units());
            sql = RELEVANT.formatted(scope.retired() ? "" : " and retired = false") + sql + " and o.id in (select id from relevant)";
        }
        return jdbc.sql(sql + " group by o.parent_id").params(p)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The steering-or-not key figures and indicators directly under the goals: what their derived states come from. */
    List<GoalObject> measuresUnder(Collection<Long> goalIds) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from goal_object where parent_id in (:parents)"
                        + " and kind in ('INDIKATOR', 'NYCKELTAL') and retired = false order by position, id")
                .param("parents", goalIds).query(GoalRepository::map).list();
    }

    List<GoalObject> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("select " + COLUMNS + " from goal_object where id in (:ids)")
                .param("ids", ids).query(GoalRepository::map).list();
    }

    /** The objects above this one, the top first. */
    List<GoalObject> ancestors(long id) {
        return jdbc.sql("""
                        with recursive up(id, depth) as (
                          select parent_id, 1 from goal_object where id = :id and parent_id is not null
                          union all
                          select g.parent_id, up.depth + 1 from goal_object g join up on g.id = up.id where g.parent_id is not null)
                        select %s from goal_object o join up on o.id = up.id order by up.depth desc""".formatted(O_COLUMNS))
                .param("id", id).query(GoalRepository::map).list();
    }

    /** Each object's path: the titles above it, the top first, for lists that show objects out of the tree. */
    Map<Long, List<String>> paths(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Map.Entry<Integer, String>>> rows = new java.util.HashMap<>();
        jdbc.sql("""
                        with recursive up(leaf, id, depth) as (
                          select id, parent_id, 1 from goal_object where id in (:ids) and parent_id is not null
                          union all
                          select up.leaf, g.parent_id, up.depth + 1 from goal_object g join up on g.id = up.id where g.parent_id is not null)
                        select up.leaf, up.depth, o.title from up join goal_object o on o.id = up.id""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), Map.entry(rs.getInt(2), rs.getString(3)))).list()
                .forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> paths = new java.util.HashMap<>();
        rows.forEach((leaf, titles) -> paths.put(leaf, titles.stream()
                .sorted(Map.Entry.<Integer, String>comparingByKey().reversed()).map(Map.Entry::getValue).toList()));
        return paths;
    }

    /** The committee goals that follow up this indicator. */
    List<GoalObject> linkedTo(long indicatorId) {
        return jdbc.sql("select " + COLUMNS + " from goal_object where linked_indicator_id = ? and retired = false order by title")
                .param(indicatorId).query(GoalRepository::map).list();
    }

    /** Objects of the given kinds that may be chosen as a parent: not retired, in the period, owned by the units. */
    List<GoalObject> candidates(long municipalityId, Collection<Kind> kinds, Long periodId, Collection<Long> units) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("municipality", municipalityId);
        p.put("kinds", kinds.stream().map(Kind::name).toList());
        String sql = "select " + COLUMNS + " from goal_object where municipality_id = :municipality and kind in (:kinds)"
                + " and retired = false";
        if (periodId != null) {
            p.put("period", periodId);
            sql += " and period_id = :period";
        }
        if (units != null) {
            p.put("units", units);
            sql += " and owner_unit_id in (:units)";
        }
        return jdbc.sql(sql + " order by kind, title, id").params(p).query(GoalRepository::map).list();
    }

    Map<Long, List<MeasureValue>> valuesOf(Collection<Long> objectIds) {
        if (objectIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select object_id, year, outcome, target from measure_value where object_id in (:ids) order by year")
                .param("ids", objectIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), new MeasureValue(rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** What the search and the API's list filter on; null fields do not filter. */
    record Filter(long municipalityId, Kind kind, Collection<Long> units, Long periodId, Integer year, List<String> words,
                  String koladaId, boolean retired) {
    }

    private static String where(Filter f, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where o.municipality_id = :municipality");
        p.put("municipality", f.municipalityId());
        if (!f.retired()) {
            w.append(" and o.retired = false");
        }
        if (f.kind() != null) {
            w.append(" and o.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.units() != null) {
            w.append(" and o.owner_unit_id in (:units)");
            p.put("units", f.units());
        }
        if (f.periodId() != null) {
            w.append(" and o.period_id = :period");
            p.put("period", f.periodId());
        }
        if (f.year() != null) {
            w.append(" and o.period_id in (select id from plan_period where first_year <= :year and last_year >= :year)");
            p.put("year", f.year());
        }
        List<String> words = f.words();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            text.append(i == 0 ? "" : " and ").append("lower(o.title) like :w").append(i).append(" escape '\\'");
            p.put("w" + i, "%" + words.get(i).toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.koladaId() != null) {
            p.put("kolada", f.koladaId());
            w.append(text.isEmpty() ? " and o.kolada_id = :kolada" : " and (o.kolada_id = :kolada or (" + text + "))");
        } else if (!text.isEmpty()) {
            w.append(" and ").append(text);
        }
        return w.toString();
    }

    List<GoalObject> find(Filter f, se.styr.platform.Paging paging) {
        Map<String, Object> p = new java.util.HashMap<>();
        return jdbc.sql("select " + O_COLUMNS + " from goal_object o" + where(f, p) + " order by "
                        + (f.words().isEmpty() && f.koladaId() == null ? "o.id" : "o.title, o.id") + paging.limitOffset())
                .params(p).query(GoalRepository::map).list();
    }

    long count(Filter f) {
        Map<String, Object> p = new java.util.HashMap<>();
        return jdbc.sql("select count(*) from goal_object o" + where(f, p)).params(p).query(Long.class).single();
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

    private static GoalObject map(ResultSet rs, int n) throws SQLException {
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
