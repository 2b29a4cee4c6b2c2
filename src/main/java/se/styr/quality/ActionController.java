package se.styr.quality;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** An action's page: what, why, who and when, its status, and the risks it handles. */
@Controller
class ActionController {

    private final ActionService actions;
    private final RiskService risks;
    private final Organisation organisation;
    private final Messages messages;

    ActionController(ActionService actions, RiskService risks, Organisation organisation, Messages messages) {
        this.actions = actions;
        this.risks = risks;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/kvalitet/atgarder/{id}")
    String show(@PathVariable long id, Model model) {
        return show(actions.get(id), model, Map.of(), Map.of(), false);
    }

    private String show(QualityAction action, Model model, Map<String, String> form, Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("action", action);
        model.addAttribute("body", organisation.unit(action.bodyUnitId()));
        model.addAttribute("risks", risks.handledByAction(action.id()));
        model.addAttribute("mayEdit", actions.mayEdit(action.bodyUnitId()));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "quality/action";
    }

    @PostMapping("/kvalitet/atgarder/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        ActionStatus status = FormInput.choice(ActionStatus.class, form.get("status"), "status", input);
        try {
            input.throwIfAny();
            actions.update(id, FormInput.version(form), new ActionService.ActionInput(form.get("what"), form.get("why"),
                    form.get("responsible"), form.get("timetable"), status));
            redirect.addFlashAttribute("notice", messages.text("quality.action.saved"));
            return "redirect:/kvalitet/atgarder/" + id;
        } catch (ValidationException e) {
            return show(actions.get(id), model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return show(actions.get(id), model, form, Map.of(), true);
        }
    }
}
