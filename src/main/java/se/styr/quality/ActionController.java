package se.styr.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.followup.ContributedWork;
import se.styr.followup.Round;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.UnitTree;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/**
 * An action's page: what, why, who and when, its status, the risks it handles (or the plan it belongs to), where it is
 * shared in follow-up rounds and what the units reported; and a unit's report on it in a round.
 */
@Controller
class ActionController {

    private final ActionService actions;
    private final ActionPlans plans;
    private final RiskService risks;
    private final Organisation organisation;
    private final UnitTree tree;
    private final ContributedWork work;
    private final Messages messages;
    private final SwedishFormat sv;

    ActionController(ActionService actions, ActionPlans plans, RiskService risks, Organisation organisation, UnitTree tree,
                     ContributedWork work, Messages messages, SwedishFormat sv) {
        this.actions = actions;
        this.plans = plans;
        this.risks = risks;
        this.organisation = organisation;
        this.tree = tree;
        this.work = work;
        this.messages = messages;
        this.sv = sv;
    }

    /** A round the action is shared in, with the units and what each reported. */
    record SharedIn(Round round, List<UnitReport> units) {
    }

    record UnitReport(OrgUnit unit, ActionReport report) {
    }

    @GetMapping("/kvalitet/atgarder/{id}")
    String show(@PathVariable long id, Model model) {
        return show(actions.get(id), model, Map.of(), Map.of(), false);
    }

    private String show(QualityAction action, Model model, Map<String, String> form, Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("action", action);
        model.addAttribute("body", organisation.unit(action.bodyUnitId()));
        model.addAttribute("plan", action.immediate() ? null : plans.get(action.planId()));
        model.addAttribute("risks", risks.handledByAction(action.id()));
        model.addAttribute("mayEdit", actions.mayEdit(action.bodyUnitId()));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("effect", sv.tkrExact(action.expectedEffect()));
        Map<Long, Set<Long>> shares = actions.shares(action.id());
        List<ActionReport> reports = actions.reports(action.id());
        Set<Long> unitIds = new LinkedHashSet<>();
        shares.values().forEach(unitIds::addAll);
        reports.forEach(r -> unitIds.add(r.unitId()));
        Map<Long, OrgUnit> units = tree.byIds(unitIds);
        List<SharedIn> sharedIn = new ArrayList<>();
        for (Round round : work.rounds(shares.keySet())) {
            List<UnitReport> lines = shares.get(round.id()).stream().map(u -> new UnitReport(units.get(u), reports.stream()
                    .filter(r -> r.roundId() == round.id() && r.unitId() == u).findFirst().orElse(null))).toList();
            sharedIn.add(new SharedIn(round, lines));
        }
        model.addAttribute("sharedIn", sharedIn);
        List<Round> open = work.openRounds(action.bodyUnitId()).stream().filter(work::mayManage).toList();
        model.addAttribute("openRounds", open);
        model.addAttribute("reportingUnits", open.isEmpty() ? List.of() : work.reportingUnits(open.get(0).id()));
        model.addAttribute("sharedTo", open.isEmpty() ? Set.of() : shares.getOrDefault(open.get(0).id(), Set.of()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "quality/action";
    }

    @PostMapping("/kvalitet/atgarder/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        actions.requireEdit(id);
        Problems input = new Problems();
        ActionStatus status = FormInput.choice(ActionStatus.class, form.get("status"), "status", input);
        Long effect = FormInput.tkr(form.get("expectedEffect"), "expectedEffect", input);
        try {
            input.throwIfAny();
            actions.update(id, FormInput.version(form), new ActionService.ActionInput(form.get("what"), form.get("why"),
                    form.get("responsible"), form.get("timetable"), status, effect));
            redirect.addFlashAttribute("notice", messages.text("quality.action.saved"));
            return "redirect:/kvalitet/atgarder/" + id;
        } catch (ValidationException e) {
            return show(actions.get(id), model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return show(actions.get(id), model, form, Map.of(), true);
        }
    }

    @PostMapping("/kvalitet/atgarder/{id}/delning")
    String share(@PathVariable long id, @RequestParam Map<String, String> form,
                 @RequestParam(name = "units", required = false) List<Long> units, Model model, RedirectAttributes redirect) {
        actions.requireSharing(id);
        Problems input = new Problems();
        Long round = FormInput.whole(form.get("roundId"), "roundId", input);
        try {
            input.throwIfAny();
            actions.share(id, FormInput.version(form), round, units == null ? Set.of() : new LinkedHashSet<>(units));
            redirect.addFlashAttribute("notice", messages.text("actions.delning.sparad"));
            return "redirect:/kvalitet/atgarder/" + id;
        } catch (ValidationException e) {
            return show(actions.get(id), model, Map.of(), messages.byField(e), false);
        } catch (ConflictException e) {
            return show(actions.get(id), model, Map.of(), Map.of(), true);
        }
    }

    @GetMapping("/kvalitet/atgarder/{id}/uppfoljning/{roundId}/enhet/{unitId}")
    String report(@PathVariable long id, @PathVariable long roundId, @PathVariable long unitId, Model model) {
        return report(id, roundId, unitId, model, Map.of(), Map.of(), false);
    }

    private String report(long id, long roundId, long unitId, Model model, Map<String, String> form,
                          Map<String, List<String>> errors, boolean conflict) {
        QualityAction action = actions.get(id);
        ActionReport report = actions.report(id, roundId, unitId);
        model.addAttribute("action", action);
        model.addAttribute("round", work.round(roundId));
        model.addAttribute("unit", organisation.unit(unitId));
        model.addAttribute("report", report);
        model.addAttribute("reached", sv.tkrExact(report.reachedEffect()));
        model.addAttribute("expected", sv.tkrExact(action.expectedEffect()));
        model.addAttribute("mayReport", actions.mayReport(roundId, unitId));
        model.addAttribute("taskLink", work.taskLink(roundId, unitId));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "quality/action-report";
    }

    @PostMapping("/kvalitet/atgarder/{id}/uppfoljning/{roundId}/enhet/{unitId}")
    String saveReport(@PathVariable long id, @PathVariable long roundId, @PathVariable long unitId,
                      @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        actions.report(id, roundId, unitId);
        actions.requireReporting(unitId);
        Problems input = new Problems();
        ActionStatus status = FormInput.choice(ActionStatus.class, form.get("status"), "status", input);
        Long reached = FormInput.tkr(form.get("reachedEffect"), "reachedEffect", input);
        try {
            input.throwIfAny();
            actions.saveReport(id, roundId, unitId, FormInput.version(form), new ActionService.ReportInput(status, form.get("comment"), reached));
            redirect.addFlashAttribute("notice", messages.text("actions.redovisning.sparad"));
            return "redirect:/kvalitet/atgarder/" + id + "/uppfoljning/" + roundId + "/enhet/" + unitId;
        } catch (ValidationException e) {
            return report(id, roundId, unitId, model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return report(id, roundId, unitId, model, form, Map.of(), true);
        }
    }
}
