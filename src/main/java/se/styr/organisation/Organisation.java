package se.styr.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.styr.platform.NotFoundException;

/** Read side of the organisation: the municipality, its tree of bodies and units, and its plan periods. */
@Service
public class Organisation {

    private final JdbcClient jdbc;

    private final OrganisationTree tree;

    Organisation(JdbcClient jdbc, OrganisationTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** A unit a form offers, with the names above it (the root first) to tell units of the same name apart. */
    public record UnitChoice(OrgUnit unit, List<String> path) {
    }

    /**
     * The active units a form offers to choose among: the bodies when nothing is searched, otherwise at most
     * {@code max} units whose name has every word of the search or whose code starts with it. A big city has
     * thousands of units; a form never lists them all.
     */
    public se.styr.platform.Paging.Page<UnitChoice> choices(long municipalityId, String search, int max) {
        se.styr.platform.Paging first = new se.styr.platform.Paging(1, max);
        List<String> words = se.styr.platform.SearchWords.of(search);
        if (words.isEmpty()) {
            List<UnitChoice> bodies = bodies(municipalityId).stream().filter(OrgUnit::active)
                    .map(u -> new UnitChoice(u, List.of())).toList();
            return first.of(bodies.size(), bodies);
        }
        var hits = tree.search(municipalityId, words, first);
        return first.of(hits.total(), hits.items().stream().filter(h -> h.unit().active())
                .map(h -> new UnitChoice(h.unit(), h.path())).toList());
    }

    public Optional<Municipality> findMunicipality(long id) {
        return jdbc.sql("select id, name, kolada_id, vision, core_values, near_target_tolerance from municipality where id = ?")
                .param(id)
                .query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6)))
                .optional();
    }

    public Municipality municipality(long id) {
        return findMunicipality(id).orElseThrow(() -> new NotFoundException("Kommunen", id));
    }

    public List<Municipality> municipalities() {
        return jdbc.sql("select id from municipality order by name").query(Long.class).list().stream()
                .map(this::municipality).toList();
    }

    /** Every unit of the municipality, parents before children, siblings in their order. */
    public List<OrgUnit> units(long municipalityId) {
        List<OrgUnit> all = jdbc.sql("""
                        select id, municipality_id, parent_id, type, name, code, position, active
                        from org_unit where municipality_id = ? order by position, name""")
                .param(municipalityId)
                .query((rs, n) -> new OrgUnit(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        OrgUnitType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getBoolean(8)))
                .list();
        return depthFirst(all);
    }

    /** Parents before children, siblings in the order given. */
    private static List<OrgUnit> depthFirst(List<OrgUnit> all) {
        Map<Long, List<OrgUnit>> byParent = all.stream().filter(u -> u.parentId() != null)
                .collect(Collectors.groupingBy(OrgUnit::parentId));
        List<OrgUnit> ordered = new ArrayList<>();
        all.stream().filter(u -> u.parentId() == null).forEach(root -> addDepthFirst(root, byParent, ordered));
        return ordered;
    }

    private static void addDepthFirst(OrgUnit unit, Map<Long, List<OrgUnit>> byParent, List<OrgUnit> into) {
        into.add(unit);
        byParent.getOrDefault(unit.id(), List.of()).forEach(child -> addDepthFirst(child, byParent, into));
    }

    public Optional<OrgUnit> findUnit(long id) {
        return jdbc.sql("""
                        select u.id, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active
                        from org_unit u where u.id = ?""")
                .param(id).query(UnitTree::map).optional();
    }

    public OrgUnit unit(long id) {
        return findUnit(id).orElseThrow(() -> new NotFoundException("Enheten", id));
    }

    /** The unit and all units below it (one query, not the whole municipality: rights are checked with it often). */
    public Set<Long> subtree(long unitId) {
        Set<Long> ids = Set.copyOf(jdbc.sql("""
                        with recursive below (id) as (
                          select id from org_unit where id = ?
                          union all
                          select c.id from org_unit c join below b on c.parent_id = b.id)
                        select id from below""")
                .param(unitId).query(Long.class).list());
        if (ids.isEmpty()) {
            throw new NotFoundException("Enheten", unitId);
        }
        return ids;
    }

    /**
     * The units of these types (the bodies, the party groups…) in the order of {@link #units(long)}, read with only
     * the units above them (to order them), not the rest of the tree.
     */
    public List<OrgUnit> units(long municipalityId, java.util.Collection<OrgUnitType> types) {
        List<OrgUnit> found = jdbc.sql("""
                        with recursive up (id) as (
                          select id from org_unit where municipality_id = :m and type in (:types)
                          union
                          select p.parent_id from org_unit p join up on p.id = up.id where p.parent_id is not null)
                        select distinct u.id, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active
                        from org_unit u join up on up.id = u.id order by u.position, u.name, u.id""")
                .param("m", municipalityId).param("types", types.stream().map(Enum::name).toList())
                .query(UnitTree::map).list();
        return depthFirst(found).stream().filter(u -> types.contains(u.type())).toList();
    }

    /** The political bodies (KF, KS, committees, companies), in the order {@link #units} lists them; only their rows are read. */
    public List<OrgUnit> bodies(long municipalityId) {
        List<String> types = java.util.Arrays.stream(OrgUnitType.values()).filter(OrgUnitType::isBody).map(Enum::name).toList();
        List<OrgUnit> found = jdbc.sql("""
                        select u.id, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active
                        from org_unit u where u.municipality_id = :m and u.type in (:types) order by u.position, u.name""")
                .param("m", municipalityId).param("types", types).query(UnitTree::map).list();
        Set<Long> ids = found.stream().map(OrgUnit::id).collect(Collectors.toSet());
        Map<Long, List<OrgUnit>> byParent = found.stream().filter(u -> u.parentId() != null && ids.contains(u.parentId()))
                .collect(Collectors.groupingBy(OrgUnit::parentId));
        List<OrgUnit> ordered = new ArrayList<>();
        found.stream().filter(u -> u.parentId() == null || !ids.contains(u.parentId()))
                .forEach(top -> addDepthFirst(top, byParent, ordered));
        return ordered;
    }

    public List<PlanPeriod> periods(long municipalityId) {
        return jdbc.sql("select id, municipality_id, name, first_year, last_year, illustrative from plan_period where municipality_id = ?")
                .param(municipalityId)
                .query((rs, n) -> new PlanPeriod(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)))
                .list().stream().sorted(Comparator.comparing(PlanPeriod::illustrative)
                        .thenComparing(Comparator.comparingInt(PlanPeriod::firstYear).reversed())).toList();
    }

    /**
     * One page of the plan periods (the API's list), in the order of {@link #periods(long)}; {@code year} keeps the
     * periods that cover it, {@code illustrative} the illustrative ones or the others.
     */
    public se.styr.platform.Paging.Page<PlanPeriod> periods(long municipalityId, Integer year, Boolean illustrative,
                                                           se.styr.platform.Paging paging) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("m", municipalityId);
        StringBuilder where = new StringBuilder(" from plan_period where municipality_id = :m");
        if (year != null) {
            where.append(" and first_year <= :year and last_year >= :year");
            p.put("year", year);
        }
        if (illustrative != null) {
            where.append(" and illustrative = :illustrative");
            p.put("illustrative", illustrative);
        }
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of() : jdbc.sql(
                        "select id, municipality_id, name, first_year, last_year, illustrative" + where
                                + " order by illustrative, first_year desc, id desc" + paging.limitOffset())
                .params(p)
                .query((rs, n) -> new PlanPeriod(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)))
                .list());
    }

    public Optional<PlanPeriod> findPeriod(long id) {
        return jdbc.sql("select id, municipality_id, name, first_year, last_year, illustrative from plan_period where id = ?")
                .param(id)
                .query((rs, n) -> new PlanPeriod(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)))
                .optional();
    }

    /** The API's list of units, by id, one page at a time; {@code type} and {@code parentId} filter when given. */
    public se.styr.platform.Paging.Page<OrgUnit> units(long municipalityId, OrgUnitType type, Long parentId,
                                                       se.styr.platform.Paging paging) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("m", municipalityId);
        StringBuilder where = new StringBuilder(" from org_unit where municipality_id = :m");
        if (type != null) {
            where.append(" and type = :type");
            p.put("type", type.name());
        }
        if (parentId != null) {
            where.append(" and parent_id = :parent");
            p.put("parent", parentId);
        }
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        List<OrgUnit> items = total == 0 ? List.of() : jdbc.sql("select id, municipality_id, parent_id, type, name, code, position, active"
                        + where + " order by id" + paging.limitOffset())
                .params(p)
                .query((rs, n) -> new OrgUnit(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        OrgUnitType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8)))
                .list();
        return paging.of(total, items);
    }
}
