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
import se.styr.accounts.Access;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/** The economic action plans: the list, a plan followed up as a whole with its measures, and the forms to change them. */
@Controller
class ActionPlanController {

    private final ActionPlans plans;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;

    ActionPlanController(ActionPlans plans, Organisation organisation, Access access, Messages messages, SwedishFormat sv) {
        this.plans = plans;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
        this.sv = sv;
    }

    @GetMapping("/kvalitet/handlingsplaner")
    String list(Model model) {
        return list(model, Map.of(), Map.of());
    }

    private String list(Model model, Map<String, String> form, Map<String, List<String>> errors) {
        List<ActionPlan> list = plans.list();
        model.addAttribute("plans", list);
        Map<Long, String> bodyNames = new java.util.HashMap<>();
        List<OrgUnit> bodies = organisation.bodies(access.municipalityId());
        bodies.forEach(b -> bodyNames.put(b.id(), b.name()));
        model.addAttribute("bodyNames", bodyNames);
        model.addAttribute("editableBodies", bodies.stream().filter(b -> plans.mayEdit(b.id())).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "quality/plans";
    }

    @PostMapping("/kvalitet/handlingsplaner")
    String create(@RequestParam Map<String, String> form, Model model) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("body"), "body", input);
        if (body != null) {
            plans.requireEditBody(body);
        }
        Long year = FormInput.whole(form.get("year"), "year", input);
        try {
            input.throwIfAny();
            ActionPlan plan = plans.create(body, year == null || Math.abs(year) > 10_000 ? null : year.intValue(), form.get("title"),
                    form.get("background"));
            return "redirect:/kvalitet/handlingsplaner/" + plan.id();
        } catch (ValidationException e) {
            return list(model, form, messages.byField(e));
        }
    }

    @GetMapping("/kvalitet/handlingsplaner/{id}")
    String show(@PathVariable long id, Model model) {
        return show(id, model, Map.of(), Map.of(), false);
    }

    private String show(long id, Model model, Map<String, String> form, Map<String, List<String>> errors, boolean conflict) {
        ActionPlans.FollowUp f = plans.followUp(id);
        model.addAttribute("f", f);
        model.addAttribute("sv", sv);
        model.addAttribute("mayEdit", plans.mayEdit(f.plan().bodyUnitId()));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "quality/plan";
    }

    @PostMapping("/kvalitet/handlingsplaner/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        plans.requireEdit(id);
        try {
            plans.update(id, FormInput.version(form), form.get("title"), form.get("background"));
            redirect.addFlashAttribute("notice", messages.text("actions.plan.sparad"));
            return "redirect:/kvalitet/handlingsplaner/" + id;
        } catch (ValidationException e) {
            return show(id, model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return show(id, model, form, Map.of(), true);
        }
    }

    @PostMapping("/kvalitet/handlingsplaner/{id}/atgarder")
    String addMeasure(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        plans.requireEdit(id);
        Problems input = new Problems();
        ActionStatus status = FormInput.choice(ActionStatus.class, form.get("status"), "status", input);
        Long effect = FormInput.tkr(form.get("expectedEffect"), "expectedEffect", input);
        try {
            input.throwIfAny();
            plans.addMeasure(id, new ActionService.ActionInput(form.get("what"), form.get("why"), form.get("responsible"),
                    form.get("timetable"), status == null ? ActionStatus.EJ_PABORJAD : status, effect));
            redirect.addFlashAttribute("notice", messages.text("actions.atgard.tillagd"));
            return "redirect:/kvalitet/handlingsplaner/" + id;
        } catch (ValidationException e) {
            return show(id, model, form, messages.byField(e), false);
        }
    }
}
