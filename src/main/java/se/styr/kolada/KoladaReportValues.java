package se.styr.kolada;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the compiled report reads of Kolada for all its linked figures at once: the areas' values and the ranks. */
@Component
class KoladaReportValues {

    private final JdbcClient jdbc;

    KoladaReportValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AreaValue(String kpi, String area, String kind, String title, int year, BigDecimal value) {
    }

    /**
     * The municipality's own (kind {@code KOMMUN}, titled with its name), Riket's, the county's and each group's (its
     * members' mean) totals of the KPIs up to the year: one query.
     */
    List<AreaValue> reportValues(long municipalityId, Collection<String> kpis, int year) {
        if (kpis.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select v.kpi, v.area, 'KOMMUN', mu.name, v.year, v.amount from municipality mu
                        join kolada_value v on v.area = mu.kolada_id and v.kpi in (:kpis) and v.sex = 'T' and v.year <= :y and v.amount is not null
                        where mu.id = :m
                        union all
                        select v.kpi, v.area, 'RIKET', '', v.year, v.amount from kolada_value v
                        where v.kpi in (:kpis) and v.area = '0000' and v.sex = 'T' and v.year <= :y and v.amount is not null
                        union all
                        select v.kpi, a.area, a.kind, a.title, v.year, v.amount from kolada_area a
                        join kolada_value v on v.area = a.area and v.kpi in (:kpis) and v.sex = 'T' and v.year <= :y and v.amount is not null
                        where a.municipality_id = :m and a.kind = 'LAN'
                        union all
                        select v.kpi, a.area, a.kind, a.title, v.year, avg(v.amount) from kolada_area a
                        join kolada_group_member g on g.municipality_id = a.municipality_id and g.area = a.area
                        join kolada_value v on v.area = g.member and v.kpi in (:kpis) and v.sex = 'T' and v.year <= :y and v.amount is not null
                        where a.municipality_id = :m and a.kind = 'GRUPP'
                        group by v.kpi, a.area, a.kind, a.title, v.year""")
                .param("kpis", kpis).param("m", municipalityId).param("y", year)
                .query((rs, n) -> new AreaValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6))).list();
    }

    record KpiRank(String kpi, int year, int higher, int lower, int total) {
    }

    /**
     * As {@link #ranks} for the compiled report: the municipality's totals of the KPIs up to the year, each year's
     * count of municipalities with a higher and a lower value and of those with a value; one query.
     */
    List<KpiRank> reportRanks(long municipalityId, Collection<String> kpis, int year) {
        if (kpis.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select m.kpi, m.year, sum(case when o.amount > m.amount then 1 else 0 end),
                               sum(case when o.amount < m.amount then 1 else 0 end), count(*)
                        from municipality mu
                        join kolada_value m on m.area = mu.kolada_id and m.kpi in (:kpis) and m.sex = 'T' and m.year <= :y
                             and m.amount is not null
                        join kolada_value o on o.kpi = m.kpi and o.year = m.year and o.sex = m.sex
                             and o.amount is not null and o.area not like '00%' and o.area not like 'G%'
                        where mu.id = :m
                        group by m.kpi, m.year""")
                .param("kpis", kpis).param("m", municipalityId).param("y", year)
                .query((rs, n) -> new KpiRank(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).list();
    }
}
