package se.styr.goals.nextyear;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.styr.goals.Kind;

/**
 * The SQL of carrying the goal chain into the next period. A level of the chain is copied with one statement
 * (insert ... select), so carrying a body costs a number of statements bounded by the chain's depth, not its size.
 */
@Repository
class CarryRepository {

    /** How many objects of a kind an owner unit has in the old period, by what happens to them. */
    record Count(long ownerUnitId, Kind kind, boolean ownerActive, boolean carried, boolean finished, long count) {
    }

    private static final String CARRIED = """
            (exists (select 1 from goal_object s where s.predecessor_id = o.id)
             or exists (select 1 from internal_control_draft d where d.predecessor_id = o.id))""";

    private final JdbcClient jdbc;

    CarryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Count> counts(long municipalityId, long fromPeriod) {
        return jdbc.sql("""
                        select owner_unit_id, kind, active, carried, finished, count(*) from (
                          select o.owner_unit_id, o.kind, u.active, %s as carried,
                            case when o.kind = 'UPPDRAG' and o.status = 'FARDIG' then true else false end as finished
                          from goal_object o join org_unit u on u.id = o.owner_unit_id
                          where o.municipality_id = :m and o.period_id = :p and o.retired = false) x
                        group by owner_unit_id, kind, active, carried, finished""".formatted(CARRIED))
                .param("m", municipalityId).param("p", fromPeriod)
                .query((rs, n) -> new Count(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getLong(6)))
                .list();
    }

    /** The old period's active objects owned by these units, in the chain's order, with whether each was carried. */
    List<OldObject> rows(long municipalityId, long fromPeriod, Collection<Long> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROWS + " and o.owner_unit_id in (:units) order by o.position, o.id")
                .param("m", municipalityId).param("p", fromPeriod).param("units", Set.copyOf(units)).query(CarryRepository::row).list();
    }

    private static final String ROWS = """
            select o.id, o.kind, o.parent_id, o.owner_unit_id, o.title, o.position, o.status, u.active, %s,
              (p.id is null or exists (select 1 from goal_object ps where ps.predecessor_id = p.id)), p.title
            from goal_object o join org_unit u on u.id = o.owner_unit_id
            left join goal_object p on p.id = o.parent_id
            where o.municipality_id = :m and o.period_id = :p and o.retired = false""".formatted(CARRIED);

    private static OldObject row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OldObject(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, Long.class), rs.getLong(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10),
                rs.getString(11));
    }

    /** The old period's objects with these ids (active ones only), for checking a choice. */
    List<OldObject> rowsByIds(long municipalityId, long fromPeriod, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROWS + " and o.id in (:ids) order by o.position, o.id")
                .param("m", municipalityId).param("p", fromPeriod).param("ids", Set.copyOf(ids)).query(CarryRepository::row).list();
    }

    /** The periods that objects of the old period were carried into so far (one, unless something went wrong). */
    List<Long> targetsOf(long municipalityId, long fromPeriod) {
        return jdbc.sql("""
                        select distinct s.period_id from goal_object s join goal_object o on o.id = s.predecessor_id
                        where o.municipality_id = :m and o.period_id = :p
                        union
                        select distinct d.period_id from internal_control_draft d join goal_object o on o.id = d.predecessor_id
                        where o.municipality_id = :m and o.period_id = :p""")
                .param("m", municipalityId).param("p", fromPeriod).query(Long.class).list();
    }

    /**
     * Copies one level of the chain into the period: the parent becomes the parent's successor, a committee goal's
     * indicator the indicator's successor when it has one, and the judgement (of the old year) stays behind.
     */
    void copyLevel(long targetPeriod, Collection<Long> ids) {
        jdbc.sql("""
                        insert into goal_object (municipality_id, kind, parent_id, owner_unit_id, period_id, position, title,
                          description, direction, measure_unit, source, kolada_id, steering, near_target_tolerance,
                          linked_indicator_id, link_motivation, agenda2030_goal, agenda2030_target, judgement, judgement_text,
                          given_by_unit_id, due_date, status, perspective, frequency, process, risk_value, control_method,
                          responsible, follow_up_occasion, retired, version, predecessor_id)
                        select o.municipality_id, o.kind, (select s.id from goal_object s where s.predecessor_id = o.parent_id),
                          o.owner_unit_id, :period, o.position, o.title, o.description, o.direction, o.measure_unit, o.source,
                          o.kolada_id, o.steering, o.near_target_tolerance,
                          coalesce((select s.id from goal_object s where s.predecessor_id = o.linked_indicator_id), o.linked_indicator_id),
                          o.link_motivation, o.agenda2030_goal, o.agenda2030_target, null, null, o.given_by_unit_id, o.due_date,
                          o.status, o.perspective, o.frequency, o.process, o.risk_value, o.control_method, o.responsible,
                          o.follow_up_occasion, false, 0, o.id
                        from goal_object o where o.id in (:ids)""")
                .param("period", targetPeriod).param("ids", Set.copyOf(ids)).update();
    }

    /** The values of the new period's years (targets decided ahead, outcomes already entered) go with the copies. */
    int copyValues(Collection<Long> predecessorIds, int fromYear) {
        return jdbc.sql("""
                        insert into measure_value (object_id, year, outcome, target)
                        select n.id, v.year, v.outcome, v.target from goal_object n join measure_value v on v.object_id = n.predecessor_id
                        where n.predecessor_id in (:ids) and v.year >= :year""")
                .param("ids", Set.copyOf(predecessorIds)).param("year", fromYear).update();
    }

    /**
     * Committee goals of the period still linked to an indicator of the old period whose successor now exists (the
     * indicator was carried after them) are linked to the successor; returns their ids.
     */
    List<Long> relink(long municipalityId, long targetPeriod) {
        List<Long> ids = jdbc.sql("""
                        select g.id from goal_object g join goal_object s on s.predecessor_id = g.linked_indicator_id
                        where g.municipality_id = :m and g.period_id = :period""")
                .param("m", municipalityId).param("period", targetPeriod).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            update goal_object set linked_indicator_id = (select s.id from goal_object s
                              where s.predecessor_id = goal_object.linked_indicator_id), version = version + 1
                            where id in (:ids)""")
                    .param("ids", Set.copyOf(ids)).update();
        }
        return ids;
    }

    /** The successors of these objects: new id by old id. */
    Map<Long, Long> successors(Collection<Long> predecessorIds) {
        if (predecessorIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select predecessor_id, id from goal_object where predecessor_id in (:ids)")
                .param("ids", Set.copyOf(predecessorIds))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void insertDrafts(long municipalityId, long targetPeriod, Collection<Long> pointIds) {
        jdbc.sql("""
                        insert into internal_control_draft (municipality_id, period_id, predecessor_id, state, version)
                        select :m, :period, o.id, 'UTKAST', 0 from goal_object o where o.id in (:ids)""")
                .param("m", municipalityId).param("period", targetPeriod).param("ids", Set.copyOf(pointIds)).update();
    }

    long pendingDrafts(long periodId) {
        return jdbc.sql("select count(*) from internal_control_draft where period_id = ? and state = 'UTKAST'")
                .param(periodId).query(Long.class).single();
    }

    List<Long> periodsInUse(long municipalityId) {
        return jdbc.sql("select distinct period_id from goal_object where municipality_id = ? and period_id is not null")
                .param(municipalityId).query(Long.class).list();
    }
}
