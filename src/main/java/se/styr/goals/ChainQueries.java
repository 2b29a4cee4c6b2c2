package se.styr.goals;

import static se.styr.goals.GoalRepository.COLUMNS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries that read parts of the chain for {@link ChainReader}: a level of the tree, the children counted, the key
 * figures and values behind what is shown, ancestors and paths, and the filtered, paged lists. Each is bounded by what
 * a page shows, whatever the size of the municipality.
 */
@Repository
class ChainQueries {

    private final JdbcClient jdbc;

    ChainQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /** The units that own the object and its children. */
    List<Long> ownersAround(long id) {
        return jdbc.sql("select distinct owner_unit_id from goal_object where id = :id or parent_id = :id")
                .param("id", id).query(Long.class).list();
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
}
