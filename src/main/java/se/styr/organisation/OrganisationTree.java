package se.styr.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.SearchWords;

/**
 * The organisation page's reads: the top of the tree, one unit opened, and the search by name or code. Each reads the
 * units it shows with a fixed number of statements, and counts what lies under a closed unit in SQL.
 */
@Service
class OrganisationTree {

    /** The levels under the root that the page opens with: KF and KS open, the bodies and the rest below them closed. */
    static final int TOP_LEVELS = 2;

    private static final String COLUMNS = "u.id, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active";
    private static final String CHILD_COUNT = "(select count(*) from org_unit k where k.parent_id = u.id)";

    private final JdbcClient jdbc;
    private final UnitTree units;

    OrganisationTree(JdbcClient jdbc, UnitTree units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * A unit in the tree: open with its children, or closed with the number of units directly below it. The node is
     * what a later edit button (rename, move, add a unit under it) acts on.
     */
    public record UnitNode(OrgUnit unit, int childCount, List<UnitNode> children) {

        public boolean open() {
            return !children.isEmpty();
        }
    }

    /** A unit found by the search, with the names of the units above it (the root first). */
    public record Hit(OrgUnit unit, List<String> path) {
    }

    private record Row(OrgUnit unit, int childCount) {
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(UnitTree.map(rs, n), rs.getInt(9));
    }

    /** The root(s) of the municipality opened {@link #TOP_LEVELS} deep; the units at the last level are closed. */
    List<UnitNode> top(long municipalityId) {
        List<Row> rows = jdbc.sql("""
                        with recursive shown(id, depth) as (
                          select id, 0 from org_unit where municipality_id = :m and parent_id is null
                          union all
                          select c.id, s.depth + 1 from org_unit c join shown s on c.parent_id = s.id where s.depth < :levels)
                        select %s, %s from org_unit u join shown s on s.id = u.id order by u.position, u.name"""
                        .formatted(COLUMNS, CHILD_COUNT))
                .param("m", municipalityId).param("levels", TOP_LEVELS).query(OrganisationTree::row).list();
        return tree(rows, rows.stream().filter(r -> r.unit().parentId() == null).map(Row::unit).toList());
    }

    /** One unit of the municipality, open (with its children, each closed) or closed. */
    UnitNode node(long municipalityId, long unitId, boolean open) {
        List<Row> rows = jdbc.sql("select %s, %s from org_unit u where u.id = :id%s order by u.position, u.name"
                        .formatted(COLUMNS, CHILD_COUNT, open ? " or u.parent_id = :id" : ""))
                .param("id", unitId).query(OrganisationTree::row).list();
        OrgUnit unit = rows.stream().map(Row::unit).filter(u -> u.id() == unitId && u.municipalityId() == municipalityId)
                .findFirst().orElseThrow(() -> new NotFoundException("Enheten", unitId));
        return tree(rows, List.of(unit)).get(0);
    }

    /** The units above this one, the root first (for the branch page's breadcrumbs). */
    List<OrgUnit> above(long unitId) {
        List<OrgUnit> up = new ArrayList<>(units.ancestors(unitId));
        if (!up.isEmpty()) {
            up.remove(0);
        }
        java.util.Collections.reverse(up);
        return up;
    }

    /** Units whose name has every word, or whose code starts with the query, a page at a time, by name. */
    Paging.Page<Hit> search(long municipalityId, List<String> words, Paging paging) {
        if (words.isEmpty()) {
            return paging.of(0, List.of());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("m", municipalityId);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            name.append(i == 0 ? "" : " and ").append("lower(u.name) like :w").append(i).append(" escape '\\'");
            p.put("w" + i, "%" + SearchWords.escaped(words.get(i)) + "%");
        }
        String where = " from org_unit u where u.municipality_id = :m and ((" + name + ")";
        if (words.size() == 1) {
            where += " or lower(u.code) like :code escape '\\'";
            p.put("code", SearchWords.escaped(words.get(0)) + "%");
        }
        where += ")";
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        if (total == 0) {
            return paging.of(0, List.of());
        }
        List<OrgUnit> found = jdbc.sql("select " + COLUMNS + where + " order by lower(u.name), u.id" + paging.limitOffset())
                .params(p).query(UnitTree::map).list();
        Map<Long, List<String>> paths = paths(found.stream().map(OrgUnit::id).toList());
        return paging.of(total, found.stream().map(u -> new Hit(u, paths.getOrDefault(u.id(), List.of()))).toList());
    }

    /** Each unit's path: the names above it, the root first. */
    private Map<Long, List<String>> paths(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Map.Entry<Integer, String>>> rows = new HashMap<>();
        jdbc.sql("""
                        with recursive up(leaf, id, depth) as (
                          select id, parent_id, 1 from org_unit where id in (:ids) and parent_id is not null
                          union all
                          select up.leaf, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.id where u.parent_id is not null)
                        select up.leaf, up.depth, u.name from up join org_unit u on u.id = up.id""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), Map.entry(rs.getInt(2), rs.getString(3)))).list()
                .forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> paths = new HashMap<>();
        rows.forEach((leaf, names) -> paths.put(leaf, names.stream()
                .sorted(Map.Entry.<Integer, String>comparingByKey().reversed()).map(Map.Entry::getValue).toList()));
        return paths;
    }

    /** The nodes of these units, each with the children read among the rows (open) or its count alone (closed). */
    private static List<UnitNode> tree(List<Row> rows, List<OrgUnit> tops) {
        Map<Long, List<Row>> byParent = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (Row r : rows) {
            counts.put(r.unit().id(), r.childCount());
            if (r.unit().parentId() != null) {
                byParent.computeIfAbsent(r.unit().parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        return tops.stream().map(u -> build(u, byParent, counts)).toList();
    }

    private static UnitNode build(OrgUnit unit, Map<Long, List<Row>> byParent, Map<Long, Integer> counts) {
        List<UnitNode> children = byParent.getOrDefault(unit.id(), List.of()).stream()
                .map(r -> build(r.unit(), byParent, counts)).toList();
        return new UnitNode(unit, counts.getOrDefault(unit.id(), 0), children);
    }
}
