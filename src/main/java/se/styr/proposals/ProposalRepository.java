package se.styr.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.platform.ConflictException;

@Repository
class ProposalRepository {

    private static final String SELECT = """
            select v.id, p.id, p.municipality_id, p.budget_id, p.party_unit_id, v.version_no, v.state, v.title,
                   v.summary, v.tax_change_ore, v.result_target, v.pkv_share, v.volume_share, v.published_at,
                   v.published_by, v.version
            from proposal_version v join proposal p on p.id = v.proposal_id
            """;

    private final JdbcClient jdbc;

    ProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Proposal> find(long versionId) {
        return jdbc.sql(SELECT + " where v.id = ?").param(versionId).query(this::head).optional().map(this::complete);
    }

    /**
     * Every version of every proposal of the municipality, oldest proposal first, each newest version first. The party's
     * name is left for the service to fill in from the organisation (as in {@link #find}).
     */
    List<Proposal> all(long municipalityId) {
        return jdbc.sql(SELECT + " where p.municipality_id = ? order by p.id, v.version_no desc")
                .param(municipalityId).query(this::head).list().stream().map(this::complete).toList();
    }

    /**
     * One page of the versions a person may see: published ones, and drafts of the party groups in {@code ownParties};
     * by party group in the organisation's order, then by proposal, newest version first. Heads only (no tax base,
     * frame changes or indicators), as a list shows them.
     */
    se.styr.platform.Paging.Page<Proposal> visible(long municipalityId, java.util.Collection<Long> ownParties, Long budgetId,
                                                  Long party, ProposalState state, se.styr.platform.Paging paging) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("m", municipalityId);
        StringBuilder where = new StringBuilder(" where p.municipality_id = :m and (v.state = 'PUBLICERAD'");
        if (!ownParties.isEmpty()) {
            where.append(" or p.party_unit_id in (:own)");
            p.put("own", ownParties);
        }
        where.append(")");
        if (budgetId != null) {
            where.append(" and p.budget_id = :budget");
            p.put("budget", budgetId);
        }
        if (party != null) {
            where.append(" and p.party_unit_id = :party");
            p.put("party", party);
        }
        if (state != null) {
            where.append(" and v.state = :state");
            p.put("state", state.name());
        }
        long total = jdbc.sql("select count(*) from proposal_version v join proposal p on p.id = v.proposal_id" + where)
                .params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of() : jdbc.sql(SELECT + " join org_unit u on u.id = p.party_unit_id" + where
                        + " order by u.position, u.name, p.id, v.version_no desc" + paging.limitOffset())
                .params(p).query(this::head).list());
    }

    /** The published versions of every municipality with their snapshots (JSON), newest first. */
    List<Map.Entry<Long, String>> publishedSnapshots() {
        return jdbc.sql("select id, snapshot from proposal_version where state = 'PUBLICERAD' order by published_at desc, id desc")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    Optional<String> snapshot(long versionId) {
        return jdbc.sql("select snapshot from proposal_version where id = ? and state = 'PUBLICERAD'").param(versionId)
                .query(String.class).optional();
    }

    long create(long municipalityId, long budgetId, long partyUnitId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into proposal (municipality_id, budget_id, party_unit_id) values (?, ?, ?)")
                .params(municipalityId, budgetId, partyUnitId).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    long insertVersion(long proposalId, int versionNo, Proposal p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into proposal_version (proposal_id, version_no, state, title, summary, tax_change_ore,
                            result_target, pkv_share, volume_share) values (?, ?, 'UTKAST', ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, versionNo, p.title(), p.summary(), p.taxChangeOre(), p.resultTarget(), p.pkvShare(), p.volumeShare())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        insertParts(id, p);
        return id;
    }

    /** Replaces a draft's contents; a stale version or a published one is refused. */
    void update(long versionId, int version, Proposal p) {
        int rows = jdbc.sql("""
                        update proposal_version set title = ?, summary = ?, tax_change_ore = ?, result_target = ?, pkv_share = ?,
                            volume_share = ?, version = version + 1 where id = ? and version = ? and state = 'UTKAST'""")
                .params(p.title(), p.summary(), p.taxChangeOre(), p.resultTarget(), p.pkvShare(), p.volumeShare(), versionId, version)
                .update();
        if (rows == 0) {
            throw new ConflictException("proposal_version", versionId);
        }
        for (String table : List.of("proposal_tax_base", "proposal_frame_change", "proposal_indicator")) {
            jdbc.sql("delete from " + table + " where version_id = ?").param(versionId).update();
        }
        insertParts(versionId, p);
    }

    void publish(long versionId, int version, String snapshot, LocalDateTime at, String by) {
        int rows = jdbc.sql("""
                        update proposal_version set state = 'PUBLICERAD', snapshot = ?, published_at = ?, published_by = ?,
                            version = version + 1 where id = ? and version = ? and state = 'UTKAST'""")
                .params(snapshot, Timestamp.valueOf(at), by, versionId, version).update();
        if (rows == 0) {
            throw new ConflictException("proposal_version", versionId);
        }
    }

    /** Published versions without a snapshot, with the username of who published them. */
    List<Map.Entry<Long, String>> withoutSnapshot() {
        return jdbc.sql("select id, published_by from proposal_version where state = 'PUBLICERAD' and snapshot is null order by id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    void storeSnapshot(long versionId, String snapshot) {
        jdbc.sql("update proposal_version set snapshot = ? where id = ? and snapshot is null").params(snapshot, versionId).update();
    }

    /** The draft following a published version, if one was started. */
    Optional<Long> draftOf(long proposalId) {
        return jdbc.sql("select id from proposal_version where proposal_id = ? and state = 'UTKAST'").param(proposalId)
                .query(Long.class).optional();
    }

    int lastVersionNo(long proposalId) {
        return jdbc.sql("select max(version_no) from proposal_version where proposal_id = ?").param(proposalId).query(Integer.class).single();
    }

    private void insertParts(long id, Proposal p) {
        p.taxBase().forEach((year, amount) -> jdbc.sql("insert into proposal_tax_base (version_id, year, amount) values (?, ?, ?)")
                .params(id, year, amount).update());
        int position = 0;
        for (Proposal.FrameChange c : p.changes()) {
            jdbc.sql("insert into proposal_frame_change (version_id, position, org_unit_id, year, amount, permanent, motivation) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, ++position, c.orgUnitId(), c.year(), c.amount(), c.permanent(), c.motivation()).update();
        }
        position = 0;
        for (Proposal.Indicator i : p.indicators()) {
            jdbc.sql("""
                            insert into proposal_indicator (version_id, position, goal, indicator, kolada_id, outcome_year, outcome,
                                target_year, target) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++position, i.goal(), i.indicator(), i.koladaId(), i.outcomeYear(), i.outcome(), i.targetYear(), i.target())
                    .update();
        }
    }

    private Proposal head(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp(14);
        return new Proposal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), null, rs.getInt(6),
                ProposalState.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getInt(10), Map.of(), rs.getBigDecimal(11),
                rs.getBigDecimal(12), rs.getBigDecimal(13), List.of(), List.of(), published == null ? null : published.toLocalDateTime(),
                rs.getString(15), rs.getInt(16));
    }

    private Proposal complete(Proposal p) {
        Map<Integer, Long> taxBase = new TreeMap<>();
        jdbc.sql("select year, amount from proposal_tax_base where version_id = ?").param(p.id())
                .query(rs -> {
                    taxBase.put(rs.getInt(1), rs.getLong(2));
                });
        List<Proposal.FrameChange> changes = jdbc.sql(
                        "select org_unit_id, year, amount, permanent, motivation from proposal_frame_change where version_id = ? order by position")
                .param(p.id()).query((rs, n) -> new Proposal.FrameChange(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5)))
                .list();
        List<Proposal.Indicator> indicators = jdbc.sql("""
                        select goal, indicator, kolada_id, outcome_year, outcome, target_year, target from proposal_indicator
                        where version_id = ? order by position""")
                .param(p.id()).query((rs, n) -> new Proposal.Indicator(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getObject(6, Integer.class), rs.getString(7)))
                .list();
        return p.withParts(taxBase, changes, indicators);
    }

    /** One page of the published versions of every municipality, newest first, for the open API's list. */
    List<Map.Entry<Long, String>> publishedSnapshots(se.styr.platform.Paging paging) {
        return jdbc.sql("select id, snapshot from proposal_version where state = 'PUBLICERAD' order by published_at desc, id desc"
                        + paging.limitOffset())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    long countPublished() {
        return jdbc.sql("select count(*) from proposal_version where state = 'PUBLICERAD'").query(Long.class).single();
    }
}
