package se.styr.platform.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the sheets of an .xlsx file as the cells' stored text, streaming the sheet XML rather than building POI's
 * object model: a 10 000-row file is read in a fraction of a second, and a number arrives as the decimal text Excel
 * stored ("-1234.567"), so an amount never passes through a double.
 */
public final class ExcelFile implements AutoCloseable {

    public enum Type { NUMBER, TEXT, BOOLEAN, ERROR }

    /**
     * A cell's text is cut after this many characters (and ends in "…"): no name, code or number the import reads is
     * longer, and a file of long texts must not make every lookup and message as long.
     */
    public static final int MAX_TEXT = 250;

    /** One non-empty cell; {@code row} is 1-based as Excel shows it, {@code column} 0-based. */
    public record Cell(int row, int column, Type type, String text, boolean formula) {

        public Cell(int row, int column, Type type, String text) {
            this(row, column, type, text, false);
        }

        public String columnLetter() {
            return CellReference.convertNumToColString(column);
        }
    }

    /** A row with at least one non-empty cell, its cells by column. */
    public record Row(int number, Map<Integer, Cell> cells) {

        public Cell cell(int column) {
            return cells.get(column);
        }
    }

    /** The file is not an .xlsx workbook: {@code oldExcel} when it is the older .xls format. */
    public static final class NotXlsx extends Exception {

        public final boolean oldExcel;
        /** An Excel workbook protected by a password (an encrypted .xlsx is stored in the older container). */
        public final boolean encrypted;

        NotXlsx(boolean oldExcel, Throwable cause) {
            this(oldExcel, false, cause);
        }

        NotXlsx(boolean oldExcel, boolean encrypted, Throwable cause) {
            super(cause);
            this.oldExcel = oldExcel && !encrypted;
            this.encrypted = encrypted;
        }
    }

    /** Reading stopped because the file unpacks to more than a limit allows: the Swedish message's key and arguments. */
    public static final class TooLarge extends Exception {

        public final String messageKey;
        public final transient Object[] args;

        TooLarge(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    /**
     * At most this many bytes of XML are unpacked from one file (shared strings and the sheet together), counted while
     * they stream: 100 000 rows as Excel writes them take about 20 MB, and a small .xlsx that unpacks to hundreds of
     * megabytes (a "zip bomb" whose ratio still passes POI's check) stops here.
     */
    public static final long MAX_UNPACKED_BYTES = 40L * 1024 * 1024;

    private record Sheet(String name, PackagePart part) {
    }

    private final Path file;
    private final OPCPackage pkg;
    private final Map<String, Sheet> sheets;
    private ReadOnlySharedStringsTable strings;
    private final long[] unpacked = {0};

    private ExcelFile(Path file, OPCPackage pkg, Map<String, Sheet> sheets) {
        this.file = file;
        this.pkg = pkg;
        this.sheets = sheets;
    }

    /**
     * Opens the file lazily: the bytes go to a temporary file that POI reads as a zip, so only the parts read are
     * unpacked, and only as they stream. {@link #close} removes the temporary file.
     */
    public static ExcelFile open(byte[] bytes) throws NotXlsx, TooLarge {
        try {
            FileMagic magic = FileMagic.valueOf(new ByteArrayInputStream(bytes));
            if (magic != FileMagic.OOXML) {
                throw new NotXlsx(magic == FileMagic.OLE2, magic == FileMagic.OLE2 && encrypted(bytes), null);
            }
        } catch (IOException | RuntimeException e) {
            throw new NotXlsx(false, e); // EmptyFileException for an empty file
        }
        Path file = null;
        OPCPackage pkg = null;
        try {
            file = Files.createTempFile("styr-import", ".xlsx");
            Files.write(file, bytes);
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                it.next().close();
                sheets.put(it.getSheetName().strip().toLowerCase(Locale.ROOT), new Sheet(it.getSheetName(), it.getSheetPart()));
            }
            ExcelFile workbook = new ExcelFile(file, pkg, sheets);
            List<PackagePart> shared = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            workbook.strings = shared.isEmpty() ? new ReadOnlySharedStringsTable(pkg) : workbook.sharedStrings(shared.get(0));
            return workbook;
        } catch (TooLarge e) {
            close(file, pkg);
            throw e;
        } catch (Exception e) {
            close(file, pkg);
            if (zipBomb(e)) {
                throw new TooLarge("import.error.tooLarge", MAX_UNPACKED_BYTES / (1024 * 1024));
            }
            // Anything POI cannot open as a workbook: a zip of something else, a damaged file.
            throw new NotXlsx(false, e);
        }
    }

