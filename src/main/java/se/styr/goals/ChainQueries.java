package se.styr.goals;

import static se.styr.goals.GoalRepository.COLUMNS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    record Scope(long municipalityId, Collection<Long> units, long topOwner, boolean retired, Collection<Long> relevant,
                 Long period) {

        Scope(long municipalityId, Collection<Long> units, long topOwner, boolean retired) {
            this(municipalityId, units, topOwner, retired, null, null);
        }

        /** The same scope whose top level is the plan period's (and the objects of no period). */
        Scope in(Long periodId) {
            return new Scope(municipalityId, units, topOwner, retired, relevant, periodId);
        }
    }

    /**
     * The body's scope with the ids of its part of the chain read once: the objects its units own and those above
     * them, so that a view's levels and counts do not each walk the chain again; the whole municipality's as it is.
     * The chain is at most four levels deep (focus area, priority goal, committee goal, key figure; see {@link Kind}),
     * so one query with three parents joined finds the tops; a deeper chain is walked on, one level a query.
     */
    Scope resolved(Scope scope) {
        if (scope.units() == null || scope.relevant() != null) {
            return scope;
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        java.util.Set<Long> further = new java.util.HashSet<>();
        jdbc.sql("""
                        select o.id, p1.id, p2.id, p3.id, p3.parent_id from goal_object o
                        left join goal_object p1 on p1.id = o.parent_id left join goal_object p2 on p2.id = p1.parent_id
                        left join goal_object p3 on p3.id = p2.parent_id
                        where o.municipality_id = :municipality and o.owner_unit_id in (:units)"""
                        + (scope.retired() ? "" : " and o.retired = false"))
                .param("municipality", scope.municipalityId()).param("units", scope.units())
                .query(rs -> {
                    for (int i = 1; i <= 4; i++) {
                        long id = rs.getLong(i);
                        if (!rs.wasNull()) {
                            ids.add(id);
                        }
                    }
                    long above = rs.getLong(5);
                    if (!rs.wasNull()) {
                        further.add(above);
                    }
                });
        for (int level = 0; level < 100 && !further.isEmpty(); level++) {
            further.removeAll(ids);
            ids.addAll(further);
            List<Long> next = further.isEmpty() ? List.of() : jdbc.sql("select parent_id from goal_object where id in (:ids) and parent_id is not null")
                    .param("ids", Set.copyOf(further)).query(Long.class).list();
            further.clear();
            further.addAll(next);
        }
        return new Scope(scope.municipalityId(), scope.units(), scope.topOwner(), scope.retired(), Set.copyOf(ids), scope.period());
    }

    /** Limits {@code o} to the scope: nothing for the whole municipality, the body's part of the chain otherwise. */
    private static String limit(Scope scope, Map<String, Object> p) {
        if (scope.units() == null) {
            return "";
        }
        if (scope.relevant() == null) {
            throw new IllegalStateException("A body's scope is read resolved");
        }
        p.put("relevant", scope.relevant());
        return " and o.id in (:relevant)";
    }

    private static boolean empty(Scope scope) {
        return scope.relevant() != null && scope.relevant().isEmpty();
    }


    private static String prefixed(String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> "o." + c.strip()).collect(Collectors.joining(", "));
    }

    private static final String O_COLUMNS = prefixed(COLUMNS);

    /** {@code select ... from goal_object o where <condition>} limited to the scope, in the tree's order. */
    private List<GoalObject> inScope(Scope scope, String condition, Map<String, Object> params) {
        if (empty(scope)) {
            return List.of();
        }
        Map<String, Object> p = new java.util.HashMap<>(params);
        p.put("municipality", scope.municipalityId());
        String sql = "select " + O_COLUMNS + " from goal_object o where o.municipality_id = :municipality and "
                + condition + (scope.retired() ? "" : " and o.retired = false") + limit(scope, p);
        return jdbc.sql(sql + " order by o.position, o.id").params(p).query(GoalRepository::map).list();
    }

    /** The top of the scope: KF's roots for the whole municipality, or the roots that lead to the body's objects. */
    List<GoalObject> roots(Scope scope) {
        Map<String, Object> p = new java.util.HashMap<>();
        String period = "";
        if (scope.period() != null) {
            p.put("period", scope.period());
            period = " and (o.period_id = :period or o.period_id is null)";
        }
        if (scope.units() == null) {
            p.put("top", scope.topOwner());
            return inScope(scope, "o.parent_id is null and o.owner_unit_id = :top" + period, p);
        }
        return inScope(scope, "o.parent_id is null" + period, p);
    }

    /** The plan periods the municipality's objects belong to. */
    List<Long> periodsInUse(long municipalityId) {
        return jdbc.sql("select distinct period_id from goal_object where municipality_id = ? and period_id is not null")
                .param(municipalityId).query(Long.class).list();
    }

    List<GoalObject> children(Scope scope, Collection<Long> parentIds) {
        return parentIds.isEmpty() ? List.of() : inScope(scope, "o.parent_id in (:parents)", Map.of("parents", parentIds));
    }

    /** How many children in the scope each of the parents has (the ones without are left out). */
    Map<Long, Integer> childCounts(Scope scope, Collection<Long> parentIds) {
        if (parentIds.isEmpty() || empty(scope)) {
            return Map.of();
        }
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("parents", parentIds);
        p.put("municipality", scope.municipalityId());
        String sql = "select o.parent_id, count(*) from goal_object o where o.parent_id in (:parents)"
                + (scope.retired() ? "" : " and o.retired = false") + limit(scope, p);
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

    /**
     * The object's history from its predecessors in earlier plan periods, read in one query however long the chain
     * (a recursive walk along predecessor_id): of each predecessor the years before its successor's period begins.
     */
    List<GoalViews.Earlier> history(long id) {
        record Row(int depth, long objectId, String periodName, Integer firstYear, MeasureValue value) {
        }
        List<Row> rows = jdbc.sql("""
                        with recursive back(id, depth) as (
                          select id, 0 from goal_object where id = :id
                          union all
                          select g.predecessor_id, back.depth + 1 from goal_object g join back on g.id = back.id
                          where g.predecessor_id is not null and back.depth < 200)
                        select back.depth, o.id, p.name, p.first_year, v.year, v.outcome, v.target
                        from back join goal_object o on o.id = back.id left join plan_period p on p.id = o.period_id
                        left join measure_value v on v.object_id = o.id
                        order by back.depth, v.year""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Integer.class),
                        rs.getObject(5, Integer.class) == null ? null
                                : new MeasureValue(rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7))))
                .list();
        java.util.Map<Integer, Integer> firstYearAt = new java.util.HashMap<>();
        rows.forEach(r -> firstYearAt.putIfAbsent(r.depth(), r.firstYear() == null ? Integer.MAX_VALUE : r.firstYear()));
        java.util.List<GoalViews.Earlier> earlier = new java.util.ArrayList<>();
        // walking back, each predecessor contributes the years before the earliest year already covered
        int before = Integer.MAX_VALUE;
        int depth = 0;
        for (Row r : rows) {
            if (r.depth() != depth) {
                before = Math.min(before, firstYearAt.getOrDefault(depth, Integer.MAX_VALUE));
                depth = r.depth();
            }
            if (r.depth() > 0 && r.value() != null && r.value().year() < before) {
                earlier.add(new GoalViews.Earlier(r.value(), r.objectId(), r.periodName()));
            }
        }
        earlier.sort(java.util.Comparator.comparingInt(e -> e.value().year()));
        return earlier;
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
            p.put("w" + i, "%" + se.styr.platform.SearchWords.escaped(words.get(i)) + "%");
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
