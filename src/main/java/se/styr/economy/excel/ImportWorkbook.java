package se.styr.economy.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the sheets of an .xlsx file as the cells' stored text, streaming the sheet XML rather than building POI's
 * object model: a 10 000-row file is read in a fraction of a second, and a number arrives as the decimal text Excel
 * stored ("-1234.567"), so an amount never passes through a double.
 */
final class ImportWorkbook {

    enum Type { NUMBER, TEXT, BOOLEAN, ERROR }

    /**
     * A cell's text is cut after this many characters (and ends in "…"): no name, code or number the import reads is
     * longer, and a file of long texts must not make every lookup and message as long.
     */
    static final int MAX_TEXT = 250;

    /** One non-empty cell; {@code row} is 1-based as Excel shows it, {@code column} 0-based. */
    record Cell(int row, int column, Type type, String text) {

        String columnLetter() {
            return CellReference.convertNumToColString(column);
        }
    }

    /** A row with at least one non-empty cell, its cells by column. */
    record Row(int number, Map<Integer, Cell> cells) {

        Cell cell(int column) {
            return cells.get(column);
        }
    }

    /** The file is not an .xlsx workbook: {@code oldExcel} when it is the older .xls format. */
    static final class NotXlsx extends Exception {

        final boolean oldExcel;

        NotXlsx(boolean oldExcel, Throwable cause) {
            super(cause);
            this.oldExcel = oldExcel;
        }
    }

    private final Map<String, Sheet> sheets;

    private record Sheet(String name, byte[] xml) {
    }

    private final ReadOnlySharedStringsTable strings;

    private ImportWorkbook(Map<String, Sheet> sheets, ReadOnlySharedStringsTable strings) {
        this.sheets = sheets;
        this.strings = strings;
    }

    static ImportWorkbook open(byte[] bytes) throws NotXlsx {
        try {
            FileMagic magic = FileMagic.valueOf(new ByteArrayInputStream(bytes));
            if (magic != FileMagic.OOXML) {
                throw new NotXlsx(magic == FileMagic.OLE2, null);
            }
        } catch (IOException | RuntimeException e) {
            throw new NotXlsx(false, e); // EmptyFileException for an empty file
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    sheets.put(name.strip().toLowerCase(Locale.ROOT), new Sheet(name, in.readAllBytes()));
                }
            }
            return new ImportWorkbook(sheets, strings);
        } catch (Exception e) {
            // Anything POI cannot open as a workbook: a zip of something else, a damaged file, a zip bomb.
            throw new NotXlsx(false, e);
        }
    }

    /** The sheet's name as written in the file, found without regard to case; null if there is none. */
    String sheetName(String name) {
        Sheet sheet = sheets.get(name.strip().toLowerCase(Locale.ROOT));
        return sheet == null ? null : sheet.name();
    }

    /**
     * The sheet's non-empty rows in order. {@code progress} hears the number of rows read so far, every 500 rows.
     *
     * @throws NotXlsx when the sheet's XML cannot be read
     */
    List<Row> rows(String name, IntConsumer progress) throws NotXlsx {
        Sheet sheet = sheets.get(name.strip().toLowerCase(Locale.ROOT));
        if (sheet == null) {
            return List.of();
        }
        SheetHandler handler = new SheetHandler(strings, progress);
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(new ByteArrayInputStream(sheet.xml())));
        } catch (Exception e) {
            throw new NotXlsx(false, e);
        }
        return handler.rows;
    }

    /** The last row number the sheet declares in its dimension ("A1:E10001" → 10001), or 0 when it does not say. */
    int declaredRows(String name) {
        Sheet sheet = sheets.get(name.strip().toLowerCase(Locale.ROOT));
        if (sheet == null) {
            return 0;
        }
        String head = new String(sheet.xml(), 0, Math.min(sheet.xml().length, 2000), java.nio.charset.StandardCharsets.UTF_8);
        // At most seven digits: a sheet has at most 1 048 576 rows, and a made-up larger figure must not overflow an int.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:\\w+:)?dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d{1,7})\"").matcher(head);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** SpreadsheetML's {@code <row><c r="E7" t="s"><v>3</v></c></row>}, with inline strings and formulas' cached values. */
    private static final class SheetHandler extends DefaultHandler {

        final List<Row> rows = new ArrayList<>();
        private final ReadOnlySharedStringsTable strings;
        private final IntConsumer progress;
        private final StringBuilder text = new StringBuilder();
        private int rowNumber;
        private int column;
        private String cellType;
        private boolean inValue;
        private boolean inInlineText;
        private Map<Integer, Cell> cells;

        SheetHandler(ReadOnlySharedStringsTable strings, IntConsumer progress) {
            this.strings = strings;
            this.progress = progress;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    column = -1;
                    cells = new LinkedHashMap<>();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    cellType = attributes.getValue("t");
                    text.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "t" -> inInlineText = "inlineStr".equals(cellType);
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (local(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> addCell();
                case "row" -> {
                    if (!cells.isEmpty()) {
                        rows.add(new Row(rowNumber, cells));
                        if (rows.size() % 500 == 0) {
                            progress.accept(rows.size());
                        }
                    }
                }
                default -> {
                }
            }
        }

        private static String local(String localName, String qName) {
            return localName == null || localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
        }

        private void addCell() {
            String value = text.toString();
            Type type;
            if (cellType == null || "n".equals(cellType)) {
                type = Type.NUMBER;
            } else if ("s".equals(cellType)) {
                type = Type.TEXT;
                value = value.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(value.strip())).getString();
            } else if ("b".equals(cellType)) {
                type = Type.BOOLEAN;
            } else if ("e".equals(cellType)) {
                type = Type.ERROR;
            } else {
                type = Type.TEXT; // str (a formula's text), inlineStr, d (an ISO date as text)
            }
            if (value.length() > MAX_TEXT) {
                value = value.substring(0, MAX_TEXT) + "…";
            }
            if (!value.isBlank()) {
                cells.put(column, new Cell(rowNumber, column, type, value));
            }
        }
    }
}
