package se.styr.followup.arshjul;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.followup.RoundType;

@Repository
class ArshjulRepository {

    record Stored(long id, int version, List<CalendarRound> rounds) {
    }

    /** A round that exists: its committee, type and as-of date identify it for the calendar. */
    record Existing(long id, long bodyUnitId, RoundType type, LocalDate asOf, String name) {
    }

    private final JdbcClient jdbc;

    private final se.styr.platform.MunicipalityLock municipalityLock;

    ArshjulRepository(JdbcClient jdbc, se.styr.platform.MunicipalityLock municipalityLock) {
        this.municipalityLock = municipalityLock;
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long municipalityId) {
        Optional<long[]> head = jdbc.sql("select id, version from arshjul where municipality_id = ?").param(municipalityId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).optional();
        return head.map(h -> new Stored(h[0], (int) h[1], jdbc.sql("""
                        select type, name, as_of_month, as_of_day, opens_year, opens_month, opens_day, unit_year, unit_month,
                          unit_day, dept_year, dept_month, dept_day
                        from arshjul_round where arshjul_id = ? order by position""")
                .param(h[0])
                .query((rs, n) -> new CalendarRound(RoundType.valueOf(rs.getString(1)), rs.getString(2),
                        new RelativeDate(0, rs.getInt(3), rs.getInt(4)), new RelativeDate(rs.getInt(5), rs.getInt(6), rs.getInt(7)),
                        new RelativeDate(rs.getInt(8), rs.getInt(9), rs.getInt(10)), new RelativeDate(rs.getInt(11), rs.getInt(12), rs.getInt(13))))
                .list()));
    }

    long insert(long municipalityId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into arshjul (municipality_id, version) values (?, 1)").param(municipalityId).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Bumps the version the editor read; false when someone else saved in between. */
    boolean touch(long id, int expectedVersion) {
        return jdbc.sql("update arshjul set version = version + 1 where id = ? and version = ?").params(id, expectedVersion).update() == 1;
    }

    void replace(long id, List<CalendarRound> rounds) {
        jdbc.sql("delete from arshjul_round where arshjul_id = ?").param(id).update();
        for (int i = 0; i < rounds.size(); i++) {
            CalendarRound r = rounds.get(i);
            jdbc.sql("""
                            insert into arshjul_round (arshjul_id, position, type, name, as_of_month, as_of_day, opens_year, opens_month,
                              opens_day, unit_year, unit_month, unit_day, dept_year, dept_month, dept_day)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, r.type().name(), r.name().strip(), r.asOf().month(), r.asOf().day(),
                            r.opens().yearOffset(), r.opens().month(), r.opens().day(),
                            r.unitDeadline().yearOffset(), r.unitDeadline().month(), r.unitDeadline().day(),
                            r.departmentDeadline().yearOffset(), r.departmentDeadline().month(), r.departmentDeadline().day())
                    .update();
        }
    }

    /** The rounds of these committees that report as of a date in the year. */
    List<Existing> existing(long municipalityId, Collection<Long> bodies, int year) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, body_unit_id, type, as_of, name from followup_round
                        where municipality_id = :m and body_unit_id in (:bodies) and as_of >= :from and as_of <= :to""")
                .params(Map.of("m", municipalityId, "bodies", bodies, "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getLong(2), RoundType.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }

    /** Holds the municipality's row until the transaction ends, so two creations of a year's rounds run one after the other. */
    void lockMunicipality(long municipalityId) {
        municipalityLock.hold(municipalityId);
    }
}
