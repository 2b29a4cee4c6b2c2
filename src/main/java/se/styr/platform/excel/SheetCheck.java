package se.styr.platform.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.util.CellReference;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * The problems of one imported file, each with its place in Swedish ("Blad Utfall, rad 7, kolumn E: …"), and the
 * reading of a sheet's data rows below its header row. Every import collects all problems of the file before it
 * decides to write nothing; subclasses add the checks of their own columns.
 */
public class SheetCheck {

    protected final Messages messages;
    private final List<ImportProblem> problems = new ArrayList<>();

    public SheetCheck(Messages messages) {
        this.messages = messages;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void fileProblem(String key, Object... args) {
        String message = messages.text(key, args);
        problems.add(new ImportProblem(null, null, null, message, message));
    }

    /** A problem of a cell; {@code row} as Excel shows it, {@code column} 0-based. */
    public void cell(String sheet, int row, int column, String key, Object... args) {
        String letter = CellReference.convertNumToColString(column);
        String message = messages.text(key, args);
        problems.add(new ImportProblem(sheet, row, letter, message, messages.text("import.cell", sheet, String.valueOf(row), letter, message)));
    }

    /** The problems in the order of the file: by the sheets' order in {@code sheets}, then row, then column. */
    public List<ImportProblem> sorted(List<String> sheets) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((ImportProblem p) -> p.sheet() == null ? -1 : sheets.indexOf(p.sheet()))
                .thenComparing(p -> p.row() == null ? 0 : p.row())
                .thenComparing(p -> p.column() == null ? "" : p.column(), Comparator.comparingInt(String::length).thenComparing(c -> c)));
        return List.copyOf(sorted);
    }

    /** Opens the file, or records why it cannot be read (not .xlsx, old .xls, encrypted, too large) and gives null. */
    public ExcelFile open(byte[] file) {
        try {
            return ExcelFile.open(file);
        } catch (ExcelFile.NotXlsx e) {
            fileProblem(e.encrypted ? "import.error.encrypted" : e.oldExcel ? "import.error.xls" : "import.error.notXlsx");
        } catch (ExcelFile.TooLarge e) {
            fileProblem(e.messageKey, e.args);
        }
        return null;
    }

    /**
     * The data rows of a sheet below its header row, or null (with a problem) when the sheet, its header or its
     * reading is wrong. A sheet with a header and no data rows is empty, not wrong, unless {@code needsRows}.
     * {@code sheet} is the sheet's name as the template has it; it is found without regard to case.
     */
    public List<ExcelFile.Row> dataRows(ExcelFile workbook, String sheet, List<String> headers, int maxRows,
                                        boolean needsRows, ImportProgress progress) {
        return dataRows(workbook, sheet, headers, maxRows, ExcelFile.MAX_TEXT, needsRows, progress);
    }

    /** As above, keeping up to {@code maxText} characters of a cell (longer text ends in "…"). */
    public List<ExcelFile.Row> dataRows(ExcelFile workbook, String sheet, List<String> headers, int maxRows, int maxText,
                                        boolean needsRows, ImportProgress progress) {
        String name = workbook.sheetName(sheet);
        if (name == null) {
            fileProblem("import.error.sheet", sheet);
            return null;
        }
        List<ExcelFile.Row> rows;
        try {
            progress.phase(ImportPhase.LASER, Math.max(0, workbook.declaredRows(name) - 1));
            rows = workbook.rows(name, headers.size(), maxRows, maxText, progress::rows);
        } catch (ExcelFile.NotXlsx e) {
            fileProblem("import.error.notXlsx");
            return null;
        } catch (ExcelFile.TooLarge e) {
            fileProblem(e.messageKey, e.args);
            return null;
        }
        if (rows.isEmpty()) {
            fileProblem("import.error.noRows", sheet);
            return null;
        }
        ExcelFile.Row header = rows.get(0);
        int before = problems.size();
        for (int c = 0; c < headers.size(); c++) {
            String expected = headers.get(c);
            ExcelFile.Cell cell = header.cell(c);
            if (cell == null) {
                cell(sheet, header.number(), c, "import.error.headerMissing", expected);
            } else if (!headerMatches(cell.text(), expected)) {
                cell(sheet, header.number(), c, "import.error.header", expected, cell.text().strip());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<ExcelFile.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty() && needsRows) {
            fileProblem("import.error.noRows", sheet);
            return null;
        }
        if (data.size() > maxRows) {
            fileProblem("import.error.tooMany", String.valueOf(data.size()), String.valueOf(maxRows));
            return null;
        }
        return data;
    }

    /** "Belopp (tkr)" also matches "Belopp" and "belopp i tkr": what is before the unit decides. */
    public static boolean headerMatches(String found, String expected) {
        String f = normal(found);
        String e = normal(expected);
        return f.equals(e) || f.startsWith(e.replaceAll(" \\(.*\\)$", ""));
    }

    /** Text compared the way a person reads it: spaces (also non-breaking) collapsed, case ignored. */
    public static String normal(String text) {
        return text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.forLanguageTag("sv-SE"));
    }

    /**
     * The number in a cell: Excel's stored decimal, rounded to Excel's 15 digits, or Swedish text ("−1 234,5"). Null
     * for a number with more than 20 digits before or after the comma: no amount, year or month has them, and one
     * written as "1E+99999999" in a made-up file would take minutes to write out in full.
     */
    public static BigDecimal decimal(ExcelFile.Cell cell) {
        BigDecimal value = null;
        try {
            if (cell.type() == ExcelFile.Type.NUMBER) {
                value = new BigDecimal(cell.text().strip()).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            } else if (cell.type() == ExcelFile.Type.TEXT) {
                value = SwedishFormat.parse(cell.text());
                value = value == null ? null : value.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return value == null || value.precision() - value.scale() > 20 || value.scale() > 20 ? null : value;
    }

    /** A cell as a person sees it: a number with a decimal comma ("13", "2022,5"), text as typed. */
    public static String shown(ExcelFile.Cell cell) {
        if (cell.type() == ExcelFile.Type.NUMBER) {
            BigDecimal value = decimal(cell);
            if (value != null) {
                return value.toPlainString().replace('.', ',').replace('-', '−');
            }
        }
        return cell.text().strip();
    }

    public static Integer whole(ExcelFile.Cell cell) {
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
