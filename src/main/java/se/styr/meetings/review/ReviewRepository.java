package se.styr.meetings.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ReviewRepository {

    private static final String REVIEW = """
            select r.id, r.municipality_id, r.body_unit_id, u.code as body_code, u.name as body_name, r.year, r.auditor,
                   r.answer_by, r.introduction, r.status, r.sent_at, r.sent_by, r.decided_reference, r.decided_on, r.closed_at,
                   r.closed_by, r.version
            from audit_review r join org_unit u on u.id = r.body_unit_id""";

    private static final String QUESTION = """
            select q.id, q.review_id, q.position, q.code, q.section, q.question, q.open_answer, q.note, q.answer, q.description,
                   q.answered_by, q.answered_at, q.version
            from audit_review_question q""";

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Review> find(long municipalityId, long id) {
        return jdbc.sql(REVIEW + " where r.municipality_id = ? and r.id = ?").params(municipalityId, id).query(Review.class).optional();
    }

    /** The review's row locked, so that adding a question or sending the answers take turns. */
    Optional<Review> lock(long municipalityId, long id) {
        jdbc.sql("select id from audit_review where id = ? for update").param(id).query(Long.class).list();
        return find(municipalityId, id);
    }

    /** The reviews of the municipality, of one body or year when given, newest year first. */
    List<Review> list(long municipalityId, Long bodyUnitId, Integer year) {
        return jdbc.sql(REVIEW + " where r.municipality_id = :m" + (bodyUnitId == null ? "" : " and r.body_unit_id = :b")
                        + (year == null ? "" : " and r.year = :y") + " order by r.year desc, u.name")
                .param("m", municipalityId).param("b", bodyUnitId == null ? 0 : bodyUnitId).param("y", year == null ? 0 : year)
                .query(Review.class).list();
    }

    boolean exists(long bodyUnitId, int year) {
        return jdbc.sql("select count(*) from audit_review where body_unit_id = ? and year = ?").params(bodyUnitId, year)
                .query(Long.class).single() > 0;
    }

    long insert(long municipalityId, long bodyUnitId, int year, String auditor, java.time.LocalDate answerBy, String introduction) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into audit_review (municipality_id, body_unit_id, year, auditor, answer_by, introduction, status)
                        values (?, ?, ?, ?, ?, ?, 'OPPEN')""")
                .params(municipalityId, bodyUnitId, year, auditor, answerBy, introduction).update(key, "id");
        return key.getKey().longValue();
    }

    /** Sets the status (and who and when, for sending and closing); false when the version read is stale. */
    boolean setStatus(long id, int version, Review.Status status, String username, OffsetDateTime at) {
        String who = switch (status) {
            case SKICKAD -> ", sent_by = :u, sent_at = :t";
            case AVSLUTAD -> ", closed_by = :u, closed_at = :t";
            default -> "";
        };
        return jdbc.sql("update audit_review set status = :s" + who + ", version = version + 1 where id = :id and version = :v")
                .param("s", status.name()).param("u", username).param("t", at).param("id", id).param("v", version).update() == 1;
    }

    void decided(long id, String reference, java.time.LocalDate on) {
        jdbc.sql("update audit_review set status = 'BESLUTAD', decided_reference = ?, decided_on = ?, version = version + 1 where id = ?")
                .params(reference, on, id).update();
    }

    void touch(long id) {
        jdbc.sql("update audit_review set version = version + 1 where id = ?").param(id).update();
    }

    List<Review.Question> questions(long reviewId) {
        return jdbc.sql(QUESTION + " where q.review_id = ? order by q.position, q.id").param(reviewId)
                .query(Review.Question.class).list();
    }

    Optional<Review.Question> question(long reviewId, long questionId) {
        return jdbc.sql(QUESTION + " where q.review_id = ? and q.id = ?").params(reviewId, questionId)
                .query(Review.Question.class).optional();
    }

    long insertQuestion(long reviewId, Review.QuestionText t) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from audit_review_question where review_id = ?")
                .param(reviewId).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into audit_review_question (review_id, position, code, section, question, open_answer, note)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(reviewId, position, t.code(), t.section(), t.question(), t.openAnswer(), t.note()).update(key, "id");
        return key.getKey().longValue();
    }

    boolean updateQuestion(long id, int version, Review.QuestionText t) {
        return jdbc.sql("""
                        update audit_review_question set code = ?, section = ?, question = ?, open_answer = ?, note = ?,
                            version = version + 1 where id = ? and version = ?""")
                .params(t.code(), t.section(), t.question(), t.openAnswer(), t.note(), id, version).update() == 1;
    }

    boolean deleteQuestion(long id, int version) {
        jdbc.sql("delete from audit_review_evidence where question_id = ?").param(id).update();
        return jdbc.sql("delete from audit_review_question where id = ? and version = ?").params(id, version).update() == 1;
    }

    boolean answer(long id, int version, Review.AnswerText a, String username, OffsetDateTime at) {
        return jdbc.sql("""
                        update audit_review_question set answer = ?, description = ?, answered_by = ?, answered_at = ?,
                            version = version + 1 where id = ? and version = ?""")
                .params(a.answer() == null ? null : a.answer().name(), a.description(), username, at, id, version).update() == 1;
    }

    /** Bumps the question's version for a change of its evidence; false when the version read is stale. */
    boolean bump(long questionId, int version) {
        return jdbc.sql("update audit_review_question set version = version + 1 where id = ? and version = ?")
                .params(questionId, version).update() == 1;
    }

    /** The evidence of every question of the review: one query. */
    List<Review.Evidence> evidence(long reviewId) {
        return jdbc.sql("""
                        select e.id, e.question_id, e.kind, e.target_id, e.title from audit_review_evidence e
                        join audit_review_question q on q.id = e.question_id where q.review_id = ? order by q.position, e.id""")
                .param(reviewId).query(Review.Evidence.class).list();
    }

    boolean hasEvidence(long questionId, Review.EvidenceKind kind, long targetId) {
        return jdbc.sql("select count(*) from audit_review_evidence where question_id = ? and kind = ? and target_id = ?")
                .params(questionId, kind.name(), targetId).query(Long.class).single() > 0;
    }

    long addEvidence(long questionId, Review.Candidate c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into audit_review_evidence (question_id, kind, target_id, title) values (?, ?, ?, ?)")
                .params(questionId, c.kind().name(), c.targetId(), c.title()).update(key, "id");
        return key.getKey().longValue();
    }

    boolean removeEvidence(long questionId, long evidenceId) {
        return jdbc.sql("delete from audit_review_evidence where id = ? and question_id = ?").params(evidenceId, questionId)
                .update() == 1;
    }

    /** The questions of another review, to start a new one from (last year's, or another body's). */
    void copyQuestions(long fromReviewId, long toReviewId) {
        jdbc.sql("""
                        insert into audit_review_question (review_id, position, code, section, question, open_answer, note)
                        select ?, position, code, section, question, open_answer, note from audit_review_question
                        where review_id = ?""").params(toReviewId, fromReviewId).update();
    }
}
