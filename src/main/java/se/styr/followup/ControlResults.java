package se.styr.followup;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the follow-up rounds of a year say about internal-control points: for other modules (the internal-control plan
 * and the municipality's joint assessment), read in one statement whatever the number of bodies and points.
 */
@Component
public class ControlResults {

    /** The follow-up of one point in one round: the administration's row when there is one, else a unit's. */
    public record Result(long objectId, long roundId, RoundType type, LocalDate asOf, ControlAssessment assessment,
                         String result, String action) {
    }

    private final JdbcClient jdbc;

    ControlResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest follow-up of each point per round type (delårsbokslut, årsbokslut) in rounds as of the year; a point
     * without a written row in a round type is left out. Keyed by point, then by round type.
     */
    public Map<Long, Map<RoundType, Result>> of(long municipalityId, Collection<Long> objectIds, int year) {
        Map<Long, Map<RoundType, Result>> byObject = new LinkedHashMap<>();
        if (objectIds.isEmpty()) {
            return byObject;
        }
        jdbc.sql("""
                        select r.object_id, f.id, f.type, f.as_of, r.assessment, r.result, r.action
                        from followup_report r join followup_round f on f.id = r.round_id
                        where f.municipality_id = :m and r.object_id in (:ids) and f.as_of >= :from and f.as_of < :to
                          and f.type in ('DELARSBOKSLUT', 'ARSBOKSLUT')
                          and (r.assessment is not null or r.result is not null or r.action is not null)
                        order by f.as_of desc, f.id desc, case when r.unit_id = f.admin_unit_id then 0 else 1 end, r.unit_id""")
                .param("m", municipalityId).param("ids", Set.copyOf(objectIds))
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Result(rs.getLong(1), rs.getLong(2), RoundType.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), parse(rs.getString(5)), rs.getString(6), rs.getString(7)))
                .list()
                .forEach(res -> byObject.computeIfAbsent(res.objectId(), k -> new LinkedHashMap<>()).putIfAbsent(res.type(), res));
        return byObject;
    }

    private static ControlAssessment parse(String s) {
        if (s == null) {
            return null;
        }
        for (ControlAssessment a : ControlAssessment.values()) {
            if (a.name().equals(s)) {
                return a;
            }
        }
        return null;
    }

    /** The round types whose results the joint assessment shows, in the year's order. */
    public static List<RoundType> reported() {
        return List.of(RoundType.DELARSBOKSLUT, RoundType.ARSBOKSLUT);
    }
}
