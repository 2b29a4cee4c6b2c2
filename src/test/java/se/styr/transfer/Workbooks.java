package se.styr.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks made in the tests: sheet name → header and rows; a cell text starting with "=" becomes a formula. */
final class Workbooks {

    private Workbooks() {
    }

    static byte[] of(Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v instanceof String s && s.startsWith("=")) {
                            row.createCell(c).setCellFormula(s.substring(1));
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SafeVarargs
    static List<List<Object>> rows(List<String> header, List<Object>... rows) {
        List<List<Object>> all = new java.util.ArrayList<>();
        all.add(List.copyOf(header));
        all.addAll(List.of(rows));
        return all;
    }

    static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
