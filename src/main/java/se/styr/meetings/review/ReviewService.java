package se.styr.meetings.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.BudgetState;
import se.styr.followup.ContributedWork;
import se.styr.meetings.MeetingLinks;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.Decisions;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/**
 * The auditors' yearly basic review of a body: the auditors write the questions ({@code AUDIT}) and close the review;
 * the body answers ({@code ANSWER_REVIEW}) and sends the complete answers to the committee, which makes them a case
 * ({@link Decisions.ReadyForDecision}); the approved paragraph deciding the case marks the review decided
 * ({@link Decisions.Decided}). Every write checks the right first, then the input, and is audited old → new.
 */
@Service
class ReviewService {

    static final String AUDIT_TYPE = "audit_review";
    static final String QUESTION_TYPE = "audit_review_question";
    static final List<OrgUnitType> BODY_TYPES = List.of(OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.NAMND);

    private final ReviewRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MeetingLinks meetings;
    private final BudgetService budgets;
    private final ContributedWork rounds;

    ReviewService(ReviewRepository repository, Organisation organisation, Access access, AuditLog audit,
                  ApplicationEventPublisher events, MeetingLinks meetings, BudgetService budgets, ContributedWork rounds) {
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.meetings = meetings;
        this.budgets = budgets;
        this.rounds = rounds;
    }

    // ---- reading

    Review get(long id) {
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Granskningen", id));
    }

    List<Review> list(Long bodyUnitId, Integer year) {
        return repository.list(access.municipalityId(), bodyUnitId, year);
    }

    List<Review.Question> questions(long reviewId) {
        return repository.questions(reviewId);
    }

    List<Review.Evidence> evidence(long reviewId) {
        return repository.evidence(reviewId);
    }

    List<OrgUnit> bodies() {
        return organisation.units(access.municipalityId(), BODY_TYPES);
    }

