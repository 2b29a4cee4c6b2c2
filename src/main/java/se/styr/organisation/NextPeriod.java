package se.styr.organisation;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan period that follows another: the municipality's real (not illustrative) period that starts the year after,
 * or a new one of the same length ("Budget 2023–2025" after "Budget 2022–2024") when there is none. The caller checks
 * the right and records a created period in the audit log.
 */
@Service
public class NextPeriod {

    /** The next period and whether it was created just now. */
    public record Found(PlanPeriod period, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Organisation organisation;

    NextPeriod(JdbcClient jdbc, Organisation organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    /** The existing period that starts the year after {@code from}, if any. */
    public Optional<PlanPeriod> existing(PlanPeriod from) {
        return organisation.periods(from.municipalityId()).stream()
                .filter(p -> !p.illustrative() && p.firstYear() == from.firstYear() + 1).findFirst();
    }

    /** The name a new period after {@code from} gets. */
    public static String nameAfter(PlanPeriod from) {
        int first = from.firstYear() + 1;
        int last = from.lastYear() + 1;
        return first == last ? "Budget " + first : "Budget " + first + "–" + last;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Found findOrCreate(PlanPeriod from) {
        Optional<PlanPeriod> found = existing(from);
        if (found.isPresent()) {
            return new Found(found.get(), false);
        }
        String name = nameAfter(from);
        boolean taken = jdbc.sql("select count(*) from plan_period where municipality_id = ? and name = ?")
                .params(from.municipalityId(), name).query(Long.class).single() > 0;
        if (taken) {
            name = name + " (" + (from.firstYear() + 1) + ")";
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into plan_period (municipality_id, name, first_year, last_year, illustrative) values (?, ?, ?, ?, false)")
                .params(from.municipalityId(), name, from.firstYear() + 1, from.lastYear() + 1).update(keys, "id");
        return new Found(organisation.findPeriod(keys.getKey().longValue()).orElseThrow(), true);
    }
}
