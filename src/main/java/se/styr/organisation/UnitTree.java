package se.styr.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Targeted reads of the organisation tree for pages that show a part of it: one unit's subtree with depths, or
 * the units with given ids. Each is one query, whatever the size of the municipality.
 */
@Service
public class UnitTree {

    private static final String COLUMNS = "u.id, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active";

    private final JdbcClient jdbc;

    UnitTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A unit and every unit below it, parents before children and siblings in their order (as
     * {@link Organisation#units} lists them), each with its depth below the root (the root is 0).
     */
    public record Subtree(OrgUnit root, List<OrgUnit> units, Map<Long, Integer> depths, Map<Long, OrgUnit> byId) {

        public boolean contains(long unitId) {
            return depths.containsKey(unitId);
        }

        public int depth(long unitId) {
            return depths.get(unitId);
        }

        public Set<Long> ids() {
            return depths.keySet();
        }

        /** The unit with this id in the subtree, or null. */
        public OrgUnit unit(long unitId) {
            return byId.get(unitId);
        }
    }

    /** The subtree under a unit; null when there is no such unit. */
    public Subtree of(long unitId) {
        List<OrgUnit> all = jdbc.sql("""
                        with recursive below (id) as (
                          select id from org_unit where id = :root
                          union all
                          select c.id from org_unit c join below b on c.parent_id = b.id)
                        select %s from org_unit u join below b on b.id = u.id""".formatted(COLUMNS))
                .param("root", unitId).query(UnitTree::map).list();
        OrgUnit root = all.stream().filter(u -> u.id() == unitId).findFirst().orElse(null);
        if (root == null) {
            return null;
        }
        Map<Long, List<OrgUnit>> byParent = new HashMap<>();
        all.stream().filter(u -> u.parentId() != null).sorted(Comparator.comparingInt(OrgUnit::position).thenComparing(OrgUnit::name))
                .forEach(u -> byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u));
        List<OrgUnit> ordered = new ArrayList<>();
        Map<Long, Integer> depths = new LinkedHashMap<>();
        addDepthFirst(root, 0, byParent, ordered, depths);
        Map<Long, OrgUnit> byId = new HashMap<>();
        ordered.forEach(u -> byId.put(u.id(), u));
        return new Subtree(root, List.copyOf(ordered), depths, byId);
    }

    private static void addDepthFirst(OrgUnit unit, int depth, Map<Long, List<OrgUnit>> byParent, List<OrgUnit> into,
                                      Map<Long, Integer> depths) {
        into.add(unit);
        depths.put(unit.id(), depth);
        byParent.getOrDefault(unit.id(), List.of()).forEach(child -> addDepthFirst(child, depth + 1, byParent, into, depths));
    }

    /** The units with these ids, by id. */
    public Map<Long, OrgUnit> byIds(Collection<Long> ids) {
        Map<Long, OrgUnit> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from org_unit u where u.id in (:ids)").param("ids", Set.copyOf(ids))
                    .query(UnitTree::map).list().forEach(u -> result.put(u.id(), u));
        }
        return result;
    }

    /** The units with these ids and every unit above them, by id: what it takes to name them and find their bodies. */
    public Map<Long, OrgUnit> withAncestors(Collection<Long> ids) {
        Map<Long, OrgUnit> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            with recursive up (id) as (
                              select id from org_unit where id in (:ids)
                              union
                              select p.parent_id from org_unit p join up on p.id = up.id where p.parent_id is not null)
                            select distinct %s from org_unit u join up on up.id = u.id""".formatted(COLUMNS))
                    .param("ids", Set.copyOf(ids)).query(UnitTree::map).list().forEach(u -> result.put(u.id(), u));
        }
        return result;
    }

    /**
     * The unit and the units below it, without descending into units of the given types (and leaving those out): a
     * committee's own units, not those of the committees placed below it. One query.
     */
    public Set<Long> below(long unitId, Collection<OrgUnitType> stopAt) {
        return Set.copyOf(jdbc.sql("""
                        with recursive own (id) as (
                          select id from org_unit where id = :root
                          union all
                          select c.id from org_unit c join own o on c.parent_id = o.id where c.type not in (:stop))
                        select id from own""")
                .param("root", unitId).param("stop", stopAt.stream().map(Enum::name).toList()).query(Long.class).list());
    }

    /** The units directly below any of these. */
    public List<OrgUnit> children(Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.parent_id in (:ids) order by u.position, u.name")
                .param("ids", Set.copyOf(parentIds)).query(UnitTree::map).list();
    }

    /** The unit and the units above it, the unit first and the root last; empty when there is no such unit. */
    public List<OrgUnit> ancestors(long unitId) {
        return jdbc.sql("""
                        with recursive up(id, depth) as (
                          select id, 0 from org_unit where id = :id
                          union all
                          select p.parent_id, up.depth + 1 from org_unit p join up on p.id = up.id where p.parent_id is not null)
                        select %s from org_unit u join up on up.id = u.id order by up.depth""".formatted(COLUMNS))
                .param("id", unitId).query(UnitTree::map).list();
    }

    /** The top of the municipality's organisation (its council, KF); null when it has no units. */
    public OrgUnit root(long municipalityId) {
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.municipality_id = ? and u.parent_id is null"
                        + " order by u.position, u.id limit 1")
                .param(municipalityId).query(UnitTree::map).optional().orElse(null);
    }

    static OrgUnit map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OrgUnit(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), OrgUnitType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8));
    }
}
