package se.styr.economy.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.styr.economy.EconomyTable;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * Any {@link EconomyTable} as an Excel sheet, the way the page shows it: title, "Belopp i tkr", column headers, rows
 * with sub-rows indented and derived rows bold, amounts as numbers in tkr with thousands grouping, and a comment on
 * each figure the decided document printed differently. A workbook holds one sheet per table.
 *
 * <p>To offer any table for download from a controller: {@code return excel.download("fil", List.of(table));}
 */
@Component
public class ExcelExport {

    public static final MediaType XLSX = se.styr.platform.excel.ExcelHttp.XLSX;

    /** Row (0-based) of the column headers; the table's rows follow. */
    static final int HEADER_ROW = 3;

    private final Messages messages;
    private final SwedishFormat sv;

    ExcelExport(Messages messages, SwedishFormat sv) {
        this.messages = messages;
        this.sv = sv;
    }

    /** The tables as an .xlsx workbook, one sheet each, in the order given. */
    public byte[] workbook(List<EconomyTable> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Set<String> used = new HashSet<>();
            for (EconomyTable table : tables) {
                write(workbook.createSheet(sheetName(table.title(), used)), table, styles);
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables as a download named {@code fileName}.xlsx. */
    public ResponseEntity<byte[]> download(String fileName, List<EconomyTable> tables) {
        return se.styr.platform.excel.ExcelHttp.download(fileName + ".xlsx", workbook(tables));
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /**
     * A valid, unique sheet name: at most 31 characters, none of []:*?/\ and not the same as another sheet's (Excel
     * compares names without case). A long title loses its parenthesis first: "Driftbudget (kommunbidrag per nämnd)"
     * becomes "Driftbudget".
     */
    static String sheetName(String title, Set<String> used) {
        String name = title == null || title.isBlank() ? "Tabell" : title.strip();
        if (name.length() > 31 && name.contains(" (")) {
            name = name.substring(0, name.indexOf(" (")).strip();
        }
        name = WorkbookUtil.createSafeSheetName(name.replace('\'', ' ').strip(), ' ').strip();
        String candidate = name;
        for (int n = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())).strip() + suffix;
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    private void write(Sheet sheet, EconomyTable table, Styles styles) {
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        Drawing<?> drawing = null;
        text(sheet.createRow(0), 0, table.title(), styles.title);
        text(sheet.createRow(1), 0, messages.text("economy.unit.tkr"), styles.unit);

        Row header = sheet.createRow(HEADER_ROW);
        text(header, 0, messages.text("economy.unit.tkr"), styles.header);
        for (int c = 0; c < table.columns().size(); c++) {
            text(header, c + 1, table.columns().get(c), styles.headerNumber);
        }
        int longestLabel = messages.text("economy.unit.tkr").length();
        int r = HEADER_ROW + 1;
        for (EconomyTable.Row row : table.rows()) {
            Row line = sheet.createRow(r++);
            boolean bold = row.derived() || row.kind() == EconomyTable.RowKind.HEADING;
            text(line, 0, row.label(), styles.label(bold, row.indent()));
            longestLabel = Math.max(longestLabel, row.label().length() + 2 * row.indent());
            for (int c = 0; c < table.columns().size(); c++) {
                Long kronor = row.values().get(c);
                Cell cell = line.createCell(c + 1);
                cell.setCellStyle(bold ? styles.amountBold : styles.amount);
                if (kronor != null) {
                    // Excel keeps numbers as doubles; tkr with at most three decimals round-trip exactly as decimals.
                    cell.setCellValue(tkr(kronor).doubleValue());
                }
                Long difference = row.differenceAt(c);
                if (difference != null) {
                    if (drawing == null) {
                        drawing = sheet.createDrawingPatriarch();
                    }
                    ClientAnchor anchor = helper.createClientAnchor();
                    anchor.setCol1(c + 2);
                    anchor.setCol2(c + 6);
                    anchor.setRow1(line.getRowNum());
                    anchor.setRow2(line.getRowNum() + 3);
                    Comment comment = drawing.createCellComment(anchor);
                    comment.setString(helper.createRichTextString(messages.text("excel.printed",
                            sv.amount(row.printedAt(c), "tkr"), sv.amount(kronor, "tkr"))));
                    comment.setAuthor(messages.text("app.name"));
                    cell.setCellComment(comment);
                }
            }
        }
        if (table.hasDifferences()) {
            text(sheet.createRow(r + 1), 0, messages.text("economy.printed.note"), styles.unit);
        }
        sheet.setColumnWidth(0, Math.min(255, longestLabel + 4) * 256);
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.setColumnWidth(c + 1, 14 * 256);
        }
        sheet.createFreezePane(1, HEADER_ROW + 1);
    }

    /** Whole kronor in tkr, exact: 2 132 879 000 → 2132879, 1 500 → 1.5. */
    static BigDecimal tkr(long kronor) {
        return BigDecimal.valueOf(kronor).movePointLeft(3).stripTrailingZeros();
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The few styles a sheet uses; a workbook may only hold so many, so they are made once per workbook. */
    private static final class Styles {

        /** "# ##0" in Swedish Excel: whole tkr with thousands grouping, negative with a minus. */
        static final String AMOUNT_FORMAT = "#,##0";

        final CellStyle title;
        final CellStyle unit;
        final CellStyle header;
        final CellStyle headerNumber;
        final CellStyle amount;
        final CellStyle amountBold;
        private final Workbook workbook;
        private final Font bold;
        private final java.util.Map<String, CellStyle> labels = new java.util.HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font italic = workbook.createFont();
            italic.setItalic(true);
            title = workbook.createCellStyle();
            title.setFont(big);
            unit = workbook.createCellStyle();
            unit.setFont(italic);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            headerNumber = workbook.createCellStyle();
            headerNumber.cloneStyleFrom(header);
            headerNumber.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            short format = workbook.createDataFormat().getFormat(AMOUNT_FORMAT);
            amount = workbook.createCellStyle();
            amount.setDataFormat(format);
            amountBold = workbook.createCellStyle();
            amountBold.setDataFormat(format);
            amountBold.setFont(bold);
        }

        CellStyle label(boolean isBold, int indent) {
            return labels.computeIfAbsent(isBold + "/" + indent, k -> {
                CellStyle style = workbook.createCellStyle();
                style.setIndention((short) Math.min(indent * 2, 15));
                if (isBold) {
                    style.setFont(bold);
                }
                return style;
            });
        }
    }
}
