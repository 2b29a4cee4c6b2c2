package se.styr.economy.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.excel.ImportService.Kind;
import se.styr.economy.excel.ImportService.Phase;
import se.styr.economy.excel.ImportService.Problem;
import se.styr.economy.excel.ImportService.Progress;
import se.styr.economy.excel.ImportService.Result;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * The checks of one imported file: reads the sheet's rows and each cell (units, account groups, years, months,
 * amounts), and collects every problem with its place (sheet, row, column) in Swedish.
 */
final class ImportCheck {

    final Kind kind;
    final String fileName;
    final String sheet;
    final List<Problem> problems = new ArrayList<>();
    private Map<String, OrgUnit> unitsByKey;
    private final Map<Long, Boolean> mayManage = new HashMap<>();
    private Map<String, AccountGroup> groupsByName;

    private final Messages messages;
    private final Organisation organisation;
    private final Access access;
    private final SwedishFormat sv;

    ImportCheck(Kind kind, String fileName, Messages messages, Organisation organisation, Access access, SwedishFormat sv) {
        this.kind = kind;
        this.fileName = fileName;
        this.sheet = kind.sheet();
        this.messages = messages;
        this.organisation = organisation;
        this.access = access;
        this.sv = sv;
    }

    Result result(int rows) {
        problems.sort(Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row())
                .thenComparing(p -> p.column() == null ? "" : p.column(), Comparator.comparingInt(String::length).thenComparing(c -> c)));
        return new Result(kind, fileName, rows, List.copyOf(problems));
    }

    void fileProblem(String key, Object... args) {
        String message = messages.text(key, args);
        problems.add(new Problem(null, null, null, message, message));
    }

    void cell(int row, int column, String key, Object... args) {
        String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(column);
        String message = messages.text(key, args);
        problems.add(new Problem(sheet, row, letter, message,
                messages.text("import.cell", sheet, String.valueOf(row), letter, message)));
    }

    /** The data rows below the header row, or null when the file, the sheet or the header is wrong. */
    List<ImportWorkbook.Row> read(byte[] file, Progress progress) {
        progress.phase(Phase.LASER, 0);
        try (ImportWorkbook workbook = ImportWorkbook.open(file)) {
            String name = workbook.sheetName(sheet);
            if (name == null) {
                fileProblem("import.error.sheet", sheet);
                return null;
            }
            progress.phase(Phase.LASER, Math.max(0, workbook.declaredRows(name) - 1));
            List<ImportWorkbook.Row> rows = workbook.rows(name, kind.headers().size(), ImportService.MAX_ROWS, progress::rows);
            return dataRows(rows);
        } catch (ImportWorkbook.NotXlsx e) {
            fileProblem(e.oldExcel ? "import.error.xls" : "import.error.notXlsx");
            return null;
        } catch (ImportWorkbook.TooLarge e) {
            fileProblem(e.messageKey, e.args);
            return null;
        }
    }

    private List<ImportWorkbook.Row> dataRows(List<ImportWorkbook.Row> rows) {
        if (rows.isEmpty()) {
            fileProblem("import.error.noRows", sheet);
            return null;
        }
        ImportWorkbook.Row header = rows.get(0);
        for (int c = 0; c < kind.headers().size(); c++) {
            String expected = kind.headers().get(c);
            ImportWorkbook.Cell cell = header.cell(c);
            if (cell == null) {
                cell(header.number(), c, "import.error.headerMissing", expected);
            } else if (!headerMatches(cell.text(), expected)) {
                cell(header.number(), c, "import.error.header", expected, cell.text().strip());
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        List<ImportWorkbook.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            fileProblem("import.error.noRows", sheet);
            return null;
        }
        if (data.size() > ImportService.MAX_ROWS) {
            fileProblem("import.error.tooMany", String.valueOf(data.size()), String.valueOf(ImportService.MAX_ROWS));
            return null;
        }
        return data;
    }

    /** "Belopp (tkr)" also matches "Belopp" and "belopp i tkr": what is before the unit decides. */
    private static boolean headerMatches(String found, String expected) {
        String f = normal(found);
        String e = normal(expected);
        return f.equals(e) || f.startsWith(e.replaceAll(" \\(.*\\)$", ""));
    }

    private ImportWorkbook.Cell required(ImportWorkbook.Row row, int column) {
        ImportWorkbook.Cell cell = row.cell(column);
        if (cell == null) {
            cell(row.number(), column, "import.error.empty", messages.text("import.what." + kind.name() + "." + column));
        }
        return cell;
    }

    /** A unit by its code or its name; a committee where {@code committees} says which; one the user may manage. */
    OrgUnit unit(ImportWorkbook.Row row, int column, boolean committee, Set<Long> committees) {
        ImportWorkbook.Cell cell = required(row, column);
        if (cell == null) {
            return null;
        }
        if (unitsByKey == null) {
            unitsByKey = new HashMap<>();
            List<OrgUnit> all = organisation.units(access.municipalityId());
            all.forEach(u -> unitsByKey.putIfAbsent(normal(u.name()), u));
            all.stream().filter(u -> u.code() != null && !u.code().isBlank()).forEach(u -> unitsByKey.put(normal(u.code()), u));
        }
        BigDecimal number = cell.type() == ImportWorkbook.Type.NUMBER ? decimal(cell) : null;
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
    AccountGroup group(ImportWorkbook.Row row, int column, boolean typedOnly) {
        ImportWorkbook.Cell cell = required(row, column);
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

    Integer year(ImportWorkbook.Row row, int column, List<Integer> allowed, String outsideKey, Object... outsideArgs) {
        ImportWorkbook.Cell cell = required(row, column);
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

    Integer month(ImportWorkbook.Row row, int column) {
        ImportWorkbook.Cell cell = required(row, column);
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
    Long amount(ImportWorkbook.Row row, int column, AccountGroup group, boolean signed) {
        ImportWorkbook.Cell cell = required(row, column);
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
    boolean unique(Map<List<Object>, Integer> seen, ImportWorkbook.Row row, List<Object> key, String what) {
        Integer first = seen.putIfAbsent(key, row.number());
        if (first != null) {
            cell(row.number(), 0, "import.error.duplicate", String.valueOf(first), messages.text(what));
            return false;
        }
        return true;
    }

    private static String normal(String text) {
        return text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.forLanguageTag("sv-SE"));
    }

    /**
     * The number in a cell: Excel's stored decimal, rounded to Excel's 15 digits, or Swedish text ("−1 234,5"). Null
     * for a number with more than 20 digits before or after the comma: no amount, year or month has them, and one
     * written as "1E+99999999" in a made-up file would take minutes to write out in full.
     */
    private static BigDecimal decimal(ImportWorkbook.Cell cell) {
        BigDecimal value = null;
        try {
            if (cell.type() == ImportWorkbook.Type.NUMBER) {
                value = new BigDecimal(cell.text().strip()).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            } else if (cell.type() == ImportWorkbook.Type.TEXT) {
                value = SwedishFormat.parse(cell.text());
                value = value == null ? null : value.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return value == null || value.precision() - value.scale() > 20 || value.scale() > 20 ? null : value;
    }

    /** A cell as a person sees it: a number with a decimal comma ("13", "2022,5"), text as typed. */
    private static String shown(ImportWorkbook.Cell cell) {
        if (cell.type() == ImportWorkbook.Type.NUMBER) {
            BigDecimal value = decimal(cell);
            if (value != null) {
                return value.toPlainString().replace('.', ',').replace('-', '−');
            }
        }
        return cell.text().strip();
    }

    private static Integer whole(ImportWorkbook.Cell cell) {
        BigDecimal value = decimal(cell);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
