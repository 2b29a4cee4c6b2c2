package se.styr.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The årsbokslut's questions in the browser: was the plan followed, and the comment on the forecast accuracy. */
@Controller
class AnnualController {

    private final AnnualReviews reviews;
    private final FollowupService followup;
    private final Access access;
    private final Messages messages;

    AnnualController(AnnualReviews reviews, FollowupService followup, Access access, Messages messages) {
        this.reviews = reviews;
        this.followup = followup;
        this.access = access;
        this.messages = messages;
    }

    /** The form's fields as typed (answers "true", "false" or "" for not answered). */
    record Form(String controlPlanFollowed, String controlPlanComment, String activitiesFollowed,
                String activitiesComment, String forecastComment) {

        static Form of(AnnualReview r) {
            return new Form(answer(r.controlPlanFollowed()), r.controlPlanComment(), answer(r.activitiesFollowed()),
                    r.activitiesComment(), r.forecastComment());
        }

        private static String answer(Boolean b) {
            return b == null ? "" : b.toString();
        }
    }

    @GetMapping("/uppfoljning/{id}/arsbokslut")
    String form(@PathVariable long id, Model model) {
        Round round = followup.round(id);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        AnnualReview review = reviews.review(id);
        return page(model, round, review, Form.of(review), Map.of(), false);
    }

    @PostMapping("/uppfoljning/{id}/arsbokslut")
    String save(@PathVariable long id, @RequestParam Map<String, String> posted, Model model, RedirectAttributes redirect) {
        Round round = followup.round(id);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Form form = new Form(posted.get("controlPlanFollowed"), posted.get("controlPlanComment"),
                posted.get("activitiesFollowed"), posted.get("activitiesComment"), posted.get("forecastComment"));
        Problems input = new Problems();
        Boolean controlPlan = answer(form.controlPlanFollowed(), "controlPlanFollowed", input);
        Boolean activities = answer(form.activitiesFollowed(), "activitiesFollowed", input);
        try {
            input.throwIfAny();
            reviews.save(id, new AnnualReviews.Input(controlPlan, form.controlPlanComment(), activities,
                    form.activitiesComment(), form.forecastComment()), FollowupController.parseInt(posted.get("version")));
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/uppfoljning/" + id + "/rapport";
        } catch (ValidationException e) {
            return page(model, round, reviews.review(id), form, messages.byField(e), false);
        } catch (ConflictException e) {
            return page(model, round, reviews.review(id), form, Map.of(), true);
        }
    }

    private static Boolean answer(String value, String field, Problems input) {
        if (value == null || value.isBlank()) {
            return null;
        }
        input.check(value.equals("true") || value.equals("false"), field, "validering.val");
        return Boolean.valueOf(value);
    }

    private String page(Model model, Round round, AnnualReview review, Form form, Map<String, List<String>> errors,
                        boolean conflict) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("true", messages.text("texts.answer.yes"));
        answers.put("false", messages.text("texts.answer.no"));
        answers.put("", messages.text("texts.answer.none"));
        model.addAttribute("round", round);
        model.addAttribute("review", review);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "followup/annual";
    }
}
