package se.styr.followup;

import java.util.ArrayList;
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
import se.styr.goals.AssignmentStatus;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** Reporting in a round in the browser: the controllers' outcomes, a unit's task and its reports on objects. */
@Controller
class ReportingController {

    private final Rounds rounds;
    private final RoundPages pages;
    private final Reporting reporting;
    private final TaskWorkflow workflow;
    private final Access access;
    private final Messages messages;

    ReportingController(Rounds rounds, RoundPages pages, Reporting reporting, TaskWorkflow workflow, Access access,
                        Messages messages) {
        this.rounds = rounds;
        this.pages = pages;
        this.reporting = reporting;
        this.workflow = workflow;
        this.access = access;
        this.messages = messages;
    }


    @GetMapping("/uppfoljning/{id}/utfall")
    String outcomes(@PathVariable long id, @RequestParam(name = "nyckeltal", required = false) Long figureId, Model model) {
        Round round = rounds.round(id);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        return outcomesPage(model, pages.outcomes(id, figureId), null, Map.of(), false);
    }

    @PostMapping("/uppfoljning/{id}/utfall/{figureId}")
    String saveOutcomes(@PathVariable long id, @PathVariable long figureId, @RequestParam Map<String, String> form,
                        Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        List<Reporting.OutcomeInput> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("rows[" + i + "].unitId"); i++) {
            String f = "rows[" + i + "].";
            rows.add(new Reporting.OutcomeInput(FollowupController.parseLong(form.get(f + "unitId")),
                    FormInput.number(form.get(f + "outcome"), f + "outcome", input), FormInput.number(form.get(f + "target"), f + "target", input),
                    FormInput.number(form.get(f + "previousOutcome"), f + "previousOutcome", input),
                    FormInput.choice(Signal.class, form.get(f + "signalOverride"), f + "signalOverride", input),
                    FormInput.choice(Trend.class, form.get(f + "trendOverride"), f + "trendOverride", input),
                    form.get(f + "reason"), FollowupController.parseInt(form.get(f + "version"))));
        }
        try {
            input.throwIfAny();
            reporting.saveOutcomes(id, figureId, rows);
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/uppfoljning/" + id + "/utfall?nyckeltal=" + figureId;
        } catch (ValidationException e) {
            return outcomesPage(model, pages.outcomes(id, figureId), form, messages.byField(e), false);
        } catch (ConflictException e) {
            return outcomesPage(model, pages.outcomes(id, figureId), form, Map.of(), true);
        }
    }

    private String outcomesPage(Model model, FollowupViews.OutcomesPage page, Map<String, String> posted,
                                Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("page", page);
        model.addAttribute("posted", posted);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("signals", Signal.values());
        model.addAttribute("trends", Trend.values());
        PageStatus.rejected(errors, conflict);
        return "followup/outcomes";
    }

    // ---- tasks

    @GetMapping("/uppfoljning/uppgift/{taskId}")
    String task(@PathVariable long taskId, Model model) {
        return taskPage(model, taskId, Map.of(), false);
    }

    @PostMapping("/uppfoljning/uppgift/{taskId}/klarmarkera")
    String markDone(@PathVariable long taskId, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return transition(taskId, model, redirect, "uppf.klarmarkerad", () -> workflow.markDone(taskId, version));
    }

    @PostMapping("/uppfoljning/uppgift/{taskId}/godkann")
    String approve(@PathVariable long taskId, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return transition(taskId, model, redirect, "uppf.godkand", () -> workflow.approve(taskId, version));
    }

    @PostMapping("/uppfoljning/uppgift/{taskId}/skicka-tillbaka")
    String sendBack(@PathVariable long taskId, @RequestParam int version,
                    @RequestParam(name = "comment", required = false) String comment, Model model,
                    RedirectAttributes redirect) {
        return transition(taskId, model, redirect, "uppf.atersand", () -> workflow.sendBack(taskId, version, comment));
    }

    private String transition(long taskId, Model model, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.text(notice));
            return "redirect:/uppfoljning/uppgift/" + taskId;
        } catch (ValidationException e) {
            return taskPage(model, taskId, messages.byField(e), false);
        } catch (ConflictException e) {
            return taskPage(model, taskId, Map.of(), true);
        }
    }

    private String taskPage(Model model, long taskId, Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("page", pages.task(taskId));
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "followup/task";
    }

    // ---- reporting on an object

    @GetMapping("/uppfoljning/{id}/enhet/{unitId}/objekt/{objectId}")
    String object(@PathVariable long id, @PathVariable long unitId, @PathVariable long objectId,
                  @RequestParam(name = "flik", defaultValue = "rapportering") String tab, Model model) {
        FollowupViews.ObjectPage page = pages.objectPage(id, unitId, objectId);
        return objectPage(model, page, tab, null, Map.of(), false);
    }

    @PostMapping("/uppfoljning/{id}/enhet/{unitId}/objekt/{objectId}")
    String report(@PathVariable long id, @PathVariable long unitId, @PathVariable long objectId,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Reporting.ReportInput in = new Reporting.ReportInput(form.get("analysis"), form.get("assessment"),
                form.get("result"), form.get("action"), FormInput.choice(AssignmentStatus.class, form.get("status"), "status", input),
                form.get("forecast"));
        try {
            input.throwIfAny();
            reporting.saveReport(id, unitId, objectId, in, FollowupController.parseInt(form.get("version")));
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/uppfoljning/" + id + "/enhet/" + unitId + "/objekt/" + objectId;
        } catch (ValidationException e) {
            return objectPage(model, pages.objectPage(id, unitId, objectId), "rapportering", form, messages.byField(e), false);
        } catch (ConflictException e) {
            return objectPage(model, pages.objectPage(id, unitId, objectId), "rapportering", form, Map.of(), true);
        }
    }

    private String objectPage(Model model, FollowupViews.ObjectPage page, String tab, Map<String, String> posted,
                              Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("page", page);
        model.addAttribute("tab", List.of("rapportering", "instruktioner", "underlag").contains(tab) ? tab : "rapportering");
        model.addAttribute("posted", posted);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        RoundType type = page.round().type();
        model.addAttribute("goalStates", page.part() == Part.UPPDRAG ? AnnualScale.assignmentStates(type) : AnnualScale.goalStates(type));
        model.addAttribute("controlAssessments", ControlAssessment.values());
        model.addAttribute("statuses", AnnualScale.statuses(type));
        PageStatus.rejected(errors, conflict);
        return "followup/object";
    }
}
