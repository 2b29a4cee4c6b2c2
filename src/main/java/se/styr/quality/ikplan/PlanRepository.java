package se.styr.quality.ikplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.quality.Area;
import se.styr.quality.Handling;
import se.styr.quality.Risk;

/** The plan's deferrals, the documents' decided versions and the risks' predecessors; the register read as it is. */
@Repository
class PlanRepository {

    private static final String RISK = """
            select r.id, r.municipality_id, r.body_unit_id, r.year, r.number, r.area, r.process, r.description, r.probability,
            r.consequence, r.handling, r.handling_reason, r.goal_object_id, r.action_id, r.assessed_by, r.assessed_on,
            r.version from risk r""";
    private static final String DEFERRAL = """
            select id, municipality_id, body_unit_id, goal_object_id, year, deferred_to, reason, version
            from internal_control_deferral""";
    private static final String VERSION = """
            select id, municipality_id, body_unit_id, year, kind, number, decided_on, decision_ref, created_at, created_by
            from quality_document_version""";

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Risk risk(ResultSet rs, int n) throws SQLException {
        String area = rs.getString(6);
        java.sql.Date assessed = rs.getDate(16);
        return new Risk(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                area == null ? null : Area.valueOf(area), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
                Handling.valueOf(rs.getString(11)), rs.getString(12), rs.getObject(13, Long.class),
                rs.getObject(14, Long.class), rs.getString(15), assessed == null ? null : assessed.toLocalDate(), rs.getInt(17));
    }

    private static Deferral deferral(ResultSet rs, int n) throws SQLException {
        return new Deferral(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getInt(6),
                rs.getString(7), rs.getInt(8));
    }

