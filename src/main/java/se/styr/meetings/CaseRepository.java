package se.styr.meetings;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    static final String CASE = """
            select c.id, c.municipality_id, c.body_unit_id, u.code as body_code, c.year, c.number, c.title, c.officer,
                   c.status, c.source_type, c.source_id, c.written_on, c.description, c.statement, c.economy, c.proposal,
                   c.send_to, c.version
            from meeting_case c join org_unit u on u.id = c.body_unit_id""";

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MeetingCase> find(long municipalityId, long id) {
        return jdbc.sql(CASE + " where c.municipality_id = ? and c.id = ?").params(municipalityId, id)
                .query(MeetingCase.class).optional();
    }

    Optional<MeetingCase> byNumber(long municipalityId, String bodyCode, int year, int number) {
        return jdbc.sql(CASE + " where c.municipality_id = ? and u.code = ? and c.year = ? and c.number = ?")
                .params(municipalityId, bodyCode, year, number).query(MeetingCase.class).optional();
    }

    Optional<MeetingCase> bySource(String sourceType, long sourceId) {
        return jdbc.sql(CASE + " where c.source_type = ? and c.source_id = ?").params(sourceType, sourceId)
                .query(MeetingCase.class).optional();
    }

    /** The cases of a body and year, newest number first; all years when year is null. */
    List<MeetingCase> list(long municipalityId, long bodyUnitId, Integer year) {
        return jdbc.sql(CASE + " where c.municipality_id = :m and c.body_unit_id = :b"
                        + (year == null ? "" : " and c.year = :y") + " order by c.year desc, c.number desc")
                .param("m", municipalityId).param("b", bodyUnitId).param("y", year == null ? 0 : year)
                .query(MeetingCase.class).list();
    }

    /** Cases of the body (and of its working committee's parent) waiting for an agenda. */
    List<MeetingCase> waiting(long municipalityId, long bodyUnitId) {
        return jdbc.sql(CASE + " where c.municipality_id = ? and c.body_unit_id = ? and c.status = 'REGISTRERAT'"
                        + " order by c.year, c.number").params(municipalityId, bodyUnitId).query(MeetingCase.class).list();
    }

    /** The next running number of the body's year; the body's row is locked first so two registrations take turns. */
    int nextNumber(long bodyUnitId, int year) {
        jdbc.sql("select id from org_unit where id = ? for update").param(bodyUnitId).query(Long.class).list();
        return jdbc.sql("select coalesce(max(number), 0) + 1 from meeting_case where body_unit_id = ? and year = ?")
                .params(bodyUnitId, year).query(Integer.class).single();
    }

    long insert(long municipalityId, long bodyUnitId, int year, int number, MeetingCase.Text t, String sourceType, Long sourceId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into meeting_case (municipality_id, body_unit_id, year, number, title, officer, status, source_type,
                            source_id, written_on, description, statement, economy, proposal, send_to)
                        values (?, ?, ?, ?, ?, ?, 'REGISTRERAT', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(municipalityId, bodyUnitId, year, number, t.title(), t.officer(), sourceType, sourceId, t.writtenOn(),
                        t.description(), t.statement(), t.economy(), t.proposal(), t.sendTo())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Saves the tjänsteskrivelse; false when the version read is stale. */
    boolean update(long id, int version, MeetingCase.Text t) {
        return jdbc.sql("""
                        update meeting_case set title = ?, officer = ?, written_on = ?, description = ?, statement = ?, economy = ?,
                            proposal = ?, send_to = ?, version = version + 1 where id = ? and version = ?""")
                .params(t.title(), t.officer(), t.writtenOn(), t.description(), t.statement(), t.economy(), t.proposal(),
                        t.sendTo(), id, version).update() == 1;
    }

    void setStatus(long id, MeetingCase.Status status) {
        jdbc.sql("update meeting_case set status = ?, version = version + 1 where id = ?").params(status.name(), id).update();
    }

    static final String DOCUMENT = """
            select d.id, d.case_id, d.sub_number, d.title, d.received_on, '' as dnr, d.file_name, d.content_type,
                   d.size_bytes, d.uploaded_at, d.uploaded_by, d.public_document
            from case_document d""";

    List<MeetingCase.Document> documents(long caseId) {
        return jdbc.sql(DOCUMENT + " where d.case_id = ? order by d.sub_number")
                .param(caseId).query(MeetingCase.Document.class).list();
    }

    Optional<MeetingCase.Document> document(long caseId, long documentId) {
        return jdbc.sql(DOCUMENT + " where d.case_id = ? and d.id = ?").params(caseId, documentId)
                .query(MeetingCase.Document.class).optional();
    }

    /** The document's file; empty when it has none. */
    Optional<byte[]> content(long documentId) {
        return jdbc.sql("select content from case_document_content where document_id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The uploaded PDFs of these cases, by case in the order of their sub-numbers; one query. */
    java.util.Map<Long, List<byte[]>> pdfsOfCases(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, List<byte[]>> result = new java.util.LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select d.case_id, c.content from case_document d join case_document_content c on c.document_id = d.id
                        where d.case_id in (:ids) and d.content_type = 'application/pdf' order by d.case_id, d.sub_number""")
                .param("ids", caseIds)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getBytes(2))).list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return result;
    }

    long addDocument(long caseId, String title, java.time.LocalDate receivedOn) {
        return addDocument(caseId, title, receivedOn, null, null, null, null);
    }

    /** A document, with its file when {@code content} is given; the case's row is locked for the sub-number. */
    long addDocument(long caseId, String title, java.time.LocalDate receivedOn, String fileName, String contentType,
                     byte[] content, String uploadedBy) {
        jdbc.sql("select id from meeting_case where id = ? for update").param(caseId).query(Long.class).list();
        int sub = jdbc.sql("select coalesce(max(sub_number), 0) + 1 from case_document where case_id = ?").param(caseId)
                .query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into case_document (case_id, sub_number, title, received_on, file_name, content_type, size_bytes,
                            uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, sub, title, receivedOn, fileName, contentType, content == null ? null : (long) content.length,
                        content == null ? null : java.time.OffsetDateTime.now(), uploadedBy)
                .update(key, "id");
        long id = key.getKey().longValue();
        if (content != null) {
            jdbc.sql("insert into case_document_content (document_id, content) values (?, ?)").params(id, content).update();
        }
        return id;
    }

    /** Whether a meeting lists the document among its meddelanden. */
    boolean listedAsMessage(long documentId) {
        return jdbc.sql("select count(*) from meeting_message where document_id = ?").param(documentId)
                .query(Long.class).single() > 0;
    }

    void removeDocument(long documentId) {
        jdbc.sql("delete from case_document_content where document_id = ?").param(documentId).update();
        jdbc.sql("delete from case_document where id = ?").param(documentId).update();
    }
}
