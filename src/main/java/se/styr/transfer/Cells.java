package se.styr.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Messages;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.SheetCheck;

/**
 * Reads the cells of a transfer workbook: text, numbers, dates, yes/no, Swedish enum labels, units by code or name and
 * plan periods by name. A cell that cannot be read becomes a problem at its place, and the reader gets null.
 */
final class Cells {

    private final SheetCheck check;
    private final Messages messages;
    private final Map<String, OrgUnit> units = new HashMap<>();
    private final Map<String, PlanPeriod> periods = new HashMap<>();
    private String sheet;

    Cells(SheetCheck check, Messages messages, List<OrgUnit> units, List<PlanPeriod> periods) {
        this.check = check;
        this.messages = messages;
        units.forEach(u -> this.units.putIfAbsent(SheetCheck.normal(u.name()), u));
        units.stream().filter(u -> u.code() != null && !u.code().isBlank()).forEach(u -> this.units.put(SheetCheck.normal(u.code()), u));
        periods.forEach(p -> this.periods.put(SheetCheck.normal(p.name()), p));
    }

    Cells sheet(String sheet) {
        this.sheet = sheet;
        return this;
    }

    void problem(ExcelFile.Row row, int column, String key, Object... args) {
        check.cell(sheet, row.number(), column, key, args);
    }

    /** False, with a problem at each, when the row has formula cells: the import reads values only. */
    boolean noFormulas(ExcelFile.Row row) {
        boolean none = true;
        for (ExcelFile.Cell cell : row.cells().values()) {
            if (cell.formula()) {
                problem(row, cell.column(), "import.error.formula");
                none = false;
            }
        }
        return none;
    }

    /** The cell's text as a person sees it, stripped; null for an empty cell or a column the sheet does not have. */
    static String text(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = column < 0 ? null : row.cell(column);
        if (cell == null) {
            return null;
        }
        String text = SheetCheck.shown(cell).replace('−', '-');
        if (cell.type() != ExcelFile.Type.NUMBER) {
            text = cell.text().strip();
        }
        return text.isEmpty() ? null : text;
    }

    String required(ExcelFile.Row row, int column, String what) {
        String text = text(row, column);
        if (text == null) {
            problem(row, column, "import.error.empty", what);
        }
        return text;
    }

    OrgUnit unit(ExcelFile.Row row, int column, boolean required, String what) {
        String text = required ? required(row, column, what) : text(row, column);
        if (text == null) {
            return null;
        }
        OrgUnit unit = units.get(SheetCheck.normal(text));
        if (unit == null) {
            problem(row, column, "import.error.unknownUnit", text);
        }
        return unit;
    }

    /** A plan period by its name; null (without a problem) for an empty cell. */
    PlanPeriod period(ExcelFile.Row row, int column) {
        String text = text(row, column);
        if (text == null) {
            return null;
        }
        PlanPeriod period = periods.get(SheetCheck.normal(text));
        if (period == null) {
            problem(row, column, "transfer.error.period", text, String.join(", ", periods.values().stream().map(PlanPeriod::name).sorted().toList()));
        }
        return period;
    }

    /** An enum value by its Swedish label ({@code prefix + name} in the bundle) or its name. */
    <E extends Enum<E>> E choice(ExcelFile.Row row, int column, Class<E> type, String prefix) {
        String text = text(row, column);
        if (text == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (SheetCheck.normal(text).equals(SheetCheck.normal(messages.text(prefix + e.name()))) || text.equalsIgnoreCase(e.name())) {
                return e;
            }
        }
        problem(row, column, "transfer.error.choice", text, String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(e -> messages.text(prefix + e.name())).toList()));
        return null;
    }

    Boolean yesNo(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = column < 0 ? null : row.cell(column);
        if (cell == null) {
            return null;
        }
        String text = SheetCheck.normal(cell.text());
        if (cell.type() == ExcelFile.Type.BOOLEAN) {
            return "1".equals(text) || "true".equals(text);
        }
        if (List.of("ja", "j", "x", "sant").contains(text)) {
            return true;
        }
        if (List.of("nej", "n", "falskt").contains(text)) {
            return false;
        }
        problem(row, column, "transfer.error.yesNo", cell.text().strip());
        return null;
    }

    BigDecimal number(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = column < 0 ? null : row.cell(column);
        if (cell == null) {
            return null;
        }
        BigDecimal value = SheetCheck.decimal(cell);
        if (value == null) {
            problem(row, column, "transfer.error.number", SheetCheck.shown(cell));
        }
        return value;
    }

    Integer whole(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = column < 0 ? null : row.cell(column);
        if (cell == null) {
            return null;
        }
        Integer value = SheetCheck.whole(cell);
        if (value == null) {
            problem(row, column, "transfer.error.whole", SheetCheck.shown(cell));
        }
        return value;
    }

    /** A date: a date cell (Excel's day number) or text as 2024-06-30. */
    LocalDate date(ExcelFile.Row row, int column) {
        ExcelFile.Cell cell = column < 0 ? null : row.cell(column);
        if (cell == null) {
            return null;
        }
        try {
            if (cell.type() == ExcelFile.Type.NUMBER) {
                BigDecimal day = SheetCheck.decimal(cell);
                if (day != null && day.signum() > 0 && day.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                    return DateUtil.getLocalDateTime(day.doubleValue()).toLocalDate();
                }
            } else {
                return LocalDate.parse(cell.text().strip());
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // a problem below
        }
        problem(row, column, "transfer.error.date", SheetCheck.shown(cell));
        return null;
    }
}
