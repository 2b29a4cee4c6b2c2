package se.styr.kolada;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Kolada's tables: the KPI copy, the values, the comparison areas, the outcome marks and the runs. */
@Repository
class KoladaStore {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    KoladaStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    // ---- KPIs

    void saveKpis(List<KoladaRows.Kpi> kpis, LocalDateTime now) {
        for (int i = 0; i < kpis.size(); i += BATCH) {
            List<KoladaRows.Kpi> chunk = kpis.subList(i, Math.min(kpis.size(), i + BATCH));
            batch.batchUpdate("delete from kolada_kpi where id = ?", chunk, chunk.size(), (ps, k) -> ps.setString(1, k.id()));
            batch.batchUpdate("insert into kolada_kpi (id, title, description, operating_area, divided_by_sex, fetched_at) "
                    + "values (?, ?, ?, ?, ?, ?)", chunk, chunk.size(), (ps, k) -> {
                ps.setString(1, k.id());
                ps.setString(2, cut(k.title(), 500));
                ps.setString(3, cut(k.description(), 4000));
                ps.setString(4, cut(k.operatingArea(), 500));
                ps.setBoolean(5, k.dividedBySex());
                ps.setTimestamp(6, Timestamp.valueOf(now));
            });
        }
    }

    record StoredKpi(String id, String title, String description, String operatingArea, boolean dividedBySex,
                     LocalDateTime fetchedAt) {
    }

    Optional<StoredKpi> kpi(String id) {
        return jdbc.sql("select id, title, description, operating_area, divided_by_sex, fetched_at from kolada_kpi where id = ?")
                .param(id == null ? "" : id.toUpperCase(Locale.ROOT)).query(this::kpiRow).optional();
    }

    /** KPIs whose id is the query, or whose title or description hold every word; at most {@code limit}. */
    List<StoredKpi> search(List<String> words, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("id = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", words.get(0).toUpperCase(Locale.ROOT));
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            all.append(i == 0 ? "" : " and ").append("lower(title || ' ' || coalesce(description, '')) like :w").append(i);
            params.put("w" + i, "%" + words.get(i).toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        where.append(" or (").append(all).append(")");
        return jdbc.sql("select id, title, description, operating_area, divided_by_sex, fetched_at from kolada_kpi where "
                        + where + " order by case when id = :id then 0 else 1 end, title, id fetch first " + limit + " rows only")
                .params(params).query(this::kpiRow).list();
    }

    long kpiCount() {
        return jdbc.sql("select count(*) from kolada_kpi").query(Long.class).single();
    }

    private StoredKpi kpiRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredKpi(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getTimestamp(6).toLocalDateTime());
    }

    // ---- values

    /** Above this many rows PostgreSQL gets the values through COPY into a staging table and one upsert. */
    static final int COPY_FROM = 5000;

    /**
     * Idempotent: a value read again replaces the stored one, nothing is counted twice. Many rows on PostgreSQL go
     * through COPY (docs/kolada.md, bench/kolada-values.sh); otherwise batched deletes and inserts, as on H2.
     */
    void saveValues(List<KoladaRows.Value> values) {
        if (values.size() >= COPY_FROM && KoladaCopy.copy(batch, values)) {
            return;
        }
        values = lastOfEachKey(values);
        for (int i = 0; i < values.size(); i += BATCH) {
            List<KoladaRows.Value> chunk = values.subList(i, Math.min(values.size(), i + BATCH));
            batch.batchUpdate("delete from kolada_value where kpi = ? and area = ? and year = ? and sex = ?", chunk,
                    chunk.size(), (ps, v) -> {
                        ps.setString(1, v.kpi());
                        ps.setString(2, v.area());
                        ps.setInt(3, v.year());
                        ps.setString(4, String.valueOf(v.sex()));
                    });
            batch.batchUpdate("insert into kolada_value (kpi, area, year, sex, amount) values (?, ?, ?, ?, ?)", chunk,
                    chunk.size(), (ps, v) -> {
                        ps.setString(1, v.kpi());
                        ps.setString(2, v.area());
                        ps.setInt(3, v.year());
                        ps.setString(4, String.valueOf(v.sex()));
                        ps.setBigDecimal(5, v.value());
                    });
        }
    }

    /** A key (kpi, area, year, sex) repeated within one import: the row read last wins. */
    private static List<KoladaRows.Value> lastOfEachKey(List<KoladaRows.Value> values) {
        Map<List<Object>, KoladaRows.Value> last = new java.util.LinkedHashMap<>();
        values.forEach(v -> last.put(List.of(v.kpi(), v.area(), v.year(), v.sex()), v));
        return last.size() == values.size() ? values : new ArrayList<>(last.values());
    }

