package se.styr.economy.excel;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.styr.economy.EconomyTable;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.ComputedBudget;

/** The budget's tables as Excel: the whole budget in one workbook, or one table. Anyone who may read the budget. */
@Controller
class ExcelController {

    private final BudgetService budgets;
    private final ExcelExport excel;

    ExcelController(BudgetService budgets, ExcelExport excel) {
        this.budgets = budgets;
        this.excel = excel;
    }

    @GetMapping("/ekonomi/budget/{id}/excel")
    ResponseEntity<byte[]> budget(@PathVariable long id) {
        ComputedBudget computed = budgets.computed(id);
        List<EconomyTable> tables = new ArrayList<>(computed.municipalTables());
        tables.addAll(computed.committees().values());
        return excel.download(computed.budget().label(), tables);
    }

    @GetMapping("/ekonomi/budget/{id}/excel/{tableCode}")
    ResponseEntity<byte[]> table(@PathVariable long id, @PathVariable String tableCode) {
        ComputedBudget computed = budgets.computed(id);
        EconomyTable table;
        try {
            table = computed.table(tableCode);
        } catch (NumberFormatException e) {
            throw new se.styr.platform.NotFoundException("Tabellen", tableCode);
        }
        return excel.download(computed.budget().label() + " – " + table.title(), List.of(table));
    }
}
