package se.styr.economy.excel;

import jakarta.servlet.http.HttpServletResponse;
import se.styr.platform.excel.ExcelHttp;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.styr.accounts.Access;
import se.styr.economy.budget.Budget;
import se.styr.platform.excel.ImportJobs;
import se.styr.economy.budget.BudgetService;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;

/**
 * The import page: templates to download, a form per kind of file, and the page of a running import, which htmx
 * polls every half second (without JavaScript, reloading it shows the same).
 */
@Controller
class ImportController {

    static final String BUDGET_FILE = "namndbudget-fil";
    static final String OUTCOME_FILE = "utfall-fil";

    private final ImportService imports;
    private final ImportJobs jobs;
    private final Access access;
    private final ImportTemplate templates;
    private final BudgetService budgets;
    private final Messages messages;

    ImportController(ImportService imports, ImportJobs jobs, ImportTemplate templates, BudgetService budgets,
                     Messages messages, Access access) {
        this.imports = imports;
        this.access = access;
        this.jobs = jobs;
        this.templates = templates;
        this.budgets = budgets;
        this.messages = messages;
    }

    @GetMapping("/ekonomi/import")
    String page(Model model) {
        return page(model, Map.of());
    }

    private String page(Model model, Map<String, List<String>> errors) {
        List<Budget> all = budgets.budgets();
        model.addAttribute("budgets", all);
        model.addAttribute("drafts", all.stream().filter(b -> !b.decided()).toList());
        model.addAttribute("mayImport", imports.mayImport());
        List<Integer> years = List.copyOf(imports.outcomeYears());
        model.addAttribute("outcomeYears", years.isEmpty() ? "" : years.get(0) + "–" + years.get(years.size() - 1));
        model.addAttribute("errors", errors);
        return "economy/import";
    }

    @PostMapping("/ekonomi/import/namndbudget")
    String importCommitteeBudget(@RequestParam(required = false) Long budgetId,
                                 @RequestParam(required = false) MultipartFile file, Model model,
                                 HttpServletResponse response) {
        imports.requireMayImport();
        if (file == null || file.isEmpty() || budgetId == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, Map.of(BUDGET_FILE, List.of(messages.text(budgetId == null ? "import.error.noBudget" : "import.error.noFile"))));
        }
        Budget budget = budgets.budget(budgetId);
        byte[] bytes = ExcelHttp.bytes(file);
        String name = ExcelHttp.fileName(file);
        String job = jobs.start(access.municipalityId(), ImportService.Kind.NAMNDBUDGET.name(), name, budget.id(),
                progress -> imports.importCommitteeBudgets(budget.id(), budget.version(), name, bytes, progress));
        return "redirect:/ekonomi/import/jobb/" + job;
    }

    @PostMapping("/ekonomi/import/utfall")
    String importOutcomes(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
        imports.requireMayImport();
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, Map.of(OUTCOME_FILE, List.of(messages.text("import.error.noFile"))));
        }
        byte[] bytes = ExcelHttp.bytes(file);
        String name = ExcelHttp.fileName(file);
        String job = jobs.start(access.municipalityId(), ImportService.Kind.UTFALL.name(), name, null, progress -> imports.importOutcomes(name, bytes, progress));
        return "redirect:/ekonomi/import/jobb/" + job;
    }

    /**
     * The job's page; htmx's polling (HX-Request without HX-Boosted) gets only the part that changes. A boosted
     * upload lands here after a redirect, so the address bar is set to this page, which can then be reloaded.
     */
    @GetMapping("/ekonomi/import/jobb/{id}")
    String job(@PathVariable String id, Model model, HttpServletResponse response,
               @RequestHeader(name = "HX-Request", required = false) String htmx,
               @RequestHeader(name = "HX-Boosted", required = false) String boosted) {
        model.addAttribute("job", jobs.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Importen", id)));
        if (htmx != null && boosted == null) {
            return "economy/import-job :: state";
        }
        if (htmx != null) {
            response.setHeader("HX-Push-Url", "/ekonomi/import/jobb/" + id);
        }
        return "economy/import-job";
    }

    @GetMapping("/ekonomi/import/mall/namndbudget.xlsx")
    ResponseEntity<byte[]> committeeBudgetTemplate(@RequestParam(name = "budget", required = false) Long budgetId) {
        Budget budget = budgetId != null ? budgets.budget(budgetId)
                : budgets.budgets().stream().filter(b -> !b.decided()).findFirst()
                        .or(() -> budgets.budgets().stream().findFirst())
                        .orElseThrow(() -> new NotFoundException("Budgeten", "–"));
        return ExcelHttp.download("Mall nämndbudget.xlsx", templates.committeeBudget(budget));
    }

    @GetMapping("/ekonomi/import/mall/utfall.xlsx")
    ResponseEntity<byte[]> outcomeTemplate() {
        List<Budget> all = budgets.budgets();
        int year = all.isEmpty() ? java.time.Year.now().getValue() : all.get(0).firstYear();
        return ExcelHttp.download("Mall utfall.xlsx", templates.outcomes(year));
    }



}
