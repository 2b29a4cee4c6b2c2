package se.styr.economy.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import se.styr.economy.budget.BudgetService;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The goals for sound finances: their evaluation, the goals themselves, and the municipality's forecast and outcome. */
@Controller
class FinancialGoalController {

    private final FinancialGoalService goals;
    private final BudgetService budgets;
    private final Organisation organisation;
    private final Messages messages;

    FinancialGoalController(FinancialGoalService goals, BudgetService budgets, Organisation organisation, Messages messages) {
        this.goals = goals;
        this.budgets = budgets;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/ekonomi/finansiella-mal")
    String overview(@RequestParam(required = false) Long period, @RequestParam(name = "manad", defaultValue = "12") int month, Model model) {
        return overview(period, month, model, Map.of(), Map.of());
    }

    private String overview(Long periodId, int month, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        List<PlanPeriod> periods = organisation.periods(budgets.municipalityId());
        if (periods.isEmpty()) {
            throw new NotFoundException("Planperioden", "");
        }
        PlanPeriod period = periodId == null ? defaultPeriod(periods)
                : periods.stream().filter(p -> p.id() == periodId).findFirst().orElseThrow(() -> new NotFoundException("Planperioden", periodId));
        model.addAttribute("periods", periods);
        model.addAttribute("overview", goals.overview(period.id(), Math.max(1, Math.min(12, month))));
        model.addAttribute("kinds", FinancialGoalKind.values());
        model.addAttribute("mayEdit", goals.mayEdit());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "economy/goals";
    }

    private PlanPeriod defaultPeriod(List<PlanPeriod> periods) {
        int year = LocalDate.now().getYear();
        return periods.stream().filter(p -> !p.illustrative() && p.contains(year)).findFirst()
                .or(() -> periods.stream().filter(p -> !goals.goals(p.id()).isEmpty()).findFirst())
                .orElse(periods.get(0));
    }

    @PostMapping("/ekonomi/finansiella-mal")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        FinancialGoalKind kind = FormInput.choice(FinancialGoalKind.class, form.get("kind"), "kind", input);
        BigDecimal threshold = threshold(kind, form.get("threshold"), input);
        Long period = FormInput.whole(form.get("period"), "period", input);
        if (!input.has("period")) {
            input.check(period != null, "period", "validering.val");
        }
        try {
            input.throwIfAny();
            goals.add(period, kind, form.get("title"), threshold, form.get("description"));
            redirect.addFlashAttribute("notice", messages.text("economy.goal.added"));
            return "redirect:/ekonomi/finansiella-mal?period=" + period;
        } catch (ValidationException e) {
            return overview(period, 12, model, form, messages.byField(e));
        }
    }

    @GetMapping("/ekonomi/finansiella-mal/{id}")
    String goal(@PathVariable long id, Model model) {
        return goal(goals.goal(id), model, Map.of(), Map.of());
    }

    private String goal(FinancialGoal goal, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        model.addAttribute("goal", goal);
        model.addAttribute("kinds", FinancialGoalKind.values());
        model.addAttribute("mayEdit", goals.mayEdit());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "economy/goal";
    }

    @PostMapping("/ekonomi/finansiella-mal/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FinancialGoal goal = goals.goal(id);
        Problems input = new Problems();
        FinancialGoalKind kind = FormInput.choice(FinancialGoalKind.class, form.get("kind"), "kind", input);
        BigDecimal threshold = threshold(kind, form.get("threshold"), input);
        try {
            input.throwIfAny();
            goals.update(id, FormInput.version(form), kind, form.get("title"), threshold, form.get("description"));
            redirect.addFlashAttribute("notice", messages.text("economy.goal.saved"));
            return "redirect:/ekonomi/finansiella-mal?period=" + goal.periodId();
        } catch (ValidationException e) {
            return goal(goal, model, form, messages.byField(e));
        }
    }

    @PostMapping("/ekonomi/finansiella-mal/{id}/ta-bort")
    String remove(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FinancialGoal goal = goals.goal(id);
        goals.remove(id, FormInput.version(form));
        redirect.addFlashAttribute("notice", messages.text("economy.goal.removed"));
        return "redirect:/ekonomi/finansiella-mal?period=" + goal.periodId();
    }

    @GetMapping("/ekonomi/finansiella-mal/underlag")
    String figures(@RequestParam(name = "ar") int year, @RequestParam(name = "grund", defaultValue = "PROGNOS") FinancialBasis basis,
                   @RequestParam(name = "manad", defaultValue = "8") int month, Model model) {
        return figures(year, basis, month, model, Map.of(), Map.of());
    }

    private String figures(int year, FinancialBasis basis, int month, Model model, Map<String, String> form,
                           Map<String, List<String>> errors) {
        model.addAttribute("year", year);
        model.addAttribute("basis", basis);
        model.addAttribute("month", month);
        model.addAttribute("lines", FinancialGoalService.linesOf(basis));
        model.addAttribute("figures", goals.typedFigures(basis, year, month));
        model.addAttribute("mayEdit", goals.mayEdit());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "economy/figures";
    }

    @PostMapping("/ekonomi/finansiella-mal/underlag")
    String saveFigures(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        FinancialBasis basis = FormInput.choice(FinancialBasis.class, form.get("grund"), "grund", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        Long month = FormInput.whole(form.getOrDefault("manad", "12"), "manad", input);
        // Checked here, before the narrowing to int: a year like 4294969318 would otherwise be saved as 2022.
        boolean yearOk = year != null && year >= 1990 && year <= 2100;
        boolean monthOk = month != null && month >= 1 && month <= 12;
        if (!input.has("ar")) {
            input.check(yearOk, "ar", "economy.goal.error.year");
        }
        if (!input.has("manad")) {
            input.check(monthOk, "manad", "economy.goal.error.month");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, Long> read = new LinkedHashMap<>();
        if (basis != null) {
            for (String line : FinancialGoalService.linesOf(basis)) {
                if (form.containsKey(line)) {
                    values.put(line, FormInput.tkr(form.get(line), line, input));
                    read.put(line, FormInput.whole(form.get("read_" + line), "version", input));
                }
            }
        }
        try {
            input.throwIfAny();
            goals.saveFigures(basis, year.intValue(), month.intValue(), values, read);
            redirect.addFlashAttribute("notice", messages.text("economy.figures.saved"));
            return "redirect:/ekonomi/finansiella-mal/underlag?ar=" + year + "&grund=" + basis + "&manad=" + month;
        } catch (ValidationException e) {
            return figures(yearOk ? year.intValue() : 0, basis == null ? FinancialBasis.PROGNOS : basis,
                    monthOk ? month.intValue() : 12, model, form, messages.byField(e));
        }
    }

    private static BigDecimal threshold(FinancialGoalKind kind, String text, Problems input) {
        if (kind == FinancialGoalKind.LANGFRISTIGA_SKULDER) {
            Long kronor = FormInput.tkr(text, "threshold", input);
            return kronor == null ? null : BigDecimal.valueOf(kronor);
        }
        return FormInput.number(text, "threshold", input);
    }
}
