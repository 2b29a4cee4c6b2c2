package se.styr.economy.allocation;

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
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetService;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.PageStatus;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;
import se.styr.platform.ValidationException.Problem;

/**
 * The resource allocation model of a budget version: one form whose every change is recomputed at once (htmx posts it
 * to the preview, which answers with the explanation table and saves nothing), saved with its button, and applied to
 * the version's operating budget. Without JavaScript the Save button posts the form and the page is shown again.
 */
@Controller
class AllocationController {

    private static final String RESULT = "economy/allocation-parts :: preview";

    private final AllocationService allocations;
    private final BudgetService budgets;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;

    AllocationController(AllocationService allocations, BudgetService budgets, Access access, Messages messages, SwedishFormat sv) {
        this.allocations = allocations;
        this.budgets = budgets;
        this.access = access;
        this.messages = messages;
        this.sv = sv;
    }

    /** The model of the newest budget version: the one whose frames are being worked out. */
    @GetMapping("/ekonomi/resursfordelning")
    String newest() {
        Budget newest = budgets.budgets().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Budgeten", "för resursfördelningen"));
        return "redirect:/ekonomi/resursfordelning/" + newest.id();
    }

    @GetMapping("/ekonomi/resursfordelning/{id}")
    String page(@PathVariable long id, Model model) {
        AllocationService.View view = allocations.view(id);
        return page(model, view, AllocationForm.of(view.model(), sv), view.version(), view.result(), Map.of(), false);
    }

    /** The explanation table for what the form holds now, nothing saved; 400 with the problems when it cannot be computed. */
    @PostMapping("/ekonomi/resursfordelning/{id}/forhandsvisning")
    String preview(@PathVariable long id, @RequestParam Map<String, String> posted, Model model) {
        Budget budget = budgets.budget(id);
        AllocationResult result = null;
        List<Problem> problems;
        try {
            AllocationForm form = AllocationForm.posted(posted);
            List<Problem> reading = new ArrayList<>();
            AllocationModel typed = form.model(budget.years(), allocations.committees(id), reading);
            if (reading.isEmpty()) {
                result = allocations.preview(id, typed);
                problems = List.of();
            } else {
                problems = AllocationForm.merge(reading, allocations.problems(id, typed));
            }
        } catch (ValidationException e) {
            problems = e.problems();
        }
        Map<String, List<String>> errors = problems.isEmpty() ? Map.of() : messages.byField(new ValidationException(problems));
        model.addAttribute("budget", budget);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return RESULT;
    }

    @PostMapping("/ekonomi/resursfordelning/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> posted,
                @RequestParam(name = "version", defaultValue = "0") int version, Model model, RedirectAttributes redirect) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        AllocationForm form = AllocationForm.posted(posted);
        try {
            List<Problem> reading = new ArrayList<>();
            AllocationModel typed = form.model(budgets.budget(id).years(), allocations.committees(id), reading);
            if (!reading.isEmpty()) {
                throw new ValidationException(AllocationForm.merge(reading, allocations.problems(id, typed)));
            }
            allocations.save(id, version, typed);
            redirect.addFlashAttribute("notice", messages.text("allocation.saved"));
            return "redirect:/ekonomi/resursfordelning/" + id;
        } catch (ValidationException e) {
            return page(model, allocations.view(id), form, version, null, messages.byField(e), false);
        } catch (ConflictException e) {
            return page(model, allocations.view(id), form, version, null, Map.of(), true);
        }
    }

    @PostMapping("/ekonomi/resursfordelning/{id}/tillampa")
    String apply(@PathVariable long id, @RequestParam int version, @RequestParam int budgetVersion, Model model,
                 RedirectAttributes redirect) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        try {
            AllocationService.Applied applied = allocations.apply(id, version, budgetVersion);
            String notice = messages.text("allocation.applied", String.join(", ", applied.written()));
            if (!applied.withoutLine().isEmpty()) {
                notice += " " + messages.text("allocation.appliedWithout", String.join(", ", applied.withoutLine()));
            }
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/ekonomi/resursfordelning/" + id;
        } catch (ValidationException e) {
            AllocationService.View view = allocations.view(id);
            return page(model, view, AllocationForm.of(view.model(), sv), view.version(), view.result(), messages.byField(e), false);
        } catch (ConflictException e) {
            AllocationService.View view = allocations.view(id);
            return page(model, view, AllocationForm.of(view.model(), sv), view.version(), view.result(), Map.of(), true);
        }
    }

    private String page(Model model, AllocationService.View view, AllocationForm form, int version, AllocationResult result,
                        Map<String, List<String>> errors, boolean conflict) {
        Budget budget = view.budget();
        model.addAttribute("view", view);
        model.addAttribute("budget", budget);
        model.addAttribute("f", form.values());
        model.addAttribute("groupRows", form.groupRows());
        model.addAttribute("targetedRows", form.targetedRows());
        model.addAttribute("populationYears", budget.detailYears());
        model.addAttribute("committees", allocations.committees(budget.id()));
        model.addAttribute("version", version);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("versions", budgets.budgets().stream().filter(b -> b.periodId() == budget.periodId()).toList());
        PageStatus.rejected(errors, conflict);
        return "economy/allocation";
    }
}
