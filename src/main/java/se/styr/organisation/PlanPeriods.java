package se.styr.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Creates and edits the municipality's plan periods. A period is a budget year and the plan years after it ("Budget
 * 2023–2025": budget 2023, plan 2024–2025); periods roll, so "Budget 2023–2025" overlaps "Budget 2022–2024". What is
 * refused: two real periods with the same first year (one budget per budget year), a real period that starts after
 * another but ends before it (or the other way round: the later budget year's plan would end before the earlier
 * one's), years outside 1990–2100, a first year after
 * the last, more than {@link #MAX_YEARS} years, a name used by another period. An illustrative period is made up for
 * examples and governs no year, so it may overlap anything. The whole municipality's right to change the structure is
 * needed (administrator, or controller for the whole municipality).
 */
@Service
public class PlanPeriods {

    public static final int NAME_MAX = 100;
    public static final int MAX_YEARS = 10;
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    public record PeriodInput(String name, Integer firstYear, Integer lastYear, boolean illustrative) {
    }

    /** A period with the version to send back with the next change. */
    public record EditablePeriod(PlanPeriod period, int version) {
    }

    private final JdbcClient jdbc;
    private final OrganisationRights rights;
    private final ApplicationEventPublisher events;

    private final se.styr.platform.MunicipalityLock municipalityLock;

    PlanPeriods(JdbcClient jdbc, OrganisationRights rights, ApplicationEventPublisher events,
                se.styr.platform.MunicipalityLock municipalityLock) {
        this.municipalityLock = municipalityLock;
        this.jdbc = jdbc;
        this.rights = rights;
        this.events = events;
    }

    public boolean mayManage() {
        return rights.mayChangeStructure(null);
    }

    @Transactional(readOnly = true)
    public EditablePeriod period(long id) {
        return jdbc.sql("select id, municipality_id, name, first_year, last_year, illustrative, version from plan_period"
                        + " where id = ? and municipality_id = ?")
                .params(id, rights.municipalityId())
                .query((rs, n) -> new EditablePeriod(new PlanPeriod(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getBoolean(6)), rs.getInt(7)))
                .optional().orElseThrow(() -> new NotFoundException("Planperioden", id));
    }

    @Transactional
    public EditablePeriod create(PeriodInput in) {
        rights.requireStructure(null);
        long m = rights.municipalityId();
        lock(m);
        String name = OrganisationAdmin.strip(in.name());
        check(m, null, name, in, new Problems()).throwIfAny();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into plan_period (municipality_id, name, first_year, last_year, illustrative) values (?, ?, ?, ?, ?)")
                .params(m, name, in.firstYear(), in.lastYear(), in.illustrative()).update(keys, "id");
        EditablePeriod created = period(keys.getKey().longValue());
        events.publishEvent(new OrganisationChanged(m, "plan_period", created.period().id(), OrganisationChanged.Kind.SKAPAD,
                "Planperiod skapad: " + name, null, fields(created.period())));
        return created;
    }

    @Transactional
    public EditablePeriod update(long id, Integer version, PeriodInput in) {
        rights.requireStructure(null);
        long m = rights.municipalityId();
        EditablePeriod current = period(id);
        lock(m);
        if (version != null && version != current.version()) {
            throw new ConflictException("plan_period", id);
        }
        String name = OrganisationAdmin.strip(in.name());
        check(m, id, name, in, new Problems()).throwIfAny();
        PlanPeriod old = current.period();
        if (name.equals(old.name()) && in.firstYear() == old.firstYear() && in.lastYear() == old.lastYear()
                && in.illustrative() == old.illustrative()) {
            return current;
        }
        jdbc.sql("update plan_period set name = ?, first_year = ?, last_year = ?, illustrative = ?, version = version + 1"
                        + " where id = ?")
                .params(name, in.firstYear(), in.lastYear(), in.illustrative(), id).update();
        EditablePeriod saved = period(id);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        fields(old).forEach((k, v) -> {
            Object now = fields(saved.period()).get(k);
            if (!Objects.equals(v, now)) {
                before.put(k, v);
                after.put(k, now);
            }
        });
        events.publishEvent(new OrganisationChanged(m, "plan_period", id, OrganisationChanged.Kind.ANDRAD,
                "Planperiod ändrad: " + name, before, after));
        return saved;
    }

    private Problems check(long m, Long self, String name, PeriodInput in, Problems p) {
        p.check(name != null, "name", "period.validering.namn");
        p.check(name == null || name.length() <= NAME_MAX, "name", "validering.text.lang", NAME_MAX);
        Integer first = in.firstYear();
        Integer last = in.lastYear();
        p.check(first != null, "firstYear", "period.validering.forstaAr");
        p.check(last != null, "lastYear", "period.validering.sistaAr");
        p.check(first == null || (first >= FIRST_YEAR && first <= LAST_YEAR), "firstYear", "validering.ar.utanfor",
                String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        p.check(last == null || (last >= FIRST_YEAR && last <= LAST_YEAR), "lastYear", "validering.ar.utanfor",
                String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        if (first != null && last != null) {
            p.check(first <= last, "lastYear", "period.validering.ordning", String.valueOf(first), String.valueOf(last));
            p.check(last - first < MAX_YEARS, "lastYear", "period.validering.langd", MAX_YEARS);
        }
        List<PlanPeriod> others = jdbc.sql("select id, municipality_id, name, first_year, last_year, illustrative"
                        + " from plan_period where municipality_id = ? and id <> ?")
                .params(m, self == null ? -1L : self)
                .query((rs, n) -> new PlanPeriod(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getBoolean(6)))
                .list();
        if (name != null) {
            others.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(o -> p.add("name", "period.validering.namnFinns", name));
        }
        if (first != null && last != null && first <= last && !in.illustrative() && !p.has("firstYear")) {
            for (PlanPeriod o : others) {
                if (o.illustrative()) {
                    continue;
                }
                if (o.firstYear() == first) {
                    p.add("firstYear", "period.validering.sammaBudgetar", String.valueOf(first), o.name());
                } else if ((o.firstYear() < first && last < o.lastYear()) || (first < o.firstYear() && o.lastYear() < last)) {
                    p.add("lastYear", "period.validering.inom", o.name(), String.valueOf(o.firstYear()),
                            String.valueOf(o.lastYear()));
                }
            }
        }
        return p;
    }

    private void lock(long municipalityId) {
        municipalityLock.hold(municipalityId);
    }

    private static Map<String, Object> fields(PlanPeriod p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("namn", p.name());
        f.put("forstaAr", p.firstYear());
        f.put("sistaAr", p.lastYear());
        f.put("illustrativ", p.illustrative());
        return f;
    }
}