    /** The values of the KPIs for the areas, every year and sex. */
    List<KoladaRows.Value> values(Collection<String> kpis, Collection<String> areas) {
        if (kpis.isEmpty() || areas.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select kpi, area, year, sex, amount from kolada_value where kpi in (:kpis) and area in (:areas) "
                        + "order by kpi, area, year, sex")
                .param("kpis", kpis).param("areas", areas)
                .query((rs, n) -> new KoladaRows.Value(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4).charAt(0), rs.getBigDecimal(5))).list();
    }

    /** A group's value: the mean of its members' values that exist, per group, year and sex. */
    List<KoladaRows.Value> groupMeans(long municipalityId, String kpi) {
        return jdbc.sql("""
                        select g.area, v.year, v.sex, avg(v.amount) from kolada_group_member g
                        join kolada_value v on v.area = g.member and v.kpi = :kpi and v.amount is not null
                        where g.municipality_id = :m group by g.area, v.year, v.sex""")
                .param("kpi", kpi).param("m", municipalityId)
                .query((rs, n) -> new KoladaRows.Value(kpi, rs.getString(1), rs.getInt(2), rs.getString(3).charAt(0),
                        rs.getBigDecimal(4))).list();
    }

    /** A total for the compiled report: Riket's (kind RIKET), the county's (LAN) or a group's mean (GRUPP). */
    record Rank(int year, char sex, int higher, int lower, int total) {
    }

    /**
     * Per year and sex (total, women, men), how many municipalities have a higher and a lower value than the area, and
     * how many have one at all: one query. Only municipalities count (four digits not starting with 00: no county,
     * no region, not Riket, no group).
     */
    List<Rank> ranks(String kpi, String area) {
        return jdbc.sql("""
                        select m.year, m.sex, sum(case when o.amount > m.amount then 1 else 0 end),
                               sum(case when o.amount < m.amount then 1 else 0 end), count(*)
                        from kolada_value m join kolada_value o on o.kpi = m.kpi and o.year = m.year and o.sex = m.sex
                             and o.amount is not null and o.area not like '00%' and o.area not like 'G%'
                        where m.kpi = :kpi and m.area = :area and m.amount is not null
                        group by m.year, m.sex order by m.year, m.sex""")
                .param("kpi", kpi).param("area", area)
                .query((rs, n) -> new Rank(rs.getInt(1), rs.getString(2).charAt(0), rs.getInt(3), rs.getInt(4), rs.getInt(5))).list();
    }

    // ---- areas

    record Area(String area, String kind, String title) {
    }

    List<Area> areas(long municipalityId) {
        return jdbc.sql("select area, kind, title from kolada_area where municipality_id = ? order by kind, title")
                .param(municipalityId).query(Area.class).list();
    }

    record Member(String area, String member, String title) {
    }

    /** The members of every group of the municipality, by group and code. */
    List<Member> members(long municipalityId) {
        return jdbc.sql("select area, member, title from kolada_group_member where municipality_id = ? order by area, member")
                .param(municipalityId).query(Member.class).list();
    }

    Optional<Area> area(long municipalityId, String area) {
        return jdbc.sql("select area, kind, title from kolada_area where municipality_id = ? and area = ?")
                .params(municipalityId, area).query(Area.class).optional();
    }

    Optional<Member> member(long municipalityId, String group, String member) {
        return jdbc.sql("select area, member, title from kolada_group_member where municipality_id = ? and area = ? and member = ?")
                .params(municipalityId, group, member).query(Member.class).optional();
    }

    void insertArea(long municipalityId, String area, String kind, String title) {
        jdbc.sql("insert into kolada_area (municipality_id, area, kind, title) values (?, ?, ?, ?)")
                .params(municipalityId, area, kind, title).update();
    }

    int deleteArea(long municipalityId, String area, String kind) {
        return jdbc.sql("delete from kolada_area where municipality_id = ? and area = ? and kind = ?")
                .params(municipalityId, area, kind).update();
    }

    int deleteMembers(long municipalityId, String group) {
        return jdbc.sql("delete from kolada_group_member where municipality_id = ? and area = ?").params(municipalityId, group).update();
    }

    void insertMember(long municipalityId, String group, String member, String title) {
        jdbc.sql("insert into kolada_group_member (municipality_id, area, member, title) values (?, ?, ?, ?)")
                .params(municipalityId, group, member, title).update();
    }

    int deleteMember(long municipalityId, String group, String member) {
        return jdbc.sql("delete from kolada_group_member where municipality_id = ? and area = ? and member = ?")
                .params(municipalityId, group, member).update();
    }

    String municipalityCode(long municipalityId) {
        return jdbc.sql("select kolada_id from municipality where id = ?").param(municipalityId).query(String.class).single();
    }

    List<Long> municipalities() {
        return jdbc.sql("select id from municipality order by id").query(Long.class).list();
    }

    // ---- outcome marks

    record Mark(long objectId, int year, BigDecimal koladaValue, boolean applied, LocalDateTime fetchedAt) {
    }

    Map<Long, Map<Integer, Mark>> marks(Collection<Long> objectIds) {
        Map<Long, Map<Integer, Mark>> result = new HashMap<>();
        if (objectIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select object_id, year, kolada_value, applied, fetched_at from kolada_outcome where object_id in (:ids)")
                .param("ids", objectIds)
                .query((rs, n) -> new Mark(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toLocalDateTime())).list()
                .forEach(m -> result.computeIfAbsent(m.objectId(), k -> new HashMap<>()).put(m.year(), m));
        return result;
    }

    void saveMarks(List<Mark> marks) {
        batch.batchUpdate("delete from kolada_outcome where object_id = ? and year = ?", marks, BATCH, (ps, m) -> {
            ps.setLong(1, m.objectId());
            ps.setInt(2, m.year());
        });
        batch.batchUpdate("insert into kolada_outcome (object_id, year, kolada_value, applied, fetched_at) values (?, ?, ?, ?, ?)",
                marks, BATCH, (ps, m) -> {
                    ps.setLong(1, m.objectId());
                    ps.setInt(2, m.year());
                    ps.setBigDecimal(3, m.koladaValue());
                    ps.setBoolean(4, m.applied());
                    ps.setTimestamp(5, Timestamp.valueOf(m.fetchedAt()));
                });
    }

    // ---- runs

    long startRun(Long municipalityId, String source, LocalDateTime now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into kolada_run (municipality_id, started_at, source, status) values (?, ?, ?, 'PAGAR')")
                .params(municipalityId, Timestamp.valueOf(now), cut(source, 300)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void progress(long id, int pages, int rows) {
        jdbc.sql("update kolada_run set pages_read = ?, row_count = ? where id = ?").params(pages, rows, id).update();
    }

    void finishRun(long id, String status, int rows, String message, LocalDateTime now) {
        jdbc.sql("update kolada_run set finished_at = ?, status = ?, row_count = ?, message = ? where id = ?")
                .params(Timestamp.valueOf(now), status, rows, cut(message, 1000), id).update();
    }

    record Run(long id, LocalDateTime startedAt, LocalDateTime finishedAt, String source, String status, int rowCount,
               String message, int pagesRead) {

        public boolean running() {
            return "PAGAR".equals(status);
        }
    }

    List<Run> runs(long municipalityId, int limit) {
        return jdbc.sql("select id, started_at, finished_at, source, status, row_count, message, pages_read from kolada_run "
                        + "where municipality_id = ? or municipality_id is null order by id desc fetch first " + limit + " rows only")
                .param(municipalityId).query((rs, n) -> new Run(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime(), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8))).list();
    }

    // ---- rules

    record Rule(String rule, boolean smallUnit, int version) {
    }

    Optional<Rule> rule(long objectId) {
        return jdbc.sql("select rule, small_unit, version from kolada_rule where object_id = ?").param(objectId)
                .query(Rule.class).optional();
    }

    void saveRule(long objectId, String rule, boolean smallUnit, Integer version) {
        int rows = version == null ? 0 : jdbc.sql("update kolada_rule set rule = ?, small_unit = ?, version = version + 1 "
                + "where object_id = ? and version = ?").params(rule, smallUnit, objectId, version).update();
        if (rows == 0) {
            if (rule(objectId).isPresent()) {
                throw new se.styr.platform.ConflictException("kolada_rule", objectId);
            }
            jdbc.sql("insert into kolada_rule (object_id, rule, small_unit, version) values (?, ?, ?, 0)")
                    .params(objectId, rule, smallUnit).update();
        }
    }

    record ChosenRule(long objectId, String rule, boolean smallUnit) {
    }

    /** The rules other than Styr's chosen for the objects: one query for a whole page. */
    Map<Long, ChosenRule> chosenRules(Collection<Long> objectIds) {
        Map<Long, ChosenRule> result = new HashMap<>();
        if (objectIds.isEmpty()) {
            return result;
        }
        for (List<Long> chunk : chunks(List.copyOf(objectIds), BATCH)) {
            jdbc.sql("select object_id, rule, small_unit from kolada_rule where rule <> 'STYR' and object_id in (:ids)")
                    .param("ids", chunk).query(ChosenRule.class).list().forEach(r -> result.put(r.objectId(), r));
        }
        return result;
    }

    /**
     * The totals (sex T) of the municipality's first comparison group (by title, as the comparison shows it): the mean
     * of its members' values per KPI and year, for all the KPIs in one query.
     */
    List<KoladaRows.Value> firstGroupMeans(long municipalityId, Collection<String> kpis) {
        if (kpis.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.area, v.kpi, v.year, avg(v.amount) from kolada_area a
                        join kolada_group_member g on g.municipality_id = a.municipality_id and g.area = a.area
                        join kolada_value v on v.area = g.member and v.sex = 'T' and v.amount is not null and v.kpi in (:kpis)
                        where a.municipality_id = :m and a.kind = 'GRUPP' and a.area = (select min(f.area) from kolada_area f
                          where f.municipality_id = :m and f.kind = 'GRUPP' and f.title = (select min(t.title) from kolada_area t
                            where t.municipality_id = :m and t.kind = 'GRUPP'))
                        group by a.area, v.kpi, v.year""")
                .param("kpis", kpis).param("m", municipalityId)
                .query((rs, n) -> new KoladaRows.Value(rs.getString(2), rs.getString(1), rs.getInt(3), 'T',
                        rs.getBigDecimal(4))).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            result.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return result;
    }
}
