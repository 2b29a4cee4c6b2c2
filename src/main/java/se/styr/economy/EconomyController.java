package se.styr.economy;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.styr.organisation.Organisation;

/** The economy pages: the start page and the municipality's budget. */
@Controller
class EconomyController {

    private final BudgetService budgets;
    private final Organisation organisation;

    EconomyController(BudgetService budgets, Organisation organisation) {
        this.budgets = budgets;
        this.organisation = organisation;
    }

    @GetMapping("/ekonomi")
    String index(Model model) {
        model.addAttribute("budgets", budgets.budgets());
        return "economy/index";
    }

    @GetMapping("/ekonomi/budget/{id}")
    String budget(@PathVariable long id, @RequestParam(name = "enhet", defaultValue = "tkr") String unit, Model model) {
        ComputedBudget computed = budgets.computed(id);
        model.addAttribute("budget", computed.budget());
        model.addAttribute("computed", computed);
        model.addAttribute("unit", "mnkr".equals(unit) ? "mnkr" : "tkr");
        model.addAttribute("versions", budgets.budgets().stream().filter(b -> b.periodId() == computed.budget().periodId()).toList());
        return "economy/budget";
    }

    static List<String> units() {
        return List.of("tkr", "mnkr");
    }
}
