package se.styr.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the module's sub-packages (the auditors' review) read of cases and minutes: the case made from an object, and a
 * body's minutes to point at as evidence. Reads only; the writes stay with the services of this package.
 */
@Service
public class MeetingLinks {

    /** A case by its diarienummer and status ("REGISTRERAT", "PA_DAGORDNING", "BESLUTAT"). */
    public record CaseLink(long id, String dnr, String status) {
    }

    /** The minutes of a meeting of the body or of its working committee. */
    public record MinutesLink(long meetingId, String bodyCode, LocalDate meetsOn, String status) {
    }

    private final CaseRepository cases;
    private final JdbcClient jdbc;

    MeetingLinks(CaseRepository cases, JdbcClient jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** The case made from this object of the municipality, if any. */
    public Optional<CaseLink> caseFor(long municipalityId, String sourceType, long sourceId) {
        return cases.bySource(sourceType, sourceId).filter(c -> c.municipalityId() == municipalityId)
                .map(c -> new CaseLink(c.id(), c.dnr(), c.status().name()));
    }

    /** The minutes (being written or approved) of the body and its working committees, newest first: one query. */
    public List<MinutesLink> minutes(long municipalityId, long bodyUnitId) {
        return jdbc.sql("""
                        select m.id, u.code, m.meets_on, m.status from meeting m join org_unit u on u.id = m.body_unit_id
                        where m.municipality_id = ? and (u.id = ? or u.parent_id = ?) and m.status <> 'PLANERAT'
                        order by m.meets_on desc, m.id desc""")
                .params(municipalityId, bodyUnitId, bodyUnitId)
                .query((rs, n) -> new MinutesLink(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4))).list();
    }
}
