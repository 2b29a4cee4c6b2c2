package se.styr.followup;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styr.organisation.UnitDependents;

/**
 * A unit with a task not yet approved in a round that is still open cannot be retired: its report is missing from the
 * round. The task is finished (or the round decided) first.
 */
@Component
class OpenTasksOnUnits implements UnitDependents {

    private final JdbcClient jdbc;

    OpenTasksOnUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Dependent> on(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        long count = jdbc.sql("""
                        select count(*) from followup_task t join followup_round r on r.id = t.round_id
                        where t.unit_id in (:units) and t.state <> :approved and r.state = :open""")
                .param("units", Set.copyOf(unitIds)).param("approved", TaskState.GODKAND.name())
                .param("open", RoundState.OPPEN.name())
                .query(Long.class).single();
        return count == 0 ? List.of() : List.of(new Dependent("orgadmin.validering.oppnaUppgifter", count));
    }
}
