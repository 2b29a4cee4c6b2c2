package se.styr.quality.ikplan;

import java.time.LocalDate;
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
import se.styr.followup.ControlResults;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The internal-control plan of a body and year, its deferrals, the joint view of all bodies, and carrying the register. */
@Controller
class ControlPlanController {

    private final ControlPlanService plans;
    private final RegisterCarry carry;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;

    ControlPlanController(ControlPlanService plans, RegisterCarry carry, Organisation organisation, Access access, Messages messages) {
        this.plans = plans;
        this.carry = carry;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
    }

    static int year(Integer year) {
        return year != null && year >= 1990 && year < 2100 ? year : LocalDate.now().getYear();
    }

    @GetMapping("/kvalitet/internkontroll")
    String plan(@RequestParam(name = "organ", required = false) Long bodyId, @RequestParam(name = "ar", required = false) Integer year,
                Model model) {
        return plan(bodyId, year(year), model, null, Map.of(), Map.of(), false);
    }

    private String plan(Long bodyId, int year, Model model, Long formPoint, Map<String, String> form,
                        Map<String, List<String>> errors, boolean conflict) {
        List<OrgUnit> bodies = organisation.bodies(access.municipalityId());
        OrgUnit body = bodyId != null ? plans.body(bodyId) : defaultBody(bodies, access);
        model.addAttribute("bodies", bodies);
        model.addAttribute("body", body);
        model.addAttribute("year", year);
        model.addAttribute("plan", body == null ? null : plans.plan(body.id(), year));
        model.addAttribute("types", ControlResults.reported());
        model.addAttribute("mayEdit", body != null && plans.mayEdit(body.id()));
        model.addAttribute("formPoint", formPoint);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "quality/ikplan/plan";
    }

    /** The first body the person's own roles are scoped to, else the first committee. */
    static OrgUnit defaultBody(List<OrgUnit> bodies, Access access) {
        java.util.Set<Long> own = access.unitsWhere(Access.Action.EDIT_STRUCTURE);
        return bodies.stream().filter(b -> own != null && own.contains(b.id())).findFirst()
                .or(() -> bodies.stream().filter(b -> b.type() == OrgUnitType.NAMND).findFirst())
                .orElse(bodies.isEmpty() ? null : bodies.get(0));
    }

    @PostMapping("/kvalitet/internkontroll/{point}/uppskjut")
    String defer(@PathVariable long point, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        Long to = FormInput.whole(form.get("deferredTo"), "deferredTo", input);
        Long version = blank(form.get("version")) ? null : FormInput.whole(form.get("version"), "version", input);
        try {
            input.check(year != null && body != null, "ar", "quality.validering.formular").throwIfAny();
            Deferral d = plans.defer(point, year.intValue(), to == null ? null : to.intValue(), form.get("reason"),
                    version == null ? null : version.intValue());
            redirect.addFlashAttribute("notice", messages.text("ikplan.plan.deferred", d.deferredTo()));
            return "redirect:/kvalitet/internkontroll?organ=" + body + "&ar=" + year;
        } catch (ValidationException e) {
            return plan(body, year(year == null ? null : year.intValue()), model, point, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return plan(body, year(year == null ? null : year.intValue()), model, point, form, Map.of(), true);
        }
    }

    @PostMapping("/kvalitet/internkontroll/{point}/aterta")
    String undefer(@PathVariable long point, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        int version = FormInput.version(form);
        input.check(year != null && body != null, "ar", "quality.validering.formular").throwIfAny();
        try {
            plans.undefer(point, year.intValue(), version);
        } catch (ConflictException e) {
            return plan(body, year(year.intValue()), model, null, Map.of(), Map.of(), true);
        }
        redirect.addFlashAttribute("notice", messages.text("ikplan.plan.undeferred"));
        return "redirect:/kvalitet/internkontroll?organ=" + body + "&ar=" + year;
    }

    /** Every body's internal-control results of the year side by side, for the executive board's joint assessment. */
    @GetMapping("/kvalitet/internkontroll/resultat")
    String joint(@RequestParam(name = "ar", required = false) Integer year, Model model) {
        int shown = year(year);
        List<ControlPlan> all = plans.all(shown);
        model.addAttribute("year", shown);
        model.addAttribute("plans", all.stream().filter(p -> !p.points().isEmpty()).toList());
        model.addAttribute("without", all.stream().filter(p -> p.points().isEmpty()).map(ControlPlan::body).toList());
        model.addAttribute("types", ControlResults.reported());
        return "quality/ikplan/joint";
    }

    /** Carries a body's register of the year into the next year for reassessment. */
    @PostMapping("/kvalitet/risker/overfor")
    String carry(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        input.check(year != null && body != null, "ar", "quality.validering.formular").throwIfAny();
        int carried = carry.carry(body, year.intValue());
        redirect.addFlashAttribute("notice", messages.text("ikplan.carry.done", carried, year + 1));
        return "redirect:/kvalitet/risker?organ=" + body + "&ar=" + (year + 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
