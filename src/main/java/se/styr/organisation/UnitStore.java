package se.styr.organisation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import se.styr.platform.NotFoundException;

/** The SQL of {@link OrganisationAdmin}: each method one or two statements, whatever the size of the municipality. */
@Repository
class UnitStore {

    private static final String COLUMNS = "u.id, u.municipality_id, u.parent_id, u.type, u.name, u.code, u.position, u.active";

    private final JdbcClient jdbc;

    private final se.styr.platform.MunicipalityLock municipalityLock;

    UnitStore(JdbcClient jdbc, se.styr.platform.MunicipalityLock municipalityLock) {
        this.municipalityLock = municipalityLock;
        this.jdbc = jdbc;
    }

    OrganisationAdmin.EditableUnit editable(long municipalityId, long unitId) {
        return jdbc.sql("select " + COLUMNS + ", u.version from org_unit u where u.id = ? and u.municipality_id = ?")
                .params(unitId, municipalityId)
                .query((rs, n) -> new OrganisationAdmin.EditableUnit(UnitTree.map(rs, n), rs.getInt(9)))
                .optional().orElseThrow(() -> new NotFoundException("Enheten", unitId));
    }

    /**
     * Takes the municipality's row lock for the rest of the transaction: changes to one municipality's tree run one
     * after the other, so two moves cannot make a cycle together and two units cannot take the same code.
     */
    void lock(long municipalityId) {
        municipalityLock.hold(municipalityId);
    }

    long insert(long municipalityId, long parentId, OrgUnitType type, String name, String code) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code, position) values (?, ?, ?, ?, ?, ?)")
                .params(municipalityId, parentId, type.name(), name, code, Integer.MAX_VALUE).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long unitId, OrgUnitType type, String name, String code) {
        jdbc.sql("update org_unit set type = ?, name = ?, code = ?, version = version + 1 where id = ?")
                .params(type.name(), name, code, unitId).update();
    }

    void moveTo(long unitId, long parentId) {
        jdbc.sql("update org_unit set parent_id = ?, version = version + 1 where id = ?").params(parentId, unitId).update();
    }

    void bumpVersion(long unitId) {
        jdbc.sql("update org_unit set version = version + 1 where id = ?").param(unitId).update();
    }

    void setActive(Collection<Long> unitIds, boolean active) {
        jdbc.sql("update org_unit set active = :active, version = version + 1 where id in (:ids)")
                .param("active", active).param("ids", Set.copyOf(unitIds)).update();
    }

    /** The siblings' ids in their order (position, then name as the tree shows them). */
    private List<Long> siblings(long parentId) {
        return jdbc.sql("select id from org_unit where parent_id = ? order by position, name, id").param(parentId)
                .query(Long.class).list();
    }

    /** The 1-based place of the unit among its parent's units. */
    int placeOf(long parentId, long unitId) {
        return siblings(parentId).indexOf(unitId) + 1;
    }

    /**
     * Numbers the parent's units 1, 2, 3… in their order, with {@code unitId} (when given) put at the 1-based
     * {@code position} (null or past the end: last). One read and at most one update.
     */
    void placeAmongSiblings(long parentId, Long unitId, Integer position) {
        List<Long> order = new ArrayList<>(siblings(parentId));
        if (unitId != null) {
            order.remove(unitId);
            int at = position == null ? order.size() : Math.max(0, Math.min(order.size(), position - 1));
            order.add(at, unitId);
        }
        if (order.isEmpty()) {
            return;
        }
        StringBuilder cases = new StringBuilder("case id");
        for (int i = 0; i < order.size(); i++) {
            cases.append(" when ").append(order.get(i)).append(" then ").append(i + 1);
        }
        cases.append(" end");
        jdbc.sql("update org_unit set position = " + cases + " where parent_id = :parent and id in (:ids)")
                .param("parent", parentId).param("ids", order).update();
    }

    List<OrgUnitType> childTypes(long unitId) {
        return jdbc.sql("select distinct type from org_unit where parent_id = ?").param(unitId).query(String.class).list()
                .stream().map(OrgUnitType::valueOf).toList();
    }

    /** The unit and every unit below it. */
    Set<Long> subtreeIds(long unitId) {
        return Set.copyOf(jdbc.sql("""
                        with recursive below (id) as (
                          select id from org_unit where id = ?
                          union all
                          select c.id from org_unit c join below b on c.parent_id = b.id)
                        select id from below""")
                .param(unitId).query(Long.class).list());
    }

    /** The active units below the unit (not the unit itself). */
    List<Long> activeBelow(long unitId) {
        return jdbc.sql("""
                        with recursive below (id) as (
                          select id from org_unit where parent_id = ?
                          union all
                          select c.id from org_unit c join below b on c.parent_id = b.id)
                        select u.id from org_unit u join below b on b.id = u.id where u.active = true""")
                .param(unitId).query(Long.class).list();
    }

    /** The name of another unit of the municipality that has this code (in any case), if one does. */
    Optional<String> codeHolder(long municipalityId, String code, Long self) {
        return jdbc.sql("select name from org_unit where municipality_id = ? and lower(code) = lower(?) and id <> ?"
                        + " order by id limit 1")
                .params(municipalityId, code, self == null ? -1L : self).query(String.class).optional();
    }

    /** Records a change in the unit's history; the unit is as it is after the change. */
    void recordHistory(OrgUnit unit, String change, Long earlierParentId, String earlierName, String earlierCode,
                       String actorName) {
        jdbc.sql("""
                        insert into org_unit_history (unit_id, at, actor, actor_name, change, earlier_name, earlier_code,
                          earlier_parent_id, earlier_parent_name, name, code, parent_id, parent_name)
                        select ?, ?, ?, ?, ?, ?, ?, ?, (select name from org_unit where id = ?), ?, ?, ?,
                          (select name from org_unit where id = ?)""")
                .params(unit.id(), OffsetDateTime.now(ZoneOffset.UTC), actor(), cut(actorName, 300), change, earlierName,
                        earlierCode, earlierParentId, earlierParentId, unit.name(), unit.code(), unit.parentId(),
                        unit.parentId())
                .update();
    }

    /** The unit's history, newest first. */
    List<UnitHistory> history(long unitId) {
        return jdbc.sql("""
                        select at, actor_name, change, earlier_name, earlier_code, earlier_parent_name, name, code, parent_name
                        from org_unit_history where unit_id = ? order by at desc, id desc""")
                .param(unitId)
                .query((rs, n) -> new UnitHistory(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
        return cut(name, 100);
    }

    private static String cut(String s, int max) {
        return s == null ? "system" : s.length() > max ? s.substring(0, max) : s;
    }
}
