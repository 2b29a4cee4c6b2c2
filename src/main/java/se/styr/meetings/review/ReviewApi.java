package se.styr.meetings.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.meetings.MeetingLinks;
import se.styr.platform.FormInput;
import se.styr.platform.Problems;

/** The auditors' basic review as JSON, with the same rules, rights and audit as the pages; errors as problem+json. */
@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Grundläggande granskning", description = "Revisorernas årliga grundläggande granskning: frågor, nämndens svar, underlag och ärendet")
class ReviewApi {

    private final ReviewService reviews;

    ReviewApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** An evidence with the address of its page. */
    record EvidenceOutput(long id, Review.EvidenceKind kind, long targetId, String title, String href) {
    }

    record QuestionOutput(Review.Question question, boolean complete, List<EvidenceOutput> evidence) {
    }

    record ReviewOutput(Review review, MeetingLinks.CaseLink reviewCase, List<QuestionOutput> questions) {
    }

    record CreateRequest(Long bodyUnitId, Integer year, String auditor, LocalDate answerBy, String introduction, Long copyFrom) {
    }

    record QuestionRequest(String code, String section, String question, Boolean openAnswer, String note, Integer version) {
        Review.QuestionText text() {
            return new Review.QuestionText(code, section, question, Boolean.TRUE.equals(openAnswer), note);
        }
    }

    /** The answer: JA, NEJ, DELVIS or VET_EJ (none for an open question), the description, the version read. */
    record AnswerRequest(String answer, String description, Integer version) {
    }

    /** Evidence by kind (BUDGET, RAPPORT, IK, RISKANALYS, PROTOKOLL) and target, among those the page offers. */
    record EvidenceRequest(Review.EvidenceKind kind, Long targetId, Integer version) {
    }

    record VersionRequest(Integer version) {
    }

    @GetMapping
    @Operation(summary = "Granskningarna, per organ och år när de anges")
    List<Review> list(@RequestParam(name = "body", required = false) Long body, @RequestParam(name = "year", required = false) Integer year) {
        return reviews.list(body == null ? null : reviews.body(body).id(), year);
    }

    @GetMapping("/{id}")
    @Operation(summary = "En granskning med frågor, svar, underlag och ärendet den blivit")
    ReviewOutput get(@PathVariable long id) {
        return output(reviews.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ny granskning av ett organ ett år (revisorerna), eventuellt med frågorna från en annan")
    ReviewOutput create(@RequestBody CreateRequest in) {
        Problems.when(in.bodyUnitId() == null, "bodyUnitId", "review.validering.obligatorisk");
        return output(reviews.create(in.bodyUnitId(), in.year(), in.auditor(), in.answerBy(), in.introduction(), in.copyFrom(),
                new Problems()));
    }

    @PostMapping("/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Lägg till en fråga (revisorerna, medan granskningen är öppen)")
    Review.Question addQuestion(@PathVariable long id, @RequestBody QuestionRequest in) {
        return reviews.addQuestion(id, in.text());
    }

    @PutMapping("/{id}/questions/{questionId}")
    @Operation(summary = "Ändra en fråga (revisorerna)")
    Review.Question updateQuestion(@PathVariable long id, @PathVariable long questionId, @RequestBody QuestionRequest in) {
        return reviews.updateQuestion(id, questionId, version(in.version()), in.text());
    }

    @PutMapping("/{id}/questions/{questionId}/answer")
    @Operation(summary = "Besvara en fråga: JA, NEJ, DELVIS eller VET_EJ med beskrivning (nämndens controller eller sekreterare)")
    Review.Question answer(@PathVariable long id, @PathVariable long questionId, @RequestBody AnswerRequest in) {
        Problems input = new Problems();
        Review.Answer answer = in.answer() == null || in.answer().isBlank() ? null
                : FormInput.choice(Review.Answer.class, in.answer(), "answer", input);
        return reviews.answer(id, questionId, version(in.version()), new Review.AnswerText(answer, in.description()), input);
    }

    @PostMapping("/{id}/questions/{questionId}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Peka på underlag i Styr: budget, rapport, internkontrollplan, riskanalys eller protokoll")
    EvidenceOutput addEvidence(@PathVariable long id, @PathVariable long questionId, @RequestBody EvidenceRequest in) {
        String key = in.kind() == null || in.targetId() == null ? null : in.kind() + ":" + in.targetId();
        Review.Evidence e = reviews.addEvidence(id, questionId, version(in.version()), key);
        return new EvidenceOutput(e.id(), e.kind(), e.targetId(), e.title(), e.href(reviews.get(id).bodyUnitId()));
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Skicka de fullständiga svaren till nämnden: granskningen blir ett ärende")
    ReviewOutput send(@PathVariable long id, @RequestBody VersionRequest in) {
        return output(reviews.send(id, version(in.version())));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Avsluta granskningen (revisorerna), när svaren är skickade")
    ReviewOutput close(@PathVariable long id, @RequestBody VersionRequest in) {
        return output(reviews.close(id, version(in.version())));
    }

    private ReviewOutput output(Review r) {
        Map<Long, List<Review.Evidence>> evidence = reviews.evidence(r.id()).stream()
                .collect(Collectors.groupingBy(Review.Evidence::questionId));
        List<QuestionOutput> questions = reviews.questions(r.id()).stream().map(q -> new QuestionOutput(q, q.complete(),
                evidence.getOrDefault(q.id(), List.of()).stream().map(e -> new EvidenceOutput(e.id(), e.kind(), e.targetId(),
                        e.title(), e.href(r.bodyUnitId()))).toList())).toList();
        return new ReviewOutput(r, reviews.caseOf(r).orElse(null), questions);
    }

    private static int version(Integer version) {
        Problems.when(version == null, "version", "validering.version");
        return version;
    }
}
