package se.styr.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a transfer workbook: per data sheet a bold, frozen header row whose cells explain themselves in a comment,
 * then the rows; and a first sheet Instruktioner with what every column means. Texts stay text (a code such as
 * "81820" is not turned into a number), ids and values are numbers, dates are dates.
 */
final class WorkbookWriter implements AutoCloseable {

    /** A column: its heading and its explanation. */
    record Column(String header, String help) {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Sheet instructions;
    private final CellStyle bold;
    private final CellStyle date;
    private final CellStyle wrap;
    private int instructionRow;

    WorkbookWriter(String title, List<String> introduction) {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        instructions = workbook.createSheet("Instruktioner");
        instructions.setColumnWidth(0, 28 * 256);
        instructions.setColumnWidth(1, 100 * 256);
        line(title, null, true);
        for (String text : introduction) {
            line(text, null, false);
        }
        instructionRow++;
    }

    private void line(String first, String second, boolean isBold) {
        Row row = instructions.createRow(instructionRow++);
        Cell a = row.createCell(0);
        a.setCellValue(first);
        if (isBold) {
            a.setCellStyle(bold);
        }
        if (second != null) {
            Cell b = row.createCell(1);
            b.setCellValue(second);
            b.setCellStyle(wrap);
        }
    }

    /** A data sheet with its header and rows; the columns are explained on Instruktioner under the sheet's name. */
    void sheet(String name, String about, List<Column> columns, List<List<Object>> rows) {
        line(name, about, true);
        for (Column c : columns) {
            line("  " + c.header(), c.help(), false);
        }
        instructionRow++;
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        var drawing = sheet.createDrawingPatriarch();
        var factory = workbook.getCreationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(bold);
            ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(0);
            anchor.setRow2(4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(columns.get(c).help()));
            cell.setCellComment(comment);
            sheet.setColumnWidth(c, Math.min(60, Math.max(12, columns.get(c).header().length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Long l) {
                    cell.setCellValue(l);
                } else if (v instanceof Integer i) {
                    cell.setCellValue(i);
                } else if (v instanceof BigDecimal d) {
                    cell.setCellValue(d.doubleValue()); // a measure's value, not money: Excel keeps 15 digits, as the import reads them
                } else if (v instanceof Double d) {
                    cell.setCellValue(d);
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b ? "Ja" : "Nej");
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
