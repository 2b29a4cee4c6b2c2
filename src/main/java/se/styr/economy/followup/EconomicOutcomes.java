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
import se.styr.organisation.UnitTree;

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
    private final UnitTree tree;
    private final Access access;
    private final AuditLog audit;

    private final se.styr.platform.MunicipalityLock lock;

    EconomicOutcomes(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, UnitTree tree, Access access, AuditLog audit,
                     se.styr.platform.MunicipalityLock lock) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tree = tree;
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

    /**
     * The net cost to date of several committees at once, each up to its own month: {@link #toDate} for each, in one
     * query over the committees' own units (the recursion does not descend into committees placed below them).
     */
    Map<Long, Long> netCostToDate(Map<Long, Integer> monthByCommittee, int year) {
        if (monthByCommittee.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("committees", monthByCommittee.keySet());
        params.put("stop", se.styr.economy.budget.BudgetService.COMMITTEE_TYPES.stream().map(Enum::name).toList());
        params.put("year", year);
        params.put("month", java.util.Collections.max(monthByCommittee.values()));
        Map<Long, Map<AccountGroup, Long>> sums = new java.util.HashMap<>();
        jdbc.sql("""
                        with recursive own (committee, id) as (
                          select id, id from org_unit where id in (:committees)
                          union all
                          select o.committee, c.id from org_unit c join own o on c.parent_id = o.id where c.type not in (:stop))
                        select o.committee, e.month, e.account_group, sum(e.amount) from economic_outcome e
                        join own o on o.id = e.org_unit_id where e.year = :year and e.month <= :month
                        group by o.committee, e.month, e.account_group""")
                .params(params)
                .query(rs -> {
                    long committee = rs.getLong(1);
                    if (rs.getInt(2) <= monthByCommittee.get(committee)) {
                        sums.computeIfAbsent(committee, k -> new EnumMap<>(AccountGroup.class))
                                .merge(AccountGroup.valueOf(rs.getString(3)), rs.getLong(4), Long::sum);
                    }
                });
        Map<Long, Long> net = new java.util.HashMap<>();
        sums.forEach((committee, groups) -> net.put(committee,
                AccountGroup.complete(groups).getOrDefault(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER, 0L)));
        return net;
    }

    /**
     * Per committee the last month of the year with an outcome of its own units, in one query; committees without
     * any are left out. The year's outcome is a bokslut once it reaches December.
     */
    Map<Long, Integer> lastMonths(java.util.Collection<Long> committees, int year) {
        if (committees.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("committees", committees);
        params.put("stop", se.styr.economy.budget.BudgetService.COMMITTEE_TYPES.stream().map(Enum::name).toList());
        params.put("year", year);
        Map<Long, Integer> last = new java.util.HashMap<>();
        jdbc.sql("""
                        with recursive own (committee, id) as (
                          select id, id from org_unit where id in (:committees)
                          union all
                          select o.committee, c.id from org_unit c join own o on c.parent_id = o.id where c.type not in (:stop))
                        select o.committee, max(e.month) from economic_outcome e
                        join own o on o.id = e.org_unit_id where e.year = :year group by o.committee""")
                .params(params)
                .query(rs -> {
                    last.put(rs.getLong(1), rs.getInt(2));
                });
        return last;
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
        return tree.below(unitId, se.styr.economy.budget.BudgetService.COMMITTEE_TYPES);
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
        // two imports of the same months at once: one after the other, the later file standing whole
        lock.hold(access.municipalityId());
        // the rows' units and the units above them, to find the committee each belongs to
        Map<Long, OrgUnit> units = tree.withAncestors(rows.stream().map(Row::orgUnitId).collect(Collectors.toSet()));
        rows.stream().map(Row::orgUnitId).distinct().forEach(unit -> {
            if (!units.containsKey(unit) || units.get(unit).municipalityId() != access.municipalityId()) {
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