    private static DocumentVersion version(ResultSet rs, int n) throws SQLException {
        return new DocumentVersion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), DocumentKind.valueOf(rs.getString(5)),
                rs.getInt(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10));
    }

    // ---- the register

    /** The risks of these bodies in the year, in each register's order: one statement. */
    List<Risk> risks(long municipalityId, Collection<Long> bodyIds, int year) {
        if (bodyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RISK + " where r.municipality_id = :m and r.body_unit_id in (:b) and r.year = :y order by r.body_unit_id, r.number, r.id")
                .param("m", municipalityId).param("b", Set.copyOf(bodyIds)).param("y", year).query(PlanRepository::risk).list();
    }

    /** Last year's risk of each of these risks that was carried, by the risk's id: one statement. */
    Map<Long, Risk> predecessorsOf(long municipalityId, Collection<Long> riskIds) {
        Map<Long, Risk> byRisk = new HashMap<>();
        if (riskIds.isEmpty()) {
            return byRisk;
        }
        jdbc.sql("select p.risk_id, " + RISK.substring("select ".length()).replace(" from risk r", "")
                        + " from risk_predecessor p join risk r on r.id = p.predecessor_id"
                        + " where r.municipality_id = :m and p.risk_id in (:ids)")
                .param("m", municipalityId).param("ids", Set.copyOf(riskIds))
                .query((rs, n) -> {
                    byRisk.put(rs.getLong(1), riskShifted(rs));
                    return null;
                }).list();
        return byRisk;
    }

    /** The risk value each risk of the register had the year before, by the risk's id (carried risks only). */
    Map<Long, Risk> predecessors(long municipalityId, long bodyId, int year) {
        Map<Long, Risk> byRisk = new HashMap<>();
        jdbc.sql("select p.risk_id, " + RISK.substring("select ".length()).replace(" from risk r", "")
                        + " from risk_predecessor p join risk r on r.id = p.predecessor_id join risk c on c.id = p.risk_id"
                        + " where c.municipality_id = ? and c.body_unit_id = ? and c.year = ?")
                .params(municipalityId, bodyId, year)
                .query((rs, n) -> {
                    byRisk.put(rs.getLong(1), riskShifted(rs));
                    return null;
                }).list();
        return byRisk;
    }

    private static Risk riskShifted(ResultSet rs) throws SQLException {
        String area = rs.getString(7);
        java.sql.Date assessed = rs.getDate(17);
        return new Risk(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getInt(6),
                area == null ? null : Area.valueOf(area), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                Handling.valueOf(rs.getString(12)), rs.getString(13), rs.getObject(14, Long.class),
                rs.getObject(15, Long.class), rs.getString(16), assessed == null ? null : assessed.toLocalDate(), rs.getInt(18));
    }

    /** Copies the year's risks not carried before into a later year's register, numbered after the risks there. */
    List<Long> carry(long municipalityId, Collection<Long> bodyIds, int year, int toYear) {
        if (bodyIds.isEmpty()) {
            return List.of();
        }
        List<Risk> fresh = jdbc.sql(RISK + " where r.municipality_id = :m and r.body_unit_id in (:b) and r.year = :y"
                        + " and not exists (select 1 from risk_predecessor p where p.predecessor_id = r.id) order by r.body_unit_id, r.number")
                .param("m", municipalityId).param("b", Set.copyOf(bodyIds)).param("y", year).query(PlanRepository::risk).list();
        Map<Long, Integer> next = new HashMap<>();
        jdbc.sql("select body_unit_id, coalesce(max(number), 0) from risk where municipality_id = :m and body_unit_id in (:b) and year = :y group by body_unit_id")
                .param("m", municipalityId).param("b", Set.copyOf(bodyIds)).param("y", toYear)
                .query((rs, n) -> next.put(rs.getLong(1), rs.getInt(2))).list();
        List<Long> created = new java.util.ArrayList<>();
        for (Risk r : fresh) {
            int number = next.merge(r.bodyUnitId(), 1, Integer::sum);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            // the handling object of the old year is not linked: the new year's plan decides it anew
            jdbc.sql("""
                            insert into risk (municipality_id, body_unit_id, year, number, area, process, description, probability,
                                              consequence, handling, handling_reason)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(municipalityId, r.bodyUnitId(), toYear, number, r.area() == null ? null : r.area().name(), r.process(),
                            r.description(), r.probability(), r.consequence(), r.handling().name(), r.handlingReason())
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            jdbc.sql("insert into risk_predecessor (risk_id, predecessor_id) values (?, ?)").params(id, r.id()).update();
            created.add(id);
        }
        return created;
    }

    // ---- deferrals

    List<Deferral> deferrals(long municipalityId, Collection<Long> bodyIds, int year) {
        if (bodyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DEFERRAL + " where municipality_id = :m and body_unit_id in (:b) and (year = :y or deferred_to = :y) order by year, id")
                .param("m", municipalityId).param("b", Set.copyOf(bodyIds)).param("y", year).query(PlanRepository::deferral).list();
    }

    /** The deferrals of points owned by these units that move a follow-up away from the year or into it: one statement. */
    List<Deferral> concerning(long municipalityId, Collection<Long> ownerUnitIds, int year) {
        if (ownerUnitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DEFERRAL + " where municipality_id = :m and (year = :y or deferred_to = :y)"
                        + " and goal_object_id in (select id from goal_object where owner_unit_id in (:owners)) order by year, id")
                .param("m", municipalityId).param("owners", Set.copyOf(ownerUnitIds)).param("y", year)
                .query(PlanRepository::deferral).list();
    }

    Optional<Deferral> deferral(long municipalityId, long pointId, int year) {
        return jdbc.sql(DEFERRAL + " where municipality_id = ? and goal_object_id = ? and year = ?")
                .params(municipalityId, pointId, year).query(PlanRepository::deferral).optional();
    }

    long insert(Deferral d) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into internal_control_deferral (municipality_id, body_unit_id, goal_object_id, year, deferred_to, reason) values (?, ?, ?, ?, ?, ?)")
                .params(d.municipalityId(), d.bodyUnitId(), d.pointId(), d.year(), d.deferredTo(), d.reason()).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(Deferral d) {
        return jdbc.sql("update internal_control_deferral set deferred_to = ?, reason = ?, version = version + 1 where id = ? and version = ?")
                .params(d.deferredTo(), d.reason(), d.id(), d.version()).update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from internal_control_deferral where id = ? and version = ?").params(id, version).update() == 1;
    }

    // ---- decided documents

    List<DocumentVersion> versions(long municipalityId, long bodyId, int year, DocumentKind kind) {
        return jdbc.sql(VERSION + " where municipality_id = ? and body_unit_id = ? and year = ? and kind = ? order by number desc")
                .params(municipalityId, bodyId, year, kind.name()).query(PlanRepository::version).list();
    }

    Optional<DocumentVersion> version(long municipalityId, long id) {
        return jdbc.sql(VERSION + " where municipality_id = ? and id = ?").params(municipalityId, id).query(PlanRepository::version).optional();
    }

    Optional<String> html(long id) {
        return jdbc.sql("select html from quality_document_version where id = ?").param(id).query(String.class).optional();
    }

    long insert(DocumentVersion v, String html) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into quality_document_version (municipality_id, body_unit_id, year, kind, number, decided_on,
                                                              decision_ref, html, created_at, created_by)
                        values (?, ?, ?, ?, (select coalesce(max(number), 0) + 1 from quality_document_version
                                             where body_unit_id = ? and year = ? and kind = ?), ?, ?, ?, ?, ?)""")
                .params(v.municipalityId(), v.bodyUnitId(), v.year(), v.kind().name(), v.bodyUnitId(), v.year(), v.kind().name(),
                        v.decidedOn(), v.decisionRef(), html, java.sql.Timestamp.from(Instant.now()), v.createdBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- documents sent for decision

    /** A sending of a document to its body: the case's source. */
    record Submission(long id, long municipalityId, long bodyUnitId, int year, DocumentKind kind,
                      java.time.OffsetDateTime readyAt, Long decidedVersionId) {
    }

    private static final String SUBMISSION = """
            select id, municipality_id, body_unit_id, year, kind, ready_at, decided_version_id
            from quality_document_submission""";

    private static Submission submission(ResultSet rs, int n) throws SQLException {
        return new Submission(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), DocumentKind.valueOf(rs.getString(5)),
                rs.getObject(6, java.time.OffsetDateTime.class), rs.getObject(7, Long.class));
    }

    /** The document's sending that is still waiting for the minutes, if any. */
    Optional<Submission> pendingSubmission(long bodyId, int year, DocumentKind kind) {
        return jdbc.sql(SUBMISSION + " where body_unit_id = ? and year = ? and kind = ? and decided_version_id is null")
                .params(bodyId, year, kind.name()).query(PlanRepository::submission).optional();
    }

    Optional<Submission> submission(long id) {
        return jdbc.sql(SUBMISSION + " where id = ?").param(id).query(PlanRepository::submission).optional();
    }

    long insertSubmission(long municipalityId, long bodyId, int year, DocumentKind kind, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into quality_document_submission (municipality_id, body_unit_id, year, kind, ready_at, sent_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(municipalityId, bodyId, year, kind.name(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records the version the minutes decided; false when the sending was decided already. */
    boolean submissionDecided(long id, long versionId) {
        return jdbc.sql("update quality_document_submission set decided_version_id = ? where id = ? and decided_version_id is null")
                .params(versionId, id).update() == 1;
    }

    static LocalDate today() {
        return LocalDate.now();
    }
}
