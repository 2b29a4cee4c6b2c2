package se.styr.economy.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel files for the import's tests and benchmark, made with POI as a person would type them: text where the row
 * has a string, a number where it has a number (amounts in tkr).
 */
public final class ImportFiles {

    public static final String OUTCOME_SHEET = "Utfall";
    public static final String BUDGET_SHEET = "Nämndbudget";
    public static final List<Object> OUTCOME_HEADERS = List.of("Enhet", "År", "Månad", "Kontogrupp", "Belopp (tkr)");
    public static final List<Object> BUDGET_HEADERS = List.of("Nämnd", "Kontogrupp", "År", "Belopp (tkr)");

    /** The Swedish names of the typed account groups, as in the template. */
    public static final List<String> OUTCOME_GROUPS = List.of("Verksamhetens intäkter", "Personalkostnader", "Lokalhyror",
            "Köp av tjänster", "Övriga kostnader", "Kommunbidrag", "Finansnetto");

    private ImportFiles() {
    }

    /** A workbook with one sheet; the first row is the header. */
    public static byte[] sheet(String name, List<? extends List<?>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<?> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(v));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An outcome workbook whose amounts (column E) are formulas such as {@code "-100-11"}; {@code cached} stores each
     * formula's value in the file as Excel does, otherwise the file holds the formulas only, as some programs write them.
     */
    public static byte[] outcomeFormulas(List<? extends List<?>> rows, boolean cached) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(OUTCOME_SHEET);
            List<List<?>> all = new java.util.ArrayList<>();
            all.add(OUTCOME_HEADERS);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    Object v = all.get(r).get(c);
                    Cell cell = row.createCell(c);
                    if (r > 0 && c == 4) {
                        cell.setCellFormula(String.valueOf(v));
                        if (cached) {
                            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                        }
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(v));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook saved with a password to open it, as Excel does: the package encrypted inside an OLE2 container. */
    public static byte[] encrypted(byte[] workbook) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            org.apache.poi.poifs.crypt.EncryptionInfo info = new org.apache.poi.poifs.crypt.EncryptionInfo(
                    org.apache.poi.poifs.crypt.EncryptionMode.agile);
            org.apache.poi.poifs.crypt.Encryptor enc = info.getEncryptor();
            enc.confirmPassword("hemligt");
            try (java.io.OutputStream os = enc.getDataStream(fs)) {
                os.write(workbook);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A one-sheet workbook whose sheet XML is then {@code edited} as text: for what no spreadsheet program writes but a
     * made-up file may hold; an edit that changes nothing is refused. Made with POI's full workbook, whose zip entries carry their sizes.
     */
    public static byte[] edited(String name, List<? extends List<?>> rows, UnaryOperator<String> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(rows.get(r).get(c)));
                    }
                }
            }
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            workbook.write(written);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(bytes, StandardCharsets.UTF_8);
                        String changed = edit.apply(xml);
                        if (changed.equals(xml)) {
                            throw new IllegalArgumentException("The edit changed nothing in " + xml);
                        }
                        bytes = changed.getBytes(StandardCharsets.UTF_8);
                    }
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An outcome file whose sheet XML is written straight into the zip row by row, never held whole: {@code rows} data
     * rows, each with {@code filler} characters of words after the unit in column A. Packed it is small, unpacked large,
     * as a "zip bomb" that still passes POI's ratio check (the amounts vary, so it packs about 1:20).
     */
    public static byte[] streamedOutcomes(int rows, int filler) {
        java.util.Random random = new java.util.Random(12);
        String[] words = {"budget", "utfall", "prognos", "nämnd", "enhet", "kostnad", "intäkt", "hyra", "lön", "avvikelse"};
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet(OUTCOME_SHEET).createRow(0).createCell(0).setCellValue("Enhet");
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            workbook.write(written);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] bytes = in.readAllBytes();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    if (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        zip.write(bytes);
                        continue;
                    }
                    java.io.Writer xml = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
                    xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                    xml.write(row(1, OUTCOME_HEADERS));
                    for (int r = 2; r <= rows + 1; r++) {
                        StringBuilder unit = new StringBuilder("VOF-HN");
                        while (unit.length() < filler + 6) {
                            unit.append(' ').append(words[random.nextInt(words.length)]);
                        }
                        xml.write(row(r, List.of(unit.toString(), 2022, 1 + r % 12, "Lokalhyror",
                                BigDecimal.valueOf(-random.nextInt(10_000_000), 3))));
                    }
                    xml.write("</sheetData></worksheet>");
                    xml.flush();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(int number, List<?> values) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < values.size(); c++) {
            String ref = (char) ('A' + c) + String.valueOf(number);
            Object v = values.get(c);
            if (v instanceof Number n) {
                row.append("<c r=\"").append(ref).append("\"><v>").append(n instanceof BigDecimal d ? d.toPlainString() : n).append("</v></c>");
            } else {
                row.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(v).append("</t></is></c>");
            }
        }
        return row.append("</row>").toString();
    }

    public static byte[] outcomes(List<? extends List<?>> dataRows) {
        return sheet(OUTCOME_SHEET, withHeader(OUTCOME_HEADERS, dataRows));
    }

    public static byte[] committeeBudget(List<? extends List<?>> dataRows) {
        return sheet(BUDGET_SHEET, withHeader(BUDGET_HEADERS, dataRows));
    }

    private static List<List<?>> withHeader(List<Object> header, List<? extends List<?>> rows) {
        List<List<?>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /**
     * {@code count} outcome rows over the units, years, months and the seven typed groups, each key once. Amounts in
     * tkr with up to three decimals, costs negative; deterministic, so a test can sum them.
     */
    public static List<List<Object>> outcomeRows(List<String> units, List<Integer> years, int count) {
        List<List<Object>> rows = new ArrayList<>(count);
        int i = 0;
        for (int year : years) {
            for (String unit : units) {
                for (int month = 1; month <= 12; month++) {
                    for (String group : OUTCOME_GROUPS) {
                        if (rows.size() == count) {
                            return rows;
                        }
                        rows.add(List.of(unit, year, month, group, amount(group, i++)));
                    }
                }
            }
        }
        if (rows.size() < count) {
            throw new IllegalArgumentException("Only " + rows.size() + " distinct rows for " + units.size() + " units");
        }
        return rows;
    }

    /** Up to three decimals in tkr; negative for the four cost groups. */
    static BigDecimal amount(String group, int i) {
        BigDecimal tkr = BigDecimal.valueOf(1_000L + (i * 7_919L) % 900_000L, 3);
        boolean cost = OUTCOME_GROUPS.indexOf(group) >= 1 && OUTCOME_GROUPS.indexOf(group) <= 4;
        return cost ? tkr.negate() : tkr;
    }
}