    OrgUnit body(long unitId) {
        OrgUnit unit = organisation.findUnit(unitId).filter(u -> u.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Organet", unitId));
        Problems.when(!BODY_TYPES.contains(unit.type()), "organ", "review.validering.organ");
        return unit;
    }

    java.util.Optional<MeetingLinks.CaseLink> caseOf(Review r) {
        return meetings.caseFor(r.municipalityId(), Review.SOURCE_TYPE, r.id());
    }

    boolean mayAudit(long bodyUnitId) {
        return access.may(Access.Action.AUDIT, bodyUnitId);
    }

    boolean mayAnswer(long bodyUnitId) {
        return access.may(Access.Action.ANSWER_REVIEW, bodyUnitId);
    }

    /** Whether the current person may start a review of some body: the auditors (and administrators). */
    boolean mayAuditAny() {
        return bodies().stream().anyMatch(b -> mayAudit(b.id()));
    }

    /**
     * What an answer may point at: the municipality's budgets (decided first), the body's follow-up rounds, its
     * internal-control plan and risk analysis of the review's year and the year before, and the minutes of the body
     * and its working committee. A constant number of queries.
     */
    List<Review.Candidate> candidates(Review r) {
        List<Review.Candidate> list = new ArrayList<>();
        budgets.budgets().stream().filter(b -> !b.illustrative())
                .sorted(java.util.Comparator.comparing((Budget b) -> b.state() != BudgetState.BESLUTAD))
                .forEach(b -> list.add(new Review.Candidate(Review.EvidenceKind.BUDGET, b.id(), b.periodName() + ", version "
                        + b.versionNo() + (b.state() == BudgetState.BESLUTAD ? " (beslutad" + (b.decidedOn() == null ? ""
                        : " " + b.decidedOn()) + ")" : " (utkast)"))));
        rounds.bodyRounds(r.bodyUnitId()).forEach(x -> list.add(new Review.Candidate(Review.EvidenceKind.RAPPORT, x.id(),
                x.name() + " (" + r.bodyCode() + ")")));
        for (int y = r.year(); y >= r.year() - 1; y--) {
            list.add(new Review.Candidate(Review.EvidenceKind.IK, y, "Internkontrollplan " + y + " med uppföljning (" + r.bodyCode() + ")"));
            list.add(new Review.Candidate(Review.EvidenceKind.RISKANALYS, y, "Risk- och väsentlighetsanalys " + y + " (" + r.bodyCode() + ")"));
        }
        meetings.minutes(r.municipalityId(), r.bodyUnitId()).forEach(m -> list.add(new Review.Candidate(
                Review.EvidenceKind.PROTOKOLL, m.meetingId(), "Protokoll " + m.bodyCode() + " " + m.meetsOn())));
        return list;
    }

    // ---- the auditors

    @Transactional
    Review create(long bodyUnitId, Integer year, String auditor, LocalDate answerBy, String introduction, Long copyFrom,
                  Problems input) {
        OrgUnit body = body(bodyUnitId);
        access.require(Access.Action.AUDIT, body.id());
        input.check(year != null && year >= 2000 && year <= 2100, "ar", "review.validering.ar");
        String a = text(input, "auditor", auditor, 500);
        String intro = text(input, "introduction", introduction, 20_000);
        Review source = null;
        if (copyFrom != null) {
            source = repository.find(access.municipalityId(), copyFrom).orElse(null);
            input.check(source != null, "kopiera", "review.validering.kopiera");
        }
        input.throwIfAny();
        Problems.when(repository.exists(body.id(), year), "ar", "review.validering.finns", body.name(), year);
        long id = repository.insert(access.municipalityId(), body.id(), year, a, answerBy, intro);
        if (source != null) {
            repository.copyQuestions(source.id(), id);
        }
        Review saved = get(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, saved.title() + " – " + body.name()
                + (source == null ? "" : ", frågorna från " + source.bodyCode() + " " + source.year()), null, saved);
        return saved;
    }

    @Transactional
    Review.Question addQuestion(long reviewId, Review.QuestionText in) {
        Review r = get(reviewId);
        access.require(Access.Action.AUDIT, r.bodyUnitId());
        Review locked = repository.lock(r.municipalityId(), reviewId).orElseThrow();
        requireOpen(locked);
        Review.QuestionText t = check(in);
        long id = repository.insertQuestion(reviewId, t);
        repository.touch(reviewId);
        Review.Question saved = repository.question(reviewId, id).orElseThrow();
        audit.record(r.municipalityId(), QUESTION_TYPE, id, AuditLog.Action.SKAPAD,
                "Fråga " + saved.code() + " – " + r.title() + " " + r.bodyCode(), null, saved);
        return saved;
    }

    @Transactional
    Review.Question updateQuestion(long reviewId, long questionId, int version, Review.QuestionText in) {
        Review r = get(reviewId);
        access.require(Access.Action.AUDIT, r.bodyUnitId());
        requireOpen(r);
        Review.Question before = question(reviewId, questionId);
        Review.QuestionText t = check(in);
        if (!repository.updateQuestion(questionId, version, t)) {
            throw new ConflictException(QUESTION_TYPE, questionId);
        }
        Review.Question saved = question(reviewId, questionId);
        audit.record(r.municipalityId(), QUESTION_TYPE, questionId, AuditLog.Action.ANDRAD,
                "Fråga " + saved.code() + " – " + r.title() + " " + r.bodyCode(), before, saved);
        return saved;
    }

    @Transactional
    void removeQuestion(long reviewId, long questionId, int version) {
        Review r = get(reviewId);
        access.require(Access.Action.AUDIT, r.bodyUnitId());
        requireOpen(r);
        Review.Question before = question(reviewId, questionId);
        if (!repository.deleteQuestion(questionId, version)) {
            throw new ConflictException(QUESTION_TYPE, questionId);
        }
        repository.touch(reviewId);
        audit.record(r.municipalityId(), QUESTION_TYPE, questionId, AuditLog.Action.BORTTAGEN,
                "Fråga " + before.code() + " – " + r.title() + " " + r.bodyCode(), before, null);
    }

    /** The auditors close a review whose answers have been sent (decided or not): nothing changes after that. */
    @Transactional
    Review close(long reviewId, int version) {
        Review r = get(reviewId);
        access.require(Access.Action.AUDIT, r.bodyUnitId());
        Problems.when(!r.closable(), "status", "review.validering.ejSkickad");
        if (!repository.setStatus(reviewId, version, Review.Status.AVSLUTAD, access.current().username(), now())) {
            throw new ConflictException(AUDIT_TYPE, reviewId);
        }
        Review saved = get(reviewId);
        audit.record(r.municipalityId(), AUDIT_TYPE, reviewId, AuditLog.Action.ANDRAD,
                "Avslutad av revisorerna – " + r.title() + " " + r.bodyCode(), r, saved);
        return saved;
    }

    // ---- the body

    @Transactional
    Review.Question answer(long reviewId, long questionId, int version, Review.AnswerText in, Problems input) {
        Review r = get(reviewId);
        access.require(Access.Action.ANSWER_REVIEW, r.bodyUnitId());
        requireOpen(r);
        Review.Question before = question(reviewId, questionId);
        String description = text(input, "description", in.description(), 20_000);
        input.check(!before.openAnswer() || in.answer() == null, "answer", "review.validering.oppenFraga");
        input.throwIfAny();
        if (!repository.answer(questionId, version, new Review.AnswerText(in.answer(), description),
                access.current().username(), now())) {
            throw new ConflictException(QUESTION_TYPE, questionId);
        }
        Review.Question saved = question(reviewId, questionId);
        audit.record(r.municipalityId(), QUESTION_TYPE, questionId, AuditLog.Action.ANDRAD,
                "Svar på fråga " + saved.code() + " – " + r.title() + " " + r.bodyCode(), before, saved);
        return saved;
    }

    /** Points the answer at something already in Styr, chosen among {@link #candidates}; the title is stored with it. */
    @Transactional
    Review.Evidence addEvidence(long reviewId, long questionId, int version, String key) {
        Review r = get(reviewId);
        access.require(Access.Action.ANSWER_REVIEW, r.bodyUnitId());
        requireOpen(r);
        Review.Question before = question(reviewId, questionId);
        Review.Candidate c = key == null ? null : candidates(r).stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        Problems.when(c == null, "underlag", "review.validering.underlag");
        Problems.when(repository.hasEvidence(questionId, c.kind(), c.targetId()), "underlag", "review.validering.underlagFinns");
        if (!repository.bump(questionId, version)) {
            throw new ConflictException(QUESTION_TYPE, questionId);
        }
        long id = repository.addEvidence(questionId, c);
        Review.Evidence saved = repository.evidence(reviewId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        audit.record(r.municipalityId(), QUESTION_TYPE, questionId, AuditLog.Action.ANDRAD,
                "Underlag till fråga " + before.code() + ": " + c.title() + " – " + r.title() + " " + r.bodyCode(), null, saved);
        return saved;
    }

    @Transactional
    void removeEvidence(long reviewId, long questionId, int version, long evidenceId) {
        Review r = get(reviewId);
        access.require(Access.Action.ANSWER_REVIEW, r.bodyUnitId());
        requireOpen(r);
        Review.Question q = question(reviewId, questionId);
        Review.Evidence before = repository.evidence(reviewId).stream()
                .filter(e -> e.id() == evidenceId && e.questionId() == questionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Underlaget", evidenceId));
        if (!repository.bump(questionId, version)) {
            throw new ConflictException(QUESTION_TYPE, questionId);
        }
        repository.removeEvidence(questionId, evidenceId);
        audit.record(r.municipalityId(), QUESTION_TYPE, questionId, AuditLog.Action.ANDRAD,
                "Underlag borttaget från fråga " + q.code() + ": " + before.title() + " – " + r.title() + " " + r.bodyCode(),
                before, null);
    }

    /**
     * The body sends its complete answers to the committee ("Skicka till nämnden"): the review is frozen and becomes a
     * case of the body with the next diarienummer, in this transaction.
     */
    @Transactional
    Review send(long reviewId, int version) {
        Review r = get(reviewId);
        access.require(Access.Action.ANSWER_REVIEW, r.bodyUnitId());
        Review locked = repository.lock(r.municipalityId(), reviewId).orElseThrow();
        requireOpen(locked);
        List<ValidationException.Problem> missing = Review.incomplete(repository.questions(reviewId));
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        if (!repository.setStatus(reviewId, version, Review.Status.SKICKAD, access.current().username(), now())) {
            throw new ConflictException(AUDIT_TYPE, reviewId);
        }
        Review saved = get(reviewId);
        audit.record(r.municipalityId(), AUDIT_TYPE, reviewId, AuditLog.Action.ANDRAD,
                "Svaren skickade till nämnden – " + r.title() + " " + r.bodyCode(), r, saved);
        events.publishEvent(new Decisions.ReadyForDecision(r.municipalityId(), r.bodyUnitId(), Review.SOURCE_TYPE, r.id(),
                r.title(), r.year(), access.current().displayName()));
        return saved;
    }

    /** The committee's paragraph approving the answers is approved: the review shows as decided with its reference. */
    @EventListener
    @Transactional
    public void onDecided(Decisions.Decided e) {
        if (!Review.SOURCE_TYPE.equals(e.sourceType())) {
            return;
        }
        repository.find(e.municipalityId(), e.sourceId()).ifPresent(before -> {
            repository.decided(before.id(), e.reference(), e.decidedOn());
            audit.record(e.municipalityId(), AUDIT_TYPE, before.id(), AuditLog.Action.ANDRAD,
                    "Beslutad " + e.reference() + " – " + before.title() + " " + before.bodyCode(), before,
                    repository.find(e.municipalityId(), before.id()).orElseThrow());
        });
    }

    // ---- rules of input

    private Review.Question question(long reviewId, long questionId) {
        return repository.question(reviewId, questionId).orElseThrow(() -> new NotFoundException("Frågan", questionId));
    }

    private static void requireOpen(Review r) {
        if (!r.open()) {
            throw new ConflictException(AUDIT_TYPE, r.id(), "review.skickad");
        }
    }

    private static Review.QuestionText check(Review.QuestionText in) {
        Problems p = new Problems();
        String code = text(p, "code", in.code(), 10);
        String section = text(p, "section", in.section(), 200);
        String question = text(p, "question", in.question(), 2000);
        p.check(code != null, "code", "review.validering.obligatorisk");
        p.check(section != null, "section", "review.validering.obligatorisk");
        p.check(question != null, "question", "review.validering.obligatorisk");
        String note = text(p, "note", in.note(), 2000);
        p.throwIfAny();
        return new Review.QuestionText(code, section, question, in.openAnswer(), note);
    }

    /** The text stripped, null when blank; a problem when longer than max (the same rule as the cases' texts). */
    private static String text(Problems p, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        p.check(s.length() <= max, field, "validering.text.lang", max);
        return s;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