    /** An OLE2 container holding an encrypted OOXML package, as Excel saves a workbook with a password to open it. */
    private static boolean encrypted(byte[] bytes) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private ReadOnlySharedStringsTable sharedStrings(PackagePart part) throws Exception {
        try (InputStream in = limited(part.getInputStream())) {
            return new ReadOnlySharedStringsTable(in);
        } catch (Exception e) {
            TooLarge tooLarge = tooLargeIn(e);
            throw tooLarge != null ? tooLarge : e;
        }
    }

    /** POI's own check of the compression ratio ("Zip bomb detected!") refused an entry. */
    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    /** The {@link TooLarge} a limit threw, wherever the XML parser wrapped it; null when none did. */
    private static TooLarge tooLargeIn(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof org.xml.sax.SAXException sax ? sax.getException() : null) {
            if (t instanceof Limit l) {
                return l.reason;
            }
            if (t instanceof SheetHandler.TooManyRows r) {
                return r.reason;
            }
        }
        return null;
    }

    /** The sheet's name as written in the file, found without regard to case; null if there is none. */
    public String sheetName(String name) {
        Sheet sheet = sheets.get(name.strip().toLowerCase(Locale.ROOT));
        return sheet == null ? null : sheet.name();
    }

    /**
     * The sheet's non-empty rows in order, with the cells of the first {@code columns} columns (the import reads no
     * others). {@code progress} hears the number of rows read so far, every 500 rows. Rows are counted as they stream:
     * the header row and more than {@code maxRows} data rows stop the reading at once.
     *
     * @throws NotXlsx when the sheet's XML cannot be read
     * @throws TooLarge after {@code maxRows} data rows, or when the file unpacks to more than {@link #MAX_UNPACKED_BYTES}
     */
    public List<Row> rows(String name, int columns, int maxRows, IntConsumer progress) throws NotXlsx, TooLarge {
        return rows(name, columns, maxRows, MAX_TEXT, progress);
    }

    /** As {@link #rows(String, int, int, IntConsumer)}, cutting a cell's text after {@code maxText} characters. */
    public List<Row> rows(String name, int columns, int maxRows, int maxText, IntConsumer progress) throws NotXlsx, TooLarge {
        Sheet sheet = sheets.get(name.strip().toLowerCase(Locale.ROOT));
        if (sheet == null) {
            return List.of();
        }
        SheetHandler handler = new SheetHandler(strings, columns, maxRows + 1, maxText, progress);
        try (InputStream in = limited(sheet.part().getInputStream())) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(in));
        } catch (Exception e) {
            TooLarge tooLarge = tooLargeIn(e);
            if (tooLarge != null) {
                throw tooLarge;
            }
            if (zipBomb(e)) {
                throw new TooLarge("import.error.tooLarge", MAX_UNPACKED_BYTES / (1024 * 1024));
            }
            throw new NotXlsx(false, e);
        }
        return handler.rows;
    }

    /** The last row number the sheet declares in its dimension ("A1:E10001" → 10001), or 0 when it does not say. */
    public int declaredRows(String name) {
        Sheet sheet = sheets.get(name.strip().toLowerCase(Locale.ROOT));
        if (sheet == null) {
            return 0;
        }
        String head;
        try (InputStream in = sheet.part().getInputStream()) {
            head = new String(in.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return 0;
        }
        // At most seven digits: a sheet has at most 1 048 576 rows, and a made-up larger figure must not overflow an int.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:\\w+:)?dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d{1,7})\"").matcher(head);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public void close() {
        close(file, pkg);
    }

    private static void close(Path file, OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** Carries {@link TooLarge} through the XML parser, which only lets IOExceptions and SAXExceptions pass. */
    private static final class Limit extends IOException {

        final TooLarge reason;

        Limit(TooLarge reason) {
            super(reason.messageKey);
            this.reason = reason;
        }
    }

    /** Counts the bytes unpacked from the whole file and stops at {@link #MAX_UNPACKED_BYTES}. */
    private InputStream limited(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws Limit {
                unpacked[0] += n;
                if (unpacked[0] > MAX_UNPACKED_BYTES) {
                    throw new Limit(new TooLarge("import.error.tooLarge", MAX_UNPACKED_BYTES / (1024 * 1024)));
                }
            }
        };
    }
}
