package se.styr.economy.excel;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.excel.ImportService.Kind;
import se.styr.economy.excel.ImportService.Result;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProgress;
import se.styr.platform.excel.SheetCheck;

/**
 * The checks of one imported file: reads the sheet's rows and each cell (units, account groups, years, months,
 * amounts), and collects every problem with its place (sheet, row, column) in Swedish.
 */
final class ImportCheck extends SheetCheck {

    final Kind kind;
    final String fileName;
    final String sheet;
    private Map<String, OrgUnit> unitsByKey;
    private final Map<Long, Boolean> mayManage = new HashMap<>();
    private Map<String, AccountGroup> groupsByName;

    private final Organisation organisation;
    private final Access access;
    private final SwedishFormat sv;

    ImportCheck(Kind kind, String fileName, Messages messages, Organisation organisation, Access access, SwedishFormat sv) {
        super(messages);
        this.kind = kind;
        this.fileName = fileName;
        this.sheet = kind.sheet();
        this.organisation = organisation;
        this.access = access;
        this.sv = sv;
    }

    Result result(int rows) {
        return new Result(kind, fileName, rows, sorted(List.of(sheet)));
    }

    void cell(int row, int column, String key, Object... args) {
        cell(sheet, row, column, key, args);
    }

    /** The data rows below the header row, or null when the file, the sheet or the header is wrong. */
    List<ExcelFile.Row> read(byte[] file, ImportProgress progress) {
        progress.phase(ImportPhase.LASER, 0);
        try (ExcelFile workbook = open(file)) {
            return workbook == null ? null : dataRows(workbook, sheet, kind.headers(), ImportService.MAX_ROWS, true, progress);
        }
    }

    private ExcelFile.Cell required(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = row.cell(column);
        if (cell == null) {
            cell(row.number(), column, "import.error.empty", messages.text("import.what." + kind.name() + "." + column));
        } else if (cell.formula() && cell.text().isBlank()) {
            // a formula is read by the value Excel stored with it; a file written without one has nothing to read
            cell(row.number(), column, "import.error.formulaWithoutValue");
            return null;
        }
        return cell;
    }

    /** A unit by its code or its name; a committee where {@code committees} says which; one the user may manage. */
    OrgUnit unit(ExcelFile.Row row, int column, boolean committee, Set<Long> committees) {
        ExcelFile.Cell cell = required(row, column);
        if (cell == null) {
            return null;
        }
        if (unitsByKey == null) {
            unitsByKey = new HashMap<>();
            List<OrgUnit> all = organisation.units(access.municipalityId());
            all.forEach(u -> unitsByKey.putIfAbsent(normal(u.name()), u));
            all.stream().filter(u -> u.code() != null && !u.code().isBlank()).forEach(u -> unitsByKey.put(normal(u.code()), u));
        }
        BigDecimal number = cell.type() == ExcelFile.Type.NUMBER ? decimal(cell) : null;
        String text = number != null ? number.toPlainString() : cell.text(); // a code Excel stored as a number: "81820"
        OrgUnit unit = unitsByKey.get(normal(text));
        if (unit == null) {
            cell(row.number(), column, committee ? "import.error.unknownCommittee" : "import.error.unknownUnit", text.strip());
            return null;
        }
        if (committee && !committees.contains(unit.id())) {
            cell(row.number(), column, "import.error.notCommittee", unit.name());
            return null;
        }
        if (!mayManage.computeIfAbsent(unit.id(), id -> access.may(Access.Action.MANAGE_BUDGET, id))) {
            cell(row.number(), column, "import.error.rights", unit.name());
            return null;
        }
        return unit;
    }

    /** An account group by its Swedish name ("Personalkostnader") or its key (PERSONALKOSTNADER). */
    AccountGroup group(ExcelFile.Row row, int column, boolean typedOnly) {
        ExcelFile.Cell cell = required(row, column);
        if (cell == null) {
            return null;
        }
        if (groupsByName == null) {
            groupsByName = new HashMap<>();
            for (AccountGroup g : AccountGroup.values()) {
                groupsByName.put(normal(messages.text("economy.group." + g.name())), g);
                groupsByName.put(normal(g.name()), g);
            }
        }
        AccountGroup group = groupsByName.get(normal(cell.text()));
        if (group == null) {
            cell(row.number(), column, "import.error.group", cell.text().strip(), Arrays.stream(AccountGroup.values())
                    .filter(g -> !typedOnly || !g.derived())
                    .map(g -> messages.text("economy.group." + g.name())).collect(Collectors.joining(", ")));
            return null;
        }
        if (typedOnly && group.derived()) {
            cell(row.number(), column, "import.error.derivedOutcome", messages.text("economy.group." + group.name()));
            return null;
        }
        return group;
    }

    Integer year(ExcelFile.Row row, int column, List<Integer> allowed, String outsideKey, Object... outsideArgs) {
        ExcelFile.Cell cell = required(row, column);
        if (cell == null) {
            return null;
        }
        Integer year = whole(cell);
        if (year == null) {
            cell(row.number(), column, "import.error.notYear", shown(cell));
            return null;
        }
        if (!allowed.contains(year)) {
            Object[] args = new Object[outsideArgs.length + 1];
            args[0] = String.valueOf(year);
            for (int i = 0; i < outsideArgs.length; i++) {
                args[i + 1] = String.valueOf(outsideArgs[i]);
            }
            cell(row.number(), column, outsideKey, args);
            return null;
        }
        return year;
    }

    Integer month(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = required(row, column);
        if (cell == null) {
            return null;
        }
        Integer month = whole(cell);
        if (month == null || month < 1 || month > 12) {
            cell(row.number(), column, "import.error.month", shown(cell));
            return null;
        }
        return month;
    }

    /**
     * An amount in tkr with at most three decimals, as whole kronor; costs negative, revenue and grant positive
     * (a check sum may have any sign).
     */
    Long amount(ExcelFile.Row row, int column, AccountGroup group, boolean signed) {
        ExcelFile.Cell cell = required(row, column);
        if (cell == null) {
            return null;
        }
        BigDecimal tkr = decimal(cell);
        if (tkr == null) {
            cell(row.number(), column, "import.error.amount", shown(cell));
            return null;
        }
        if (tkr.scale() > 3) {
            cell(row.number(), column, "import.error.decimals", sv.number(tkr, 10));
            return null;
        }
        long kronor;
        try {
            kronor = tkr.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            cell(row.number(), column, "import.error.amount", shown(cell));
            return null;
        }
        if (group != null && signed) {
            String label = messages.text("economy.group." + group.name());
            if (group.cost() && kronor > 0) {
                cell(row.number(), column, "economy.error.costSign", label);
                return null;
            }
            if ((group == AccountGroup.VERKSAMHETENS_INTAKTER || group == AccountGroup.KOMMUNBIDRAG) && kronor < 0) {
                cell(row.number(), column, "economy.error.revenueSign", label);
                return null;
            }
        }
        return kronor;
    }

    /** False, with a problem, when an earlier row had the same key. */
    boolean unique(Map<List<Object>, Integer> seen, ExcelFile.Row row, List<Object> key, String what) {
        Integer first = seen.putIfAbsent(key, row.number());
        if (first != null) {
            cell(row.number(), 0, "import.error.duplicate", String.valueOf(first), messages.text(what));
            return false;
        }
        return true;
    }
}
