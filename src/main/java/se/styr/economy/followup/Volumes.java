package se.styr.economy.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.Problems;

/**
 * A committee's volumes (verksamhetsstatistik): measures such as persons with home care or hours per month, with
 * "varav extern regi" rows below them, and their values per month stamp and forecast. The economic report shows them.
 */
@Service
class Volumes {

    static final String AUDIT_TYPE = "VOLYM";
    /** How many outcome stamps a report shows before the forecast, as the seeds' tables do. */
    static final int REPORT_STAMPS = 3;

    record Measure(long id, long orgUnitId, Long parentId, String area, String name, String unit, int position, int version) {
    }

    /** A month stamp (2021.11), an outcome or a forecast ("Prognos 2022.12"). */
    record Stamp(int year, int month, boolean forecast) implements Comparable<Stamp> {
        @Override
        public int compareTo(Stamp o) {
            return Comparator.comparing(Stamp::forecast).thenComparingInt(Stamp::year).thenComparingInt(Stamp::month).compare(this, o);
        }

        String code() {
            return year + "." + (month < 10 ? "0" : "") + month;
        }
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;

    Volumes(JdbcClient jdbc, Access access, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    List<Measure> measures(long unitId) {
        return jdbc.sql("select id, org_unit_id, parent_id, area, name, unit, position, version from volume_measure where org_unit_id = ? order by position, id")
                .param(unitId)
                .query((rs, n) -> new Measure(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    private Map<Long, Map<Stamp, BigDecimal>> values(long unitId) {
        Map<Long, Map<Stamp, BigDecimal>> values = new HashMap<>();
        jdbc.sql("""
                        select v.measure_id, v.year, v.month, v.forecast, v.amount from volume_value v
                        join volume_measure m on m.id = v.measure_id where m.org_unit_id = ?""")
                .param(unitId)
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(new Stamp(rs.getInt(2), rs.getInt(3), rs.getBoolean(4)), rs.getBigDecimal(5).stripTrailingZeros());
                });
        return values;
    }

    /** Every stamp with a value, outcomes in time order and forecasts last. */
    List<VolumeTable> tables(long unitId) {
        return tables(unitId, null, 0);
    }

    /**
     * The tables as a report of the year and month shows them: the last {@value #REPORT_STAMPS} outcome stamps up to
     * the month, and the year's forecast.
     */
    List<VolumeTable> tables(long unitId, Integer year, int month) {
        List<Measure> measures = measures(unitId);
        if (measures.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Stamp, BigDecimal>> values = values(unitId);
        TreeSet<Stamp> stamps = new TreeSet<>();
        values.values().forEach(v -> stamps.addAll(v.keySet()));
        List<Stamp> shown = new ArrayList<>(stamps);
        if (year != null) {
            List<Stamp> outcomes = stamps.stream().filter(s -> !s.forecast() && (s.year() < year || (s.year() == year && s.month() <= month))).toList();
            shown = new ArrayList<>(outcomes.subList(Math.max(0, outcomes.size() - REPORT_STAMPS), outcomes.size()));
            stamps.stream().filter(s -> s.forecast() && s.year() == year).reduce((a, b) -> b).ifPresent(shown::add);
        }
        List<String> columns = shown.stream().map(s -> s.forecast() ? messages.text("ekuppf.volume.forecast", s.code()) : s.code()).toList();
        Map<Long, List<Measure>> children = new HashMap<>();
        measures.stream().filter(m -> m.parentId() != null).forEach(m -> children.computeIfAbsent(m.parentId(), k -> new ArrayList<>()).add(m));
        Map<String, List<VolumeTable.Row>> byArea = new LinkedHashMap<>();
        List<Stamp> cols = shown;
        for (Measure m : measures) {
            if (m.parentId() == null) {
                List<VolumeTable.Row> rows = byArea.computeIfAbsent(m.area(), k -> new ArrayList<>());
                rows.add(row(m, 0, cols, values));
                children.getOrDefault(m.id(), List.of()).forEach(c -> rows.add(row(c, 1, cols, values)));
            }
        }
        return byArea.entrySet().stream().map(e -> new VolumeTable(e.getKey(), columns, e.getValue())).toList();
    }

    private static VolumeTable.Row row(Measure m, int indent, List<Stamp> stamps, Map<Long, Map<Stamp, BigDecimal>> values) {
        Map<Stamp, BigDecimal> v = values.getOrDefault(m.id(), Map.of());
        return new VolumeTable.Row(m.id(), m.name(), m.unit(), indent, stamps.stream().map(v::get).toList());
    }

    /** A new measure of the committee; a "varav" row names its parent and is shown in the parent's table. */
    @Transactional
    long addMeasure(OrgUnit committee, String area, String name, String unit, Long parentId) {
        access.require(Access.Action.MANAGE_BUDGET, committee.id());
        List<Measure> existing = measures(committee.id());
        Measure parent = parentId == null ? null : existing.stream().filter(m -> m.id() == parentId).findFirst().orElse(null);
        String a = parent != null ? parent.area() : strip(area);
        String n = strip(name);
        String u = strip(unit);
        Problems p = new Problems();
        p.check(parentId == null || (parent != null && parent.parentId() == null), "parentId", "ekuppf.volume.error.parent");
        p.check(a != null && a.length() <= 200, "area", "ekuppf.volume.error.area");
        p.check(n != null && n.length() <= 200, "name", "ekuppf.volume.error.name");
        p.check(u == null || u.length() <= 50, "unit", "validering.titel.lang", 50);
        p.throwIfAny();
        // A sub-row goes right after its parent's last sub-row; a new measure after everything else.
        int position = existing.stream().filter(m -> parent == null || m.id() == parent.id() || Objects.equals(m.parentId(), parent.id()))
                .mapToInt(Measure::position).max().orElse(0) + 1;
        if (parent != null) {
            jdbc.sql("update volume_measure set position = position + 1 where org_unit_id = ? and position >= ?")
                    .params(committee.id(), position).update();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into volume_measure (org_unit_id, parent_id, area, name, unit, position, version) values (?, ?, ?, ?, ?, ?, 1)")
                .params(committee.id(), parentId, a, n, u, position).update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("tabell", a);
        created.put("namn", n);
        created.put("enhet", u);
        audit.record(committee.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD,
                "Volymmått tillagt för " + committee.name() + ": " + n, null, created);
        return id;
    }

    /**
     * Saves one stamp's values of the committee's measures (blank removes a value): all or nothing, each changed
     * measure checked against the version the form read.
     */
    @Transactional
    void saveValues(OrgUnit committee, int year, int month, boolean forecast, Map<Long, BigDecimal> amounts,
                    Map<Long, Integer> versions) {
        access.require(Access.Action.MANAGE_BUDGET, committee.id());
        Map<Long, Measure> measures = new HashMap<>();
        measures(committee.id()).forEach(m -> measures.put(m.id(), m));
        Map<Long, Map<Stamp, BigDecimal>> before = values(committee.id());
        Stamp stamp = new Stamp(year, month, forecast);
        Problems p = new Problems();
        p.check(year >= 1990 && year <= 2100 && month >= 1 && month <= 12, "stamp", "ekuppf.volume.error.stamp");
        amounts.forEach((id, amount) -> {
            String field = "M" + id;
            if (!measures.containsKey(id)) {
                p.add(field, "ekuppf.volume.error.measure");
            } else if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12)) {
                p.add(field, "ekuppf.volume.error.amount", measures.get(id).name());
            }
        });
        p.throwIfAny();
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        String label = forecast ? messages.text("ekuppf.volume.forecast", stamp.code()) : stamp.code();
        for (Map.Entry<Long, BigDecimal> e : amounts.entrySet()) {
            Measure m = measures.get(e.getKey());
            BigDecimal previous = before.getOrDefault(m.id(), Map.of()).get(stamp);
            BigDecimal now = e.getValue() == null ? null : e.getValue().stripTrailingZeros();
            if (previous == null ? now == null : now != null && previous.compareTo(now) == 0) {
                continue;
            }
            Integer version = versions.get(m.id());
            if (version == null || jdbc.sql("update volume_measure set version = version + 1 where id = ? and version = ?")
                    .params(m.id(), version).update() != 1) {
                throw new ConflictException("Volymmåttet", m.id());
            }
            jdbc.sql("delete from volume_value where measure_id = ? and year = ? and month = ? and forecast = ?")
                    .params(m.id(), year, month, forecast).update();
            if (now != null) {
                jdbc.sql("insert into volume_value (measure_id, year, month, forecast, amount) values (?, ?, ?, ?, ?)")
                        .params(m.id(), year, month, forecast, now).update();
            }
            String key = m.name() + (m.unit() == null ? "" : " (" + m.unit() + ")") + " " + label;
            old.put(key, previous == null ? "–" : previous.toPlainString());
            changed.put(key, now == null ? "–" : now.toPlainString());
        }
        if (!changed.isEmpty()) {
            audit.record(committee.municipalityId(), AUDIT_TYPE, null, AuditLog.Action.ANDRAD,
                    "Volymer ändrade för " + committee.name() + ", " + label, old, changed);
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
