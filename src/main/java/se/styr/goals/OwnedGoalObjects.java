package se.styr.goals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styr.organisation.UnitDependents;

/**
 * A unit that still owns goal objects in force cannot be retired: they would lose their owner. In force: not retired,
 * and of a plan period that has not ended (or of the newest period, when every period has ended: the municipality has
 * not started its next one yet). They are moved to another unit or retired first.
 */
@Component
class OwnedGoalObjects implements UnitDependents {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcClient jdbc;

    OwnedGoalObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Dependent> on(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        long count = jdbc.sql("""
                        select count(*) from goal_object g left join plan_period p on p.id = g.period_id
                        where g.owner_unit_id in (:units) and g.retired = false
                          and (p.id is null or p.last_year >= least(:year, (select max(n.last_year) from plan_period n
                               where n.municipality_id = g.municipality_id and n.illustrative = false)))""")
                .param("units", Set.copyOf(unitIds)).param("year", LocalDate.now(SWEDEN).getYear())
                .query(Long.class).single();
        return count == 0 ? List.of() : List.of(new Dependent("orgadmin.validering.agerMal", count));
    }
}
