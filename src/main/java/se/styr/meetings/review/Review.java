package se.styr.meetings.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import se.styr.platform.ValidationException;

/**
 * The auditors' yearly basic review (grundläggande granskning) of one body: the auditors' questions and the body's
 * answers. Who writes what: the auditors (role {@code AUDITOR}, right {@code AUDIT}) write the questions while the
 * review is open and close it once the answers are sent; the body (its controller or secretary, right
 * {@code ANSWER_REVIEW}) answers each question and sends the complete answers to the committee, where they become a case.
 */
record Review(long id, long municipalityId, long bodyUnitId, String bodyCode, String bodyName, int year, String auditor,
              LocalDate answerBy, String introduction, Status status, OffsetDateTime sentAt, String sentBy,
              String decidedReference, LocalDate decidedOn, OffsetDateTime closedAt, String closedBy, int version) {

    /** The source type of the case made of a review ({@code meeting_case.source_type}). */
    static final String SOURCE_TYPE = "audit_review";

    enum Status {
        /** The auditors write questions, the body answers. */
        OPPEN,
        /** The answers are sent to the committee: a case waiting for its decision. Nothing changes any more. */
        SKICKAD,
        /** The committee's paragraph approving the answers is approved (justerat). */
        BESLUTAD,
        /** Closed by the auditors. */
        AVSLUTAD
    }

    /** The body's answer to a question that is not open. */
    enum Answer { JA, NEJ, DELVIS, VET_EJ }

    /** What may be evidence: something already in Styr. */
    enum EvidenceKind {
        /** A budget version ({@code /ekonomi/budget/{id}}). */
        BUDGET,
        /** A follow-up round's compiled report ({@code /uppfoljning/{id}/rapport}). */
        RAPPORT,
        /** The body's internal-control plan of a year with its follow-up (target: the year). */
        IK,
        /** The body's risk analysis of a year (target: the year). */
        RISKANALYS,
        /** The minutes of a meeting ({@code /namnd/sammantraden/{id}/protokoll}). */
        PROTOKOLL
    }

    record Question(long id, long reviewId, int position, String code, String section, String question, boolean openAnswer,
                    String note, Answer answer, String description, String answeredBy, OffsetDateTime answeredAt, int version) {

        /** Answered as far as sending requires: a closed question has an answer, and every answer but Ja has a description. */
        public boolean complete() {
            boolean described = description != null && !description.isBlank();
            return openAnswer ? described : answer != null && (answer == Answer.JA || described);
        }
    }

    record Evidence(long id, long questionId, EvidenceKind kind, long targetId, String title) {

        /** The page of the evidence; the internal-control plan and the risk analysis are the review's body's of that year. */
        public String href(long bodyUnitId) {
            return switch (kind) {
                case BUDGET -> "/ekonomi/budget/" + targetId;
                case RAPPORT -> "/uppfoljning/" + targetId + "/rapport";
                case IK -> "/kvalitet/internkontroll?organ=" + bodyUnitId + "&ar=" + targetId;
                case RISKANALYS -> "/kvalitet/risker?organ=" + bodyUnitId + "&ar=" + targetId;
                case PROTOKOLL -> "/namnd/sammantraden/" + targetId + "/protokoll";
            };
        }
    }

    /** What the auditors write of a question. */
    record QuestionText(String code, String section, String question, boolean openAnswer, String note) {
    }

    /** What the body writes of a question. */
    record AnswerText(Answer answer, String description) {
    }

    /** A chosen piece of evidence offered on the page: kind, target and the title it is stored with. */
    record Candidate(EvidenceKind kind, long targetId, String title) {
        public String key() {
            return kind + ":" + targetId;
        }
    }

    /** The questions may be written (by the auditors) and answered (by the body) only while the review is open. */
    public boolean open() {
        return status == Status.OPPEN;
    }

    /** The auditors may close a review once its answers are sent (decided or not). */
    public boolean closable() {
        return status == Status.SKICKAD || status == Status.BESLUTAD;
    }

    public String title() {
        return "Årlig grundläggande granskning " + year;
    }

    /**
     * Why the answers cannot be sent yet, one problem per question (field {@code q<id>}); empty when they can. A review
     * without questions cannot be sent.
     */
    static List<ValidationException.Problem> incomplete(List<Question> questions) {
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (questions.isEmpty()) {
            problems.add(new ValidationException.Problem("review", "review.validering.ingaFragor", new Object[0]));
        }
        for (Question q : questions) {
            if (q.complete()) {
                continue;
            }
            String key = !q.openAnswer() && q.answer() == null ? "review.validering.saknarSvar" : "review.validering.saknarBeskrivning";
            problems.add(new ValidationException.Problem("q" + q.id(), key, new Object[] {q.code()}));
        }
        return problems;
    }
}
