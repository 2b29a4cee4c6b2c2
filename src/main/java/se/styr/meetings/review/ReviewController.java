package se.styr.meetings.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Pdf;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The auditors' basic review in the browser: the list per body and year, a review with its questions and answers, print and PDF. */
@Controller
class ReviewController {

    private static final String BASE = "/namnd/granskning";

    private final ReviewService reviews;
    private final Messages messages;
    private final ITemplateEngine templates;
    private final Pdf pdf;

    ReviewController(ReviewService reviews, Messages messages, ITemplateEngine templates, Pdf pdf) {
        this.reviews = reviews;
        this.messages = messages;
        this.templates = templates;
        this.pdf = pdf;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "organ", required = false) Long bodyId, @RequestParam(name = "ar", required = false) Integer year,
                Model model) {
        return list(bodyId, year, model, Map.of(), Map.of());
    }

    private String list(Long bodyId, Integer year, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        List<OrgUnit> bodies = reviews.bodies();
        OrgUnit body = bodyId == null ? null : reviews.body(bodyId);
        List<Review> list = reviews.list(body == null ? null : body.id(), year);
        model.addAttribute("bodies", bodies);
        model.addAttribute("body", body);
        model.addAttribute("year", year);
        model.addAttribute("reviews", list);
        model.addAttribute("copyable", reviews.list(null, null));
        model.addAttribute("mayCreate", reviews.mayAuditAny());
        model.addAttribute("thisYear", LocalDate.now().getYear());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "meetings/review/reviews";
    }

    @PostMapping(BASE)
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        LocalDate answerBy = blank(form.get("answerBy")) ? null : FormInput.date(form.get("answerBy"), "answerBy", input);
        Long copy = blank(form.get("kopiera")) ? null : FormInput.whole(form.get("kopiera"), "kopiera", input);
        try {
            Problems.when(body == null, "organ", "review.validering.obligatorisk");
            Review r = reviews.create(body, year == null ? null : year.intValue(), form.get("auditor"), answerBy,
                    form.get("introduction"), copy, input);
            redirect.addFlashAttribute("notice", messages.text("review.created", r.bodyName(), r.year()));
            return "redirect:" + BASE + "/" + r.id();
        } catch (ValidationException e) {
            return list(null, null, model, form, messages.byField(e));
        }
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable long id, Model model) {
        return show(id, model, null, Map.of(), Map.of(), null);
    }

    private String show(long id, Model model, Long formQuestion, Map<String, String> form, Map<String, List<String>> errors,
                        ConflictException conflict) {
        Review r = reviews.get(id);
        fill(model, r);
        boolean open = r.open();
        model.addAttribute("mayAudit", open && reviews.mayAudit(r.bodyUnitId()));
        model.addAttribute("mayAnswer", open && reviews.mayAnswer(r.bodyUnitId()));
        model.addAttribute("mayClose", r.closable() && reviews.mayAudit(r.bodyUnitId()));
        model.addAttribute("candidates", open && reviews.mayAnswer(r.bodyUnitId()) ? reviews.candidates(r).stream()
                .collect(Collectors.groupingBy(Review.Candidate::kind, () -> new java.util.EnumMap<>(Review.EvidenceKind.class),
                        Collectors.toList())) : Map.of());
        model.addAttribute("answers", Review.Answer.values());
        model.addAttribute("formQuestion", formQuestion);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict != null);
        model.addAttribute("conflictMessage", conflict == null ? null : messages.text(conflict.messageKey() == null
                ? "conflict.message" : conflict.messageKey()));
        PageStatus.rejected(errors, conflict != null);
        return "meetings/review/review";
    }

    /** What the page and the print both show: the review, its questions by section, the evidence by question, the case. */
    private void fill(Model model, Review r) {
        List<Review.Question> questions = reviews.questions(r.id());
        Map<String, List<Review.Question>> sections = new LinkedHashMap<>();
        questions.forEach(q -> sections.computeIfAbsent(q.section(), s -> new java.util.ArrayList<>()).add(q));
        model.addAttribute("r", r);
        model.addAttribute("sections", sections);
        model.addAttribute("evidence", reviews.evidence(r.id()).stream().collect(Collectors.groupingBy(Review.Evidence::questionId)));
        model.addAttribute("reviewCase", reviews.caseOf(r).orElse(null));
        model.addAttribute("complete", questions.stream().filter(Review.Question::complete).count());
        model.addAttribute("total", questions.size());
    }

    @GetMapping(BASE + "/{id}/utskrift")
    String print(@PathVariable long id, Model model) {
        fill(model, reviews.get(id));
        return "meetings/review/print";
    }

    @GetMapping(BASE + "/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Review r = reviews.get(id);
        Context context = new Context(Messages.SWEDISH);
        org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
        fill(model, r);
        context.setVariables(model);
        context.setVariable("pdf", true);
        String title = r.title() + " – " + r.bodyName();
        byte[] bytes = pdf.fromHtml(templates.process("meetings/review/print", context), title);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"granskning-" + r.bodyCode() + "-" + r.year() + ".pdf\"")
                .body(bytes);
    }

    // ---- the auditors

    @PostMapping(BASE + "/{id}/fragor")
    String addQuestion(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Review.Question q = reviews.addQuestion(id, questionText(form));
            redirect.addFlashAttribute("notice", messages.text("review.question.added", q.code()));
            return "redirect:" + BASE + "/" + id + "#q" + q.id();
        } catch (ValidationException e) {
            return show(id, model, 0L, form, messages.byField(e), null);
        }
    }

    @PostMapping(BASE + "/{id}/fragor/{questionId}")
    String updateQuestion(@PathVariable long id, @PathVariable long questionId, @RequestParam Map<String, String> form, Model model,
                          RedirectAttributes redirect) {
        return handled(id, questionId, form, model, () -> {
            reviews.updateQuestion(id, questionId, FormInput.version(form), questionText(form));
            return saved(id, questionId, redirect);
        });
    }

    @PostMapping(BASE + "/{id}/fragor/{questionId}/ta-bort")
    String removeQuestion(@PathVariable long id, @PathVariable long questionId, @RequestParam Map<String, String> form, Model model,
                          RedirectAttributes redirect) {
        return handled(id, questionId, form, model, () -> {
            reviews.removeQuestion(id, questionId, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text("review.question.removed"));
            return "redirect:" + BASE + "/" + id;
        });
    }

    @PostMapping(BASE + "/{id}/avsluta")
    String close(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return handled(id, null, form, model, () -> {
            reviews.close(id, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text("review.closed"));
            return "redirect:" + BASE + "/" + id;
        });
    }

    // ---- the body

    @PostMapping(BASE + "/{id}/fragor/{questionId}/svar")
    String answer(@PathVariable long id, @PathVariable long questionId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        Problems input = new Problems();
        Review.Answer answer = blank(form.get("answer")) ? null : FormInput.choice(Review.Answer.class, form.get("answer"), "answer", input);
        return handled(id, questionId, form, model, () -> {
            reviews.answer(id, questionId, FormInput.version(form), new Review.AnswerText(answer, form.get("description")), input);
            return saved(id, questionId, redirect);
        });
    }

    @PostMapping(BASE + "/{id}/fragor/{questionId}/underlag")
    String addEvidence(@PathVariable long id, @PathVariable long questionId, @RequestParam Map<String, String> form, Model model,
                       RedirectAttributes redirect) {
        return handled(id, questionId, form, model, () -> {
            reviews.addEvidence(id, questionId, FormInput.version(form), form.get("underlag"));
            return saved(id, questionId, redirect);
        });
    }

    @PostMapping(BASE + "/{id}/fragor/{questionId}/underlag/{evidenceId}/ta-bort")
    String removeEvidence(@PathVariable long id, @PathVariable long questionId, @PathVariable long evidenceId,
                          @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return handled(id, questionId, form, model, () -> {
            reviews.removeEvidence(id, questionId, FormInput.version(form), evidenceId);
            return saved(id, questionId, redirect);
        });
    }

    @PostMapping(BASE + "/{id}/skicka")
    String send(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return handled(id, null, form, model, () -> {
            reviews.send(id, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text("review.sent"));
            return "redirect:" + BASE + "/" + id;
        });
    }

    /** Runs a write; refused input shows the review again with its messages, a conflict with the Swedish 409. */
    private String handled(long id, Long question, Map<String, String> form, Model model, java.util.function.Supplier<String> write) {
        try {
            return write.get();
        } catch (ValidationException e) {
            return show(id, model, question, form, messages.byField(e), null);
        } catch (ConflictException e) {
            return show(id, model, question, Map.of(), Map.of(), e);
        }
    }

    private String saved(long id, long questionId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.text("review.saved"));
        return "redirect:" + BASE + "/" + id + "#q" + questionId;
    }

    private static Review.QuestionText questionText(Map<String, String> form) {
        return new Review.QuestionText(form.get("code"), form.get("section"), form.get("question"),
                "true".equals(form.get("openAnswer")), form.get("note"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
