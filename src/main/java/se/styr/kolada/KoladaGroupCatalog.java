package se.styr.kolada;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local copy of Kolada's municipality groups and their members (V75), which the administrator picks from. */
@Repository
class KoladaGroupCatalog {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    KoladaGroupCatalog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Replaces the copy of Kolada's municipality groups with these (every group read, so none is left stale). */
    void saveGroups(List<KoladaRows.Group> groups, LocalDateTime now) {
        jdbc.sql("delete from kolada_group_catalog_member").update();
        jdbc.sql("delete from kolada_group").update();
        Map<String, KoladaRows.Group> unique = new java.util.LinkedHashMap<>();
        groups.forEach(g -> unique.put(g.id(), g));
        List<KoladaRows.Group> list = new ArrayList<>(unique.values());
        batch.batchUpdate("insert into kolada_group (id, title, fetched_at) values (?, ?, ?)", list, BATCH, (ps, g) -> {
            ps.setString(1, cut(g.id(), 20));
            ps.setString(2, cut(g.title(), 500));
            ps.setTimestamp(3, Timestamp.valueOf(now));
        });
        List<Object[]> members = new ArrayList<>();
        for (KoladaRows.Group g : list) {
            Map<String, String> byId = new java.util.LinkedHashMap<>();
            g.members().forEach(m -> byId.put(m.id(), m.title()));
            byId.forEach((id, title) -> members.add(new Object[] {cut(g.id(), 20), id, cut(title, 300)}));
        }
        batch.batchUpdate("insert into kolada_group_catalog_member (group_id, member, title) values (?, ?, ?)", members, BATCH,
                (ps, m) -> {
                    ps.setString(1, (String) m[0]);
                    ps.setString(2, (String) m[1]);
                    ps.setString(3, (String) m[2]);
                });
    }

    /** A group of Kolada's copy: whether the municipality (its code) is a member, and how many members it has. */
    record CatalogGroup(String id, String title, int members, boolean withOwn) {
    }

    /** Every group in the copy, those the municipality belongs to first: one query. */
    List<CatalogGroup> catalog(String ownCode) {
        return jdbc.sql("""
                        select g.id, g.title, count(m.member), max(case when m.member = :own then 1 else 0 end)
                        from kolada_group g left join kolada_group_catalog_member m on m.group_id = g.id
                        group by g.id, g.title order by 4 desc, g.title, g.id""")
                .param("own", ownCode)
                .query((rs, n) -> new CatalogGroup(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) == 1)).list();
    }

    Optional<CatalogGroup> catalogGroup(String id) {
        return jdbc.sql("select g.id, g.title, (select count(*) from kolada_group_catalog_member m where m.group_id = g.id), 0 "
                        + "from kolada_group g where g.id = ?").param(id)
                .query((rs, n) -> new CatalogGroup(rs.getString(1), rs.getString(2), rs.getInt(3), false)).optional();
    }

    List<KoladaRows.Member> catalogMembers(String groupId) {
        return jdbc.sql("select member, title from kolada_group_catalog_member where group_id = ? order by member")
                .param(groupId).query((rs, n) -> new KoladaRows.Member(rs.getString(1), rs.getString(2))).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
