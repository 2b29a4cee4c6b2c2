package se.styr.economy.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetService;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.UnitTree;
import se.styr.platform.Messages;

/**
 * The documented templates of the import, made afresh on each download: the data sheet with its header row and
 * example rows, and a sheet "Instruktioner" in Swedish. The examples use the municipality's own committees and units,
 * and in the detail budget a committee's figures as the budget holds them, so the unchanged template imports cleanly.
 */
@Component
class ImportTemplate {

    static final String INSTRUCTIONS = "Instruktioner";

    /** Illustrative outcome of one month for the example rows (tkr, not from the seeds). */
    private static final Map<AccountGroup, String> EXAMPLE_OUTCOME = Map.of(
            AccountGroup.VERKSAMHETENS_INTAKTER, "412.5",
            AccountGroup.PERSONALKOSTNADER, "-2861.25",
            AccountGroup.LOKALHYROR, "-310",
            AccountGroup.KOP_AV_TJANSTER, "-154.8",
            AccountGroup.OVRIGA_KOSTNADER, "-98.375");

    private final BudgetService budgets;
    private final UnitTree tree;
    private final Access access;
    private final Messages messages;

    ImportTemplate(BudgetService budgets, UnitTree tree, Access access, Messages messages) {
        this.budgets = budgets;
        this.tree = tree;
        this.access = access;
        this.messages = messages;
    }

    /** The detail-budget template for a budget: a committee's figures for every year of its detail budget. */
    byte[] committeeBudget(Budget budget) {
        OrgUnit committee = exampleCommittee();
        Map<AccountGroup, Map<Integer, Long>> figures = budgets.data(budget.id()).committees().getOrDefault(committee.id(), Map.of());
        List<Object[]> rows = new ArrayList<>();
        for (int year : budget.detailYears()) {
            for (AccountGroup group : AccountGroup.typed()) {
                if (group == AccountGroup.KOMMUNBIDRAG && year >= budget.firstYear()) {
                    continue;
                }
                Long kronor = figures.getOrDefault(group, Map.of()).get(year);
                rows.add(new Object[] {key(committee), label(group), year,
                        kronor == null ? 0.0 : ExcelExport.tkr(kronor).doubleValue()});
            }
        }
        return workbook(ImportService.Kind.NAMNDBUDGET, rows, List.of(messages.text("import.instructions.NAMNDBUDGET",
                budget.periodName(), String.valueOf(budget.detailYears().get(0)), String.valueOf(budget.lastYear()),
                key(committee), committee.name()).split("\n")));
    }

    /** The outcome template: a unit's example rows for the first two months of a year. */
    byte[] outcomes(int year) {
        OrgUnit committee = exampleCommittee();
        OrgUnit unit = tree.of(committee.id()).units().stream().filter(u -> u.type() == OrgUnitType.ENHET)
                .findFirst().orElse(committee);
        List<Object[]> rows = new ArrayList<>();
        for (int month = 1; month <= 2; month++) {
            for (AccountGroup group : AccountGroup.typed()) {
                String amount = EXAMPLE_OUTCOME.get(group);
                if (amount != null) {
                    rows.add(new Object[] {key(unit), year, month, label(group),
                            Double.parseDouble(amount)});
                }
            }
        }
        return workbook(ImportService.Kind.UTFALL, rows, List.of(messages.text("import.instructions.UTFALL",
                key(unit), unit.name(), String.valueOf(year)).split("\n")));
    }

    /** The first committee the user keeps the budget for, else the first committee. */
    private OrgUnit exampleCommittee() {
        List<OrgUnit> committees = budgets.committees();
        return committees.stream().filter(u -> u.type() == OrgUnitType.NAMND && access.may(Access.Action.MANAGE_BUDGET, u.id()))
                .findFirst().or(() -> committees.stream().filter(u -> u.type() == OrgUnitType.NAMND).findFirst())
                .orElseGet(() -> committees.get(0));
    }

    /** How a file names the unit: its code, or its name where it has none. */
    private static String key(OrgUnit unit) {
        return unit.code() == null || unit.code().isBlank() ? unit.name() : unit.code();
    }

    private String label(AccountGroup group) {
        return messages.text("economy.group." + group.name());
    }

    private byte[] workbook(ImportService.Kind kind, List<Object[]> rows, List<String> instructions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.###"));

            Sheet data = workbook.createSheet(kind.sheet());
            Row top = data.createRow(0);
            for (int c = 0; c < kind.headers().size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(kind.headers().get(c));
                cell.setCellStyle(header);
                data.setColumnWidth(c, (c == 0 || kind.headers().get(c).equals("Kontogrupp") ? 28 : 14) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = data.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if (values[c] instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (c == values.length - 1) {
                            cell.setCellStyle(amount);
                        }
                    } else {
                        cell.setCellValue(String.valueOf(values[c]));
                    }
                }
            }
            data.createFreezePane(0, 1);

            Sheet help = workbook.createSheet(INSTRUCTIONS);
            help.setColumnWidth(0, 120 * 256);
            for (int i = 0; i < instructions.size(); i++) {
                Cell cell = help.createRow(i).createCell(0);
                cell.setCellValue(instructions.get(i));
                if (i == 0) {
                    cell.setCellStyle(header);
                }
            }
            return ExcelExport.bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
