package se.styr.economy.budget;

import java.util.LinkedHashMap;
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
import se.styr.economy.EconomyTable;
import se.styr.organisation.Organisation;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The economy pages: the start page and the municipality's budget, its tables, lines, decision and versions. */
@Controller
class EconomyController {

    private final BudgetService budgets;
    private final BudgetFigures figures;
    private final BudgetCells budgetCells;
    private final Organisation organisation;
    private final Messages messages;
    private final BudgetDecisions decisions;

    EconomyController(BudgetService budgets, BudgetFigures figures, BudgetCells budgetCells, Organisation organisation,
                      Messages messages, BudgetDecisions decisions) {
        this.decisions = decisions;
        this.budgets = budgets;
        this.figures = figures;
        this.budgetCells = budgetCells;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/ekonomi")
    String index(Model model) {
        return index(model, Map.of());
    }

    private String index(Model model, Map<String, List<String>> errors) {
        List<Budget> all = budgets.budgets();
        model.addAttribute("budgets", all);
        model.addAttribute("periodsWithoutBudget", organisation.periods(budgets.municipalityId()).stream()
                .filter(p -> all.stream().noneMatch(b -> b.periodId() == p.id())).toList());
        model.addAttribute("mayCreate", budgets.mayManageMunicipalBudget());
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "economy/index";
    }

    @PostMapping("/ekonomi/budget")
    String create(@RequestParam(required = false) Long periodId, Model model) {
        try {
            Budget budget = budgets.create(periodId == null ? -1 : periodId);
            return "redirect:/ekonomi/budget/" + budget.id();
        } catch (ValidationException e) {
            return index(model, messages.byField(e));
        }
    }

    @GetMapping("/ekonomi/budget/{id}")
    String budget(@PathVariable long id, @RequestParam(name = "enhet", defaultValue = "tkr") String unit, Model model) {
        return budget(id, unit, model, Map.of(), Map.of());
    }

    private String budget(long id, String unit, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        ComputedBudget computed = budgets.computed(id);
        Budget budget = computed.budget();
        model.addAttribute("budget", budget);
        model.addAttribute("computed", computed);
        model.addAttribute("unit", "mnkr".equals(unit) ? "mnkr" : "tkr");
        model.addAttribute("versions", budgets.budgets().stream().filter(b -> b.periodId() == budget.periodId()).toList());
        model.addAttribute("mayEdit", budgets.mayEdit(budget, null));
        model.addAttribute("mayEditCommittee", computed.committees().keySet().stream()
                .filter(u -> budgets.mayEdit(budget, u)).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("mayRevise", budget.decided() && budgets.mayManageMunicipalBudget()
                && budgets.current(budget.periodId()).map(b -> b.id() == budget.id()).orElse(false));
        model.addAttribute("readyForDecision", decisions.readyAt(id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "economy/budget";
    }

    @GetMapping("/ekonomi/budget/{id}/tabell/{code}")
    String table(@PathVariable long id, @PathVariable String code, Model model) {
        return table(id, code, model, Map.of(), Map.of(), budgets.computed(id));
    }

    private String table(long id, String code, Model model, Map<String, String> values, Map<String, List<String>> errors,
                         ComputedBudget computed) {
        Budget budget = computed.budget();
        EconomyTable table = computed.table(code);
        Set<String> editable = budgetCells.editableCells(computed, code);
        model.addAttribute("budget", budget);
        model.addAttribute("table", table);
        model.addAttribute("years", BudgetCells.yearsOf(budget, code));
        model.addAttribute("editable", editable);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("committees", budgets.committees());
        model.addAttribute("parents", code.equals(BudgetCalculator.INVESTMENTS)
                ? budgets.data(id).investments().stream().filter(l -> l.parentId() == null).toList() : List.of());
        model.addAttribute("mayAddLines", budgets.mayEdit(budget, null));
        PageStatus.rejected(errors, false);
        return "economy/budget-table";
    }

    @PostMapping("/ekonomi/budget/{id}/tabell/{code}")
    String saveTable(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect) {
        ComputedBudget computed = budgets.computed(id);
        Set<String> editable = budgetCells.editableCells(computed, code);
        Problems input = new Problems();
        Map<String, Long> cells = cells(form, editable, input);
        try {
            input.throwIfAny();
            budgetCells.saveCells(id, FormInput.version(form), code, cells);
            redirect.addFlashAttribute("notice", messages.text("economy.saved", computed.table(code).title()));
            return "redirect:/ekonomi/budget/" + id + "#tabell-" + code;
        } catch (ValidationException e) {
            Map<String, String> values = new LinkedHashMap<>();
            editable.forEach(c -> values.put(c, form.getOrDefault(c, "")));
            return table(id, code, model, values, messages.byField(e), computed);
        }
    }

    /** The table recomputed from what is typed so far, for the form's live preview (htmx). Nothing is saved. */
    @PostMapping("/ekonomi/budget/{id}/tabell/{code}/forhandsvisning")
    String preview(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        ComputedBudget computed = budgets.computed(id);
        Map<String, Long> cells = cells(form, budgetCells.editableCells(computed, code), new Problems());
        ComputedBudget preview = budgetCells.preview(id, code, cells);
        model.addAttribute("table", preview.table(code));
        return "economy/budget-table :: preview";
    }

    @PostMapping("/ekonomi/budget/{id}/driftrad")
    String addFrameLine(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        FrameKind kind = FormInput.choice(FrameKind.class, form.get("kind"), "kind", input);
        Long unit = FormInput.whole(form.get("orgUnitId"), "orgUnitId", input);
        try {
            input.throwIfAny();
            figures.addFrameLine(id, FormInput.version(form), unit, form.get("label"), kind == null ? FrameKind.NAMND : kind);
            redirect.addFlashAttribute("notice", messages.text("economy.lineAdded"));
            return "redirect:/ekonomi/budget/" + id + "/tabell/" + BudgetCalculator.FRAMES;
        } catch (ValidationException e) {
            return table(id, BudgetCalculator.FRAMES, model, Map.of(), messages.byField(e), budgets.computed(id));
        }
    }

    @PostMapping("/ekonomi/budget/{id}/investeringsrad")
    String addInvestmentLine(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long unit = FormInput.whole(form.get("orgUnitId"), "orgUnitId", input);
        Long parent = FormInput.whole(form.get("parentId"), "parentId", input);
        try {
            input.throwIfAny();
            figures.addInvestmentLine(id, FormInput.version(form), unit, parent, form.get("label"), "true".equals(form.get("feeFinanced")));
            redirect.addFlashAttribute("notice", messages.text("economy.lineAdded"));
            return "redirect:/ekonomi/budget/" + id + "/tabell/" + BudgetCalculator.INVESTMENTS;
        } catch (ValidationException e) {
            return table(id, BudgetCalculator.INVESTMENTS, model, Map.of(), messages.byField(e), budgets.computed(id));
        }
    }

    @PostMapping("/ekonomi/budget/{id}/skattesats")
    String taxRate(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        java.math.BigDecimal rate = FormInput.number(form.get("taxRate"), "taxRate", input);
        try {
            input.throwIfAny();
            budgets.setTaxRate(id, FormInput.version(form), rate);
            redirect.addFlashAttribute("notice", messages.text("economy.taxRateSaved"));
            return "redirect:/ekonomi/budget/" + id;
        } catch (ValidationException e) {
            return budget(id, "tkr", model, form, messages.byField(e));
        }
    }

    @PostMapping("/ekonomi/budget/{id}/beslut")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        budgets.requireMayManageMunicipalBudget();
        Problems input = new Problems();
        java.time.LocalDate on = FormInput.date(form.get("decidedOn"), "decidedOn", input);
        try {
            input.throwIfAny();
            budgets.decide(id, FormInput.version(form), on, form.get("paragraph"));
            redirect.addFlashAttribute("notice", messages.text("economy.decided"));
            return "redirect:/ekonomi/budget/" + id;
        } catch (ValidationException e) {
            return budget(id, "tkr", model, form, messages.byField(e));
        }
    }

    /** The draft goes to the council as a case; its decision then comes from the approved minutes. */
    @PostMapping("/ekonomi/budget/{id}/klar-for-beslut")
    String readyForDecision(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        budgets.requireMayManageMunicipalBudget();
        try {
            decisions.markReady(id, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text("economy.readyForDecision.sent"));
            return "redirect:/ekonomi/budget/" + id;
        } catch (ValidationException e) {
            return budget(id, "tkr", model, form, messages.byField(e));
        }
    }

    @PostMapping("/ekonomi/budget/{id}/revidera")
    String revise(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        budgets.requireMayManageMunicipalBudget();
        Budget revised = budgets.revise(id, FormInput.version(form));
        redirect.addFlashAttribute("notice", messages.text("economy.revised", revised.versionNo()));
        return "redirect:/ekonomi/budget/" + revised.id();
    }

    /** The typed cells of a posted table form, in kronor; unreadable amounts are reported per cell. */
    static Map<String, Long> cells(Map<String, String> form, Set<String> editable, Problems problems) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (String cell : editable) {
            if (form.containsKey(cell)) {
                cells.put(cell, FormInput.tkr(form.get(cell), cell, problems));
            }
        }
        return cells;
    }

}
