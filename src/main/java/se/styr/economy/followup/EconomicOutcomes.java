package se.styr.economy.followup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.AccountGroup;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;

/**
 * The accounts' outcomes per unit, account group and month. Typed in the follow-up or imported from Excel; a
 * committee's outcome to date is summed over every unit below it.
 */
@Service
public class EconomicOutcomes {

    /** One month's outcome of one unit in one account group (a typed group, never a derived one). */
    public record Row(long orgUnitId, int year, int month, AccountGroup group, long amount) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;

    EconomicOutcomes(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Organisation organisation,
                     Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    /**
     * The committee's (or any unit's) outcome from January to the month, per typed group, derived rows completed:
     * the sum over its own units, not over committees placed below it (the committees under Kommunstyrelsen).
     */
    public Map<AccountGroup, Long> toDate(long unitId, int year, int month) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("year", year);
        params.put("month", month);
        params.put("units", ownUnits(unitId));
        Map<AccountGroup, Long> sums = new EnumMap<>(AccountGroup.class);
        jdbc.sql("select account_group, sum(amount) from economic_outcome where year = :year and month <= :month and org_unit_id in (:units) group by account_group")
                .params(params)
                .query(rs -> {
                    sums.put(AccountGroup.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return sums.isEmpty() ? Map.of() : AccountGroup.complete(sums);
    }

    /** Whether units below the committee, in its own administration and not the committee itself, have outcomes in the year. */
    boolean unitsBelowHaveOutcomes(long committeeId, int year) {
        Set<Long> units = new java.util.HashSet<>(ownUnits(committeeId));
        units.remove(committeeId);
        if (units.isEmpty()) {
            return false;
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("year", year);
        params.put("units", units);
        return jdbc.sql("select count(*) from economic_outcome where year = :year and org_unit_id in (:units)")
                .params(params).query(Long.class).single() > 0;
    }

    /** Removes one month's outcome of a unit in one group (a figure cleared in the committee's follow-up). */
    void remove(long unitId, int year, int month, AccountGroup group) {
        jdbc.sql("delete from economic_outcome where org_unit_id = ? and year = ? and month = ? and account_group = ?")
                .params(unitId, year, month, group.name()).update();
    }

    /** The nearest committee strictly above the unit, or null. */
    private static Long committeeAbove(long unitId, Map<Long, OrgUnit> units) {
        for (Long u = units.get(unitId).parentId(); u != null; u = units.get(u).parentId()) {
            OrgUnitType type = units.get(u).type();
            if (type == OrgUnitType.NAMND || type == OrgUnitType.KOMMUNSTYRELSE) {
                return u;
            }
        }
        return null;
    }

    /** The unit and the units below it, leaving out other committees below it and their units. */
    public Set<Long> ownUnits(long unitId) {
        Map<Long, OrgUnit> byId = organisation.units(access.municipalityId()).stream()
                .collect(Collectors.toMap(OrgUnit::id, u -> u));
        Set<Long> own = new java.util.HashSet<>(organisation.subtree(unitId));
        own.removeIf(id -> {
            for (Long u = id; u != null && u != unitId; u = byId.get(u).parentId()) {
                if (byId.get(u).type() == OrgUnitType.NAMND || byId.get(u).type() == OrgUnitType.KOMMUNSTYRELSE) {
                    return true;
                }
            }
            return false;
        });
        return own;
    }

    /**
     * Stores the rows, replacing what a unit had for the same month and group: all or nothing. The caller has
     * validated them; rights are checked here per committee.
     */
    @Transactional
    public void replace(List<Row> rows, String source) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, OrgUnit> units = organisation.units(access.municipalityId()).stream()
                .collect(Collectors.toMap(OrgUnit::id, u -> u));
        rows.stream().map(Row::orgUnitId).distinct().forEach(unit -> {
            if (!units.containsKey(unit)) {
                throw new se.styr.platform.NotFoundException("Enheten", unit);
            }
            access.require(Access.Action.MANAGE_BUDGET, unit);
        });
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Row r : rows) {
            if (r.group().derived()) {
                throw new IllegalArgumentException("Derived group " + r.group());
            }
            deletes.add(new Object[] {r.orgUnitId(), r.year(), r.month(), r.group().name()});
            inserts.add(new Object[] {r.orgUnitId(), r.year(), r.month(), r.group().name(), r.amount()});
        }
        // A committee's outcome typed in its follow-up stands in for its units' until theirs arrive: then it goes,
        // or the year would be counted twice.
        Set<String> imported = new java.util.HashSet<>();
        rows.forEach(r -> imported.add(r.orgUnitId() + "/" + r.year()));
        Set<List<Long>> standIns = new java.util.LinkedHashSet<>();
        for (Row r : rows) {
            Long committee = committeeAbove(r.orgUnitId(), units);
            if (committee != null && !imported.contains(committee + "/" + r.year())) {
                standIns.add(List.of(committee, (long) r.year()));
            }
        }
        standIns.forEach(k -> jdbc.sql("delete from economic_outcome where org_unit_id = ? and year = ?").params(k.get(0), k.get(1)).update());
        batch.batchUpdate("delete from economic_outcome where org_unit_id = ? and year = ? and month = ? and account_group = ?", deletes);
        batch.batchUpdate("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (?, ?, ?, ?, ?)", inserts);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("rader", rows.size());
        summary.put("källa", source);
        if (!standIns.isEmpty()) {
            summary.put("nämndens egna utfall ersatta", standIns.stream().map(k -> units.get(k.get(0)).name() + " " + k.get(1)).toList());
        }
        audit.record(access.municipalityId(), "UTFALL", null, AuditLog.Action.ANDRAD,
                "Utfall inlästa (" + source + "): " + rows.size() + " rader", null, summary);
    }
}
