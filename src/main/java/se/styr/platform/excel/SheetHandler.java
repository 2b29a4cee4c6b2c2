package se.styr.platform.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import se.styr.platform.excel.ExcelFile.Cell;
import se.styr.platform.excel.ExcelFile.Row;
import se.styr.platform.excel.ExcelFile.TooLarge;
import se.styr.platform.excel.ExcelFile.Type;

/** SpreadsheetML's {@code <row><c r="E7" t="s"><v>3</v></c></row>}, with inline strings and formulas' cached values. */
final class SheetHandler extends DefaultHandler {

    /** Thrown by the handler when the sheet has more rows than allowed; caught by {@link ExcelFile}, which reports its reason. */
    static final class TooManyRows extends org.xml.sax.SAXException {

        final TooLarge reason;

        TooManyRows(int maxRows) {
            super("rows");
            this.reason = new TooLarge("import.error.tooManyRows", String.valueOf(maxRows - 1));
        }
    }

    final List<Row> rows = new ArrayList<>();
    private final ReadOnlySharedStringsTable strings;
    private final int columns;
    private final int maxRows;
    private final int maxText;
    private final IntConsumer progress;
    private final StringBuilder text = new StringBuilder();
    private int rowNumber;
    private int column;
    private String cellType;
    private boolean inValue;
    private boolean inInlineText;
    private boolean formula;
    private Map<Integer, Cell> cells;

    SheetHandler(ReadOnlySharedStringsTable strings, int columns, int maxRows, int maxText, IntConsumer progress) {
        this.strings = strings;
        this.maxText = maxText;
        this.columns = columns;
        this.maxRows = maxRows;
        this.progress = progress;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws org.xml.sax.SAXException {
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
                formula = false;
                text.setLength(0);
            }
            case "f" -> formula = true;
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
        // A cell's text is kept only up to MAX_TEXT (and a character more, to know it was cut), however long it is.
        if ((inValue || inInlineText) && text.length() <= maxText) {
            text.append(ch, start, Math.min(length, maxText + 1 - text.length()));
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
        switch (local(localName, qName)) {
            case "v" -> inValue = false;
            case "t" -> inInlineText = false;
            case "c" -> {
                if (column < columns) {
                    addCell();
                }
            }
            case "row" -> {
                if (!cells.isEmpty()) {
                    rows.add(new Row(rowNumber, cells));
                    if (rows.size() > maxRows) {
                        throw new TooManyRows(maxRows); // one row more than allowed: stop reading now
                    }
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
        if (value.length() > maxText) {
            value = value.substring(0, maxText) + "…";
        }
        if (!value.isBlank() || formula) { // a formula without a stored value is still a formula
            cells.put(column, new Cell(rowNumber, column, type, value, formula));
        }
    }
}
