package se.styr.quality;

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
import se.styr.goals.FollowUpOccasion;
import se.styr.goals.GoalService;
import se.styr.goals.Perspective;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Paging;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The risk register in the browser: the register and its matrix, a risk and its handling. */
@Controller
class RiskController {

    /** How many objects of a kind the page offers to link to (a body's own plan has a handful). */
    static final int CANDIDATES = 200;

    private final RiskService risks;
    private final ActionService actions;
    private final GoalService goals;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final se.styr.quality.ikplan.RegisterCarry carried;

    RiskController(RiskService risks, ActionService actions, GoalService goals, Organisation organisation, Access access,
                   Messages messages, se.styr.quality.ikplan.RegisterCarry carried) {
        this.carried = carried;
        this.risks = risks;
        this.actions = actions;
        this.goals = goals;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/kvalitet/risker")
    String register(@RequestParam(name = "organ", required = false) Long bodyId, @RequestParam(name = "ar", required = false) Integer year,
                    Model model) {
        return register(bodyId, year, model, Map.of(), Map.of());
    }

    private String register(Long bodyId, Integer year, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        List<OrgUnit> bodies = organisation.bodies(access.municipalityId());
        OrgUnit body = bodyId != null ? risks.body(bodyId) : defaultBody(bodies);
        List<Integer> years = body == null ? List.of() : risks.years(body.id());
        int shown = year != null && RiskRules.validYear(year) ? year : years.isEmpty() ? LocalDate.now().getYear() : years.get(0);
        List<Risk.Row> rows = body == null ? List.of() : risks.register(body.id(), shown);
        model.addAttribute("bodies", bodies);
        model.addAttribute("body", body);
        model.addAttribute("year", shown);
        model.addAttribute("years", years);
        model.addAttribute("rows", rows);
        model.addAttribute("previous", body == null ? Map.of() : carried.previous(body.id(), shown));
        model.addAttribute("matrix", RiskMatrix.of(rows.stream().map(Risk.Row::risk).toList()));
        model.addAttribute("actions", body == null ? List.of() : actions.list(body.id(), shown));
        model.addAttribute("mayEdit", body != null && risks.mayEdit(body.id()));
        addChoices(model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "quality/register";
    }

    /** The first body the person's own roles are scoped to, else the body of the latest register, else the first committee. */
    private OrgUnit defaultBody(List<OrgUnit> bodies) {
        java.util.Set<Long> own = access.unitsWhere(Access.Action.EDIT_STRUCTURE);
        Long latest = risks.latestBody().orElse(null);
        return bodies.stream().filter(b -> own != null && own.contains(b.id())).findFirst()
                .or(() -> bodies.stream().filter(b -> latest != null && b.id() == latest).findFirst())
                .or(() -> bodies.stream().filter(b -> b.type() == se.styr.organisation.OrgUnitType.NAMND).findFirst())
                .orElse(bodies.isEmpty() ? null : bodies.get(0));
    }

    private static void addChoices(Model model) {
        model.addAttribute("areas", Area.values());
        model.addAttribute("probabilities", RiskScale.Probability.values());
        model.addAttribute("consequences", RiskScale.Consequence.values());
        model.addAttribute("handlings", Handling.values());
        model.addAttribute("perspectives", Perspective.values());
        model.addAttribute("occasions", FollowUpOccasion.values());
        model.addAttribute("statuses", ActionStatus.values());
    }

    @PostMapping("/kvalitet/risker")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        RiskInput in = input(form, input);
        try {
            input.check(body != null && year != null, "organ", "quality.validering.formular").throwIfAny();
            Risk risk = risks.create(body, year.intValue(), in);
            redirect.addFlashAttribute("notice", messages.text("quality.risk.created", risk.number()));
            return "redirect:/kvalitet/risker/" + risk.id();
        } catch (ValidationException e) {
            return register(body, year == null ? null : year.intValue(), model, form, messages.byField(e));
        }
    }

    static RiskInput input(Map<String, String> form, Problems input) {
        Area area = form.get("area") == null || form.get("area").isBlank() ? null
                : FormInput.choice(Area.class, form.get("area"), "area", input);
        Long probability = FormInput.whole(form.get("probability"), "probability", input);
        Long consequence = FormInput.whole(form.get("consequence"), "consequence", input);
        Handling handling = blank(form.get("handling")) ? null : FormInput.choice(Handling.class, form.get("handling"), "handling", input);
        if (handling == null && RiskScale.valid(small(probability)) && RiskScale.valid(small(consequence))) {
            handling = RiskScale.suggested(probability.intValue(), consequence.intValue());
        }
        LocalDate assessedOn = FormInput.date(form.get("assessedOn"), "assessedOn", input);
        return new RiskInput(area, form.get("process"), form.get("description"), small(probability), small(consequence), handling,
                form.get("handlingReason"), form.get("assessedBy"), assessedOn);
    }

    private static Integer small(Long n) {
        return n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    @GetMapping("/kvalitet/risker/{id}")
    String risk(@PathVariable long id, Model model) {
        return risk(risks.get(id), model, Map.of(), Map.of(), false);
    }

    private String risk(Risk risk, Model model, Map<String, String> form, Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("risk", risk);
        model.addAttribute("body", organisation.unit(risk.bodyUnitId()));
        model.addAttribute("mayEdit", risks.mayEdit(risk.bodyUnitId()));
        model.addAttribute("handledBy", risk.goalObjectId() == null ? null : goals.get(risk.goalObjectId()));
        model.addAttribute("action", risk.actionId() == null ? null : actions.get(risk.actionId()));
        model.addAttribute("candidates", risk.handling().kind() == null || risk.goalObjectId() != null ? List.of()
                : goals.page(risk.handling().kind(), risk.bodyUnitId(), null, risk.year(), null, new Paging(1, CANDIDATES)).items());
        addChoices(model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "quality/risk";
    }

    @PostMapping("/kvalitet/risker/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        RiskInput in = input(form, input);
        try {
            input.throwIfAny();
            risks.update(id, FormInput.version(form), in);
            redirect.addFlashAttribute("notice", messages.text("quality.risk.saved"));
            return "redirect:/kvalitet/risker/" + id;
        } catch (ValidationException e) {
            return risk(risks.get(id), model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return risk(risks.get(id), model, form, Map.of(), true);
        }
    }

    @PostMapping("/kvalitet/risker/{id}/koppla")
    String link(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long object = FormInput.whole(form.get("goalObjectId"), "goalObjectId", input);
        try {
            input.throwIfAny();
            risks.link(id, FormInput.version(form), object);
            redirect.addFlashAttribute("notice", messages.text("quality.risk.linked"));
            return "redirect:/kvalitet/risker/" + id;
        } catch (ValidationException e) {
            return risk(risks.get(id), model, Map.of(), messages.byField(e), false);
        }
    }

    @PostMapping("/kvalitet/risker/{id}/koppla-bort")
    String unlink(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        risks.unlink(id, FormInput.version(form));
        redirect.addFlashAttribute("notice", messages.text("quality.risk.unlinked"));
        return "redirect:/kvalitet/risker/" + id;
    }

    @PostMapping("/kvalitet/risker/{id}/hantering")
    String createHandling(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Perspective perspective = blank(form.get("perspective")) ? null
                : FormInput.choice(Perspective.class, form.get("perspective"), "perspective", input);
        FollowUpOccasion occasion = blank(form.get("followUpOccasion")) ? null
                : FormInput.choice(FollowUpOccasion.class, form.get("followUpOccasion"), "followUpOccasion", input);
        HandlingDraft draft = new HandlingDraft(form.get("title"), form.get("responsible"), perspective, form.get("checked"),
                form.get("method"), occasion, form.get("timetable"));
        try {
            input.throwIfAny();
            risks.createHandling(id, FormInput.version(form), draft);
            redirect.addFlashAttribute("notice", messages.text("quality.risk.handlingCreated"));
            return "redirect:/kvalitet/risker/" + id;
        } catch (ValidationException e) {
            return risk(risks.get(id), model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return risk(risks.get(id), model, form, Map.of(), true);
        }
    }

    @PostMapping("/kvalitet/risker/{id}/ta-bort")
    String remove(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Risk risk = risks.get(id);
        risks.remove(id, FormInput.version(form));
        redirect.addFlashAttribute("notice", messages.text("quality.risk.removed", risk.number()));
        return "redirect:/kvalitet/risker?organ=" + risk.bodyUnitId() + "&ar=" + risk.year();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
