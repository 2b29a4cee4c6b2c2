package se.styr.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Turns a report page, the HTML that Thymeleaf renders for the screen, into an accessible PDF.
 *
 * <p>The HTML5 is parsed leniently with jsoup and rendered by openhtmltopdf, tagged for PDF/UA, with the document
 * title and language (default {@code sv}) taken over from the HTML. Inline {@code <svg>} charts are drawn as vectors;
 * their {@code <title>} and {@code <desc>} become the alternate text of the figure.
 *
 * <p>Styling for the PDF: put the CSS in a {@code <style>} element of the document and use
 * {@code font-family: "DejaVu Sans"} ({@link #FONT_FAMILY}); any other family falls back to it too, so å ä ö, the
 * non-breaking space and the minus sign (U+2212) always have glyphs. openhtmltopdf lays out with CSS 2.1 plus paged
 * media ({@code @page}, {@code page-break-*}); it ignores flexbox, grid, custom properties ({@code var()}) and
 * {@code calc()}. It renders for media "print", so {@code @media print} rules apply and {@code @media screen} ones
 * do not. External resources (linked stylesheets, images by URL, files) are not fetched: only {@code data:} URIs.
 */
@Component
public class Pdf {

    static {
        // openhtmltopdf logs through its own java.util.logging handler; route it to SLF4J so the application's
        // logging levels apply to it.
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new com.openhtmltopdf.slf4j.Slf4jLogger());
    }

    /** The CSS font-family of the embedded font; regular, bold, oblique and bold oblique are registered. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";
    private static final List<Face> FACES = List.of(
            new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));
    private static final String DEFAULT_LANGUAGE = "sv";
    /** Goes first in the head, so the report's own CSS can override it. */
    private static final String BASE_PRINT_CSS = """
            svg, img, figure, tr { page-break-inside: avoid; }
            table { -fs-table-paginate: paginate; }
            h1, h2, h3, h4, caption { page-break-after: avoid; }
            """;

    /**
     * At most one rendering per processor at a time, the others wait their turn (fairly). A rendering takes a core and
     * tens of megabytes; fifty at once (a deadline day) would starve every other request and exhaust a small heap.
     * Each rendering borrows one set of the fonts, parsed once when the application starts: parsing the four faces
     * for every PDF cost a few per cent of a rendering. A parsed font is not safe for two renderings at once (PDFBox
     * reads its tables lazily), so there is one set per permitted rendering.
     */
    private final java.util.concurrent.BlockingQueue<List<ParsedFace>> renderings = parsedFontSets(
            Math.max(1, Runtime.getRuntime().availableProcessors()));

    /**
     * Renders an HTML document to PDF.
     *
     * @param html  an HTML5 document as Thymeleaf writes it; void elements, entities and sloppy markup are fine
     * @param title the PDF's document title; when null or blank, the HTML's {@code <title>} is used
     * @return the PDF, never empty
     * @throws PdfException when there is no HTML, no title at all, or the rendering fails
     */
    public byte[] fromHtml(String html, String title) {
        if (html == null || html.isBlank()) {
            throw new PdfException("Cannot render a PDF from empty HTML");
        }
        Document parsed = Jsoup.parse(html);
        String documentTitle = title != null && !title.isBlank() ? title.strip() : parsed.title().strip();
        if (documentTitle.isEmpty()) {
            throw new PdfException("Cannot render a PDF without a title: an accessible (PDF/UA) document needs one");
        }
        parsed.title(documentTitle);
        // Only these reach the PDF's document information; viewport, htmx-config and the like stay out of it.
        parsed.select("meta[name]").not("[name~=(?i)^(author|subject|keywords|description)$]").remove();
        parsed.select("script").remove();
        if (parsed.selectFirst("head > meta[name=subject]") == null) {
            // openhtmltopdf writes the subject as the PDF's description (dc:description), which PDF/UA checkers want.
            Element description = parsed.selectFirst("head > meta[name=description]");
            String subject = description != null && !description.attr("content").isBlank()
                    ? description.attr("content") : documentTitle;
            parsed.head().appendElement("meta").attr("name", "subject").attr("content", subject);
        }
        Element root = parsed.selectFirst("html");
        if (root != null && root.attr("lang").isBlank()) {
            root.attr("lang", DEFAULT_LANGUAGE);
        }
        describeCharts(parsed);
        // A chart is not cut in two at a page break, and a table split over pages repeats its thead.
        parsed.head().prependElement("style").appendText(BASE_PRINT_CSS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ParsedFace> fonts = take();
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(pdf)
                    .withW3cDocument(W3CDom.convert(parsed), null)
                    .useDefaultPageSize(210, 297, PageSizeUnits.MM)
                    .usePdfUaAccessibility(true)
                    .useSVGDrawer(new BatikSVGDrawer())
                    .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .withProducer("Styr")
                    .toStream(out);
            for (Face face : FACES) {
                builder.useFont(face::open, FONT_FAMILY, face.weight, face.style, true, EnumSet.of(FSFontUseCase.SVG));
            }
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                for (ParsedFace font : fonts) {
                    // Registered as the fallback that comes before the built-in PDF fonts (which PDF/UA forbids
                    // anyway: they are not embedded), so it serves "DejaVu Sans" by name and every other family too.
                    // Embedded as a subset of the glyphs used, and only if used at all.
                    renderer.getFontResolver().addFont(font.supplier(pdf), FONT_FAMILY, font.face().weight,
                            font.face().style == FontStyle.ITALIC ? IdentValue.ITALIC : IdentValue.NORMAL, true,
                            PdfBoxFontResolver.FontGroup.PRE_BUILT_IN_FALLBACK);
                }
                renderer.layout();
                renderer.createPDF();
            }
        } catch (IOException | RuntimeException e) {
            throw new PdfException("Could not render the PDF \"" + documentTitle + "\": " + e.getMessage(), e);
        } finally {
            renderings.add(fonts);
        }
        if (out.size() == 0) {
            throw new PdfException("Rendering the PDF \"" + documentTitle + "\" gave no output");
        }
        return out.toByteArray();
    }

    /** openhtmltopdf takes a figure's alternate text from {@code alt}; an inline chart has its title and desc. */
    private static void describeCharts(Document document) {
        for (Element svg : document.select("svg")) {
            if (!svg.attr("alt").isBlank()) {
                continue;
            }
            String text = Stream.of(svg.selectFirst("> title"), svg.selectFirst("> desc"))
                    .filter(Objects::nonNull)
                    .map(element -> element.text().strip())
                    .filter(part -> !part.isEmpty())
                    .collect(Collectors.joining(". "));
            if (text.isEmpty()) {
                text = svg.attr("aria-label").strip();
            }
            if (!text.isEmpty()) {
                svg.attr("alt", text);
            }
        }
    }

    private List<ParsedFace> take() {
        try {
            return renderings.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PdfException("Interrupted while waiting to render a PDF", e);
        }
    }

    private static java.util.concurrent.BlockingQueue<List<ParsedFace>> parsedFontSets(int count) {
        java.util.concurrent.BlockingQueue<List<ParsedFace>> sets = new java.util.concurrent.ArrayBlockingQueue<>(count, true);
        for (int i = 0; i < count; i++) {
            sets.add(FACES.stream().map(ParsedFace::new).toList());
        }
        return sets;
    }

    /** A face parsed once; each document gets its own PDF font made from it, when it uses the face. */
    private record ParsedFace(Face face, TrueTypeFont font) {

        ParsedFace(Face face) {
            this(face, parse(face));
        }

        private static TrueTypeFont parse(Face face) {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not parse the PDF font " + face.file(), e);
            }
        }

        PDFontSupplier supplier(PDDocument document) {
            return new PDFontSupplier(null) {
                private PDFont loaded;

                @Override
                public PDFont supply() {
                    if (loaded == null) {
                        try {
                            loaded = PDType0Font.load(document, font, true);
                        } catch (IOException e) {
                            throw new UncheckedIOException("Could not embed the PDF font " + face.file(), e);
                        }
                    }
                    return loaded;
                }
            };
        }
    }

    private record Face(String file, int weight, FontStyle style, byte[] bytes) {

        Face(String file, int weight, FontStyle style) {
            this(file, weight, style, load(file));
        }

        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        private static byte[] load(String file) {
            try (InputStream in = Pdf.class.getClassLoader().getResourceAsStream(FONT_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("The PDF font " + FONT_DIR + file
                            + " is missing from the classpath (net.sf.jasperreports:jasperreports-fonts)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the PDF font " + file, e);
            }
        }
    }
}
