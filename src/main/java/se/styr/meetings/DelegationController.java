package se.styr.meetings;

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
import se.styr.organisation.OrgUnit;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The delegation order of a body and the decisions registered against it. */
@Controller
class DelegationController {

    private final DelegationService delegation;
    private final CaseService cases;
    private final DelegationRevisions revisions;
    private final Messages messages;

    DelegationController(DelegationService delegation, DelegationRevisions revisions, CaseService cases, Messages messages) {
        this.delegation = delegation;
        this.revisions = revisions;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/namnd/delegation")
    String show(@RequestParam(name = "organ", required = false) Long bodyId, Model model) {
        return show(bodyId, model, Map.of(), Map.of());
    }

    private String show(Long bodyId, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        List<OrgUnit> bodies = cases.bodies();
        OrgUnit body = cases.chosen(bodyId, bodies);
        model.addAttribute("bodies", bodies);
        model.addAttribute("body", body);
        List<Delegation.Matter> matters = body == null ? List.of() : delegation.matters(body.id());
        model.addAttribute("matters", matters);
        model.addAttribute("matterById", matters.stream().collect(java.util.stream.Collectors.toMap(Delegation.Matter::id, x -> x)));
        model.addAttribute("decisions", body == null ? List.of() : delegation.decisions(body.id()));
        model.addAttribute("revisions", body == null ? List.of() : revisions.list(body.id()));
        model.addAttribute("changes", body == null ? Map.of() : revisions.changes(body.id()));
        model.addAttribute("changeKinds", Delegation.Change.Kind.values());
        model.addAttribute("mayManage", body != null && cases.mayManage(body.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "meetings/delegation";
    }

    @PostMapping("/namnd/delegation")
    String addMatter(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        try {
            LocalDate from = CaseController.blank(form.get("validFrom")) ? null : FormInput.date(form.get("validFrom"), "validFrom", input);
            input.check(body != null, "organ", "meetings.validering.obligatorisk").throwIfAny();
            delegation.addMatter(body, form.get("code"), form.get("matter"), form.get("delegate"), form.get("legalBasis"), from);
            redirect.addFlashAttribute("notice", messages.text("meetings.saved"));
            return "redirect:/namnd/delegation?organ=" + body;
        } catch (ValidationException e) {
            return show(body, model, form, messages.byField(e));
        }
    }

    @PostMapping("/namnd/delegation/beslut")
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long matterId = FormInput.whole(form.get("matterId"), "matterId", input);
        input.check(matterId != null, "matterId", "meetings.validering.obligatorisk").throwIfAny();
        long id = matterId;
        Delegation.Matter matter = delegation.matter(id);
        try {
            LocalDate on = CaseController.blank(form.get("decidedOn")) ? null : FormInput.date(form.get("decidedOn"), "decidedOn", input);
            input.throwIfAny();
            delegation.register(id, on, form.get("decidedBy"), form.get("summary"), form.get("reference"));
            redirect.addFlashAttribute("notice", messages.text("meetings.saved"));
            return "redirect:/namnd/delegation?organ=" + matter.bodyUnitId();
        } catch (ValidationException e) {
            return show(matter.bodyUnitId(), model, form, messages.byField(e));
        }
    }

    /** A draft revision of the order; it changes nothing until it is decided. */
    @PostMapping("/namnd/delegation/revideringar")
    String createRevision(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        try {
            input.check(body != null, "organ", "meetings.validering.obligatorisk").throwIfAny();
            revisions.create(body, form.get("revTitle"), form.get("caseDnr"));
            redirect.addFlashAttribute("notice", messages.text("meetings.revision.created"));
            return "redirect:/namnd/delegation?organ=" + body;
        } catch (ValidationException e) {
            return show(body, model, form, messages.byField(e));
        }
    }

    @PostMapping("/namnd/delegation/revideringar/{id}/andringar")
    String addChange(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Delegation.Revision r = revisions.get(id);
        Problems input = new Problems();
        try {
            Delegation.Change.Kind kind = CaseController.blank(form.get("kind")) ? null
                    : FormInput.choice(Delegation.Change.Kind.class, form.get("kind"), "kind", input);
            Long matterId = CaseController.blank(form.get("matterId")) ? null : FormInput.whole(form.get("matterId"), "matterId", input);
            input.throwIfAny();
            revisions.addChange(id, kind, matterId, form.get("code"), form.get("matter"), form.get("delegate"), form.get("legalBasis"));
            redirect.addFlashAttribute("notice", messages.text("meetings.saved"));
            return "redirect:/namnd/delegation?organ=" + r.bodyUnitId();
        } catch (ValidationException e) {
            return show(r.bodyUnitId(), model, form, messages.byField(e));
        }
    }

    /** The revision decided: the decision's paragraph and date are required; then the order changes from the day given. */
    @PostMapping("/namnd/delegation/revideringar/{id}/beslut")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Delegation.Revision r = revisions.get(id);
        Problems input = new Problems();
        try {
            LocalDate on = CaseController.blank(form.get("decidedOn")) ? null : FormInput.date(form.get("decidedOn"), "decidedOn", input);
            LocalDate from = CaseController.blank(form.get("validFrom")) ? null : FormInput.date(form.get("validFrom"), "validFrom", input);
            input.throwIfAny();
            Delegation.Revision saved = revisions.decide(id, FormInput.version(form), form.get("decisionRef"), on, from);
            redirect.addFlashAttribute("notice", messages.text("meetings.revision.decidedNotice",
                    saved.decisionRef() + ", " + saved.decidedOn(), saved.validFrom().toString()));
            return "redirect:/namnd/delegation?organ=" + r.bodyUnitId();
        } catch (ValidationException e) {
            return show(r.bodyUnitId(), model, form, messages.byField(e));
        }
    }
}
