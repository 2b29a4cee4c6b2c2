package se.styr.goals;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Batch reads of the goal chain for other modules' pages, which show a known part of it: objects by id, the children
 * of given objects, the values of given objects, the objects of given owners. One query each, whatever the size of
 * the municipality; callers check rights and the municipality as they read.
 */
@Service
public class GoalQueries {

    private final JdbcClient jdbc;

    GoalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The municipality's objects with these ids, in the chain's order (position, id). */
    public List<GoalObject> objects(long municipalityId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + GoalRepository.COLUMNS
                        + " from goal_object where municipality_id = :m and id in (:ids) order by position, id")
                .param("m", municipalityId).param("ids", Set.copyOf(ids)).query(GoalRepository::map).list();
    }

    /** The active children of a kind under each of these objects, in order (position, id), by parent. */
    public Map<Long, List<GoalObject>> activeChildren(Collection<Long> parentIds, Kind kind) {
        Map<Long, List<GoalObject>> byParent = new LinkedHashMap<>();
        if (parentIds.isEmpty()) {
            return byParent;
        }
        jdbc.sql("select " + GoalRepository.COLUMNS
                        + " from goal_object where parent_id in (:parents) and kind = :kind and retired = false order by position, id")
                .param("parents", Set.copyOf(parentIds)).param("kind", kind.name()).query(GoalRepository::map).list()
                .forEach(o -> byParent.computeIfAbsent(o.parentId(), k -> new java.util.ArrayList<>()).add(o));
        return byParent;
    }

    /** The yearly values of each of these objects, by year. */
    public Map<Long, List<MeasureValue>> values(Collection<Long> objectIds) {
        Map<Long, List<MeasureValue>> byObject = new HashMap<>();
        if (objectIds.isEmpty()) {
            return byObject;
        }
        jdbc.sql("select object_id, year, outcome, target from measure_value where object_id in (:ids) order by year")
                .param("ids", Set.copyOf(objectIds))
                .query((rs, n) -> byObject.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new MeasureValue(rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4))))
                .list();
        return byObject;
    }

    /**
     * The active objects of these kinds owned by these units, of the plan period (or of none) when one is given,
     * leaving out the ids in {@code except}; in the chain's order (position, id).
     */
    public List<GoalObject> owned(long municipalityId, Collection<Long> ownerUnitIds, Collection<Kind> kinds, Long periodId,
                                  Collection<Long> except) {
        if (ownerUnitIds.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + GoalRepository.COLUMNS + """
                         from goal_object where municipality_id = :m and owner_unit_id in (:owners) and kind in (:kinds)
                          and retired = false and (cast(:period as bigint) is null or period_id is null or period_id = :period)
                          and id not in (:except)
                        order by position, id""")
                .param("m", municipalityId).param("owners", Set.copyOf(ownerUnitIds))
                .param("kinds", kinds.stream().map(Kind::name).toList()).param("period", periodId)
                .param("except", except.isEmpty() ? List.of(-1L) : Set.copyOf(except))
                .query(GoalRepository::map).list();
    }
}
