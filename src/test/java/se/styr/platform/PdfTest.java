package se.styr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PdfTest {

    private static final String NBSP = "\u00a0";

    /** HTML5 as Thymeleaf writes it: unclosed void elements, entities, an inline chart, no XHTML. */
    private static final String REPORT = """
            <!DOCTYPE html>
            <html lang="sv" xmlns:th="http://www.thymeleaf.org">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Delårsbokslut 2022 – Alingsås kommun</title>
              <style>
                body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: var(--ink); }
                .actions { display: flex; gap: 1rem; }
                h1 { font-family: "DejaVu Sans", sans-serif; }
                td.num { text-align: right; }
                @media print { .no-print { display: none; } }
              </style>
            </head>
            <body>
              <h1>Delårsbokslut 2022</h1>
              <p>Kommunstyrelsen<br>Åtgärd&nbsp;krävs: ökad kostnadskontroll.</p>
              <p class="no-print">Visas bara på skärmen</p>
              <table>
                <caption>Resultat per nämnd, tkr</caption>
                <thead><tr><th scope="col">Nämnd</th><th scope="col">Budget</th><th scope="col">Avvikelse</th></tr></thead>
                <tbody>
                  <tr><th scope="row">Socialnämnden</th><td class="num">1\u00a0067\u00a0064</td><td class="num">−9,0</td></tr>
                  <tr><th scope="row">Barn- och ungdomsnämnden</th><td class="num">812&nbsp;300</td><td class="num">2,5</td></tr>
                </tbody>
              </table>
              <svg xmlns="http://www.w3.org/2000/svg" role="img" width="300" height="120" viewBox="0 0 300 120" aria-labelledby="t d">
                <title id="t">Avvikelse per nämnd</title>
                <desc id="d">Socialnämnden −9,0 mnkr, Barn- och ungdomsnämnden 2,5 mnkr.</desc>
                <rect x="10" y="60" width="90" height="40" fill="#b00020"/>
                <rect x="150" y="40" width="90" height="20" fill="#1b5e20"/>
                <text x="10" y="115" font-size="10">Socialnämnden</text>
              </svg>
            </body>
            </html>
            """;

    private final Pdf pdf = new Pdf();

    @Test
    void rendersASwedishReportWithEveryCharacterIntact() throws IOException {
        byte[] bytes = pdf.fromHtml(REPORT, null);

        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Delårsbokslut 2022")
                    .contains("Åtgärd")
                    .contains("ökad kostnadskontroll")
                    .contains("Resultat per nämnd, tkr")
                    .contains("−9,0")
                    .containsAnyOf("1" + NBSP + "067" + NBSP + "064", "1 067 064")
                    .doesNotContain("Visas bara på skärmen");
            assertThat(text.replace(NBSP, " ")).contains("1 067 064", "Åtgärd krävs");

            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Delårsbokslut 2022 – Alingsås kommun");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, Offset.offset(1f));
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                }
            }
        }
    }

    @Test
    void isTaggedForAccessibilityWithTitleAndLanguage() throws IOException {
        byte[] bytes = pdf.fromHtml(REPORT.replace("<html lang=\"sv\"", "<html"), "Delårsbokslut 2022");

        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("sv");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Delårsbokslut 2022");
            assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8)).contains("pdfuaid");
            assertThat(document.getDocumentInformation().getCustomMetadataValue("viewport")).isNull();

            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot().getKids(), elements);
            assertThat(elements).extracting(PDStructureElement::getStructureType)
                    .contains("H1", "Table", "TH", "TD", "Caption", "Figure");
            assertThat(elements).filteredOn(element -> element.getStructureType().equals("Figure"))
                    .singleElement()
                    .extracting(PDStructureElement::getAlternateDescription)
                    .isEqualTo("Avvikelse per nämnd. Socialnämnden −9,0 mnkr, Barn- och ungdomsnämnden 2,5 mnkr.");
        }
    }

    private static void collect(List<Object> kids, List<PDStructureElement> into) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element.getKids(), into);
            }
        }
    }

    @Test
    void malformedHtmlStillRenders() throws IOException {
        String sloppy = "<title>Rapport</title><h1>Nämnd<p>Öppet <b>ärende<td>−2,5</table><br><p>slut &amp; klart";

        byte[] bytes = pdf.fromHtml(sloppy, null);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Nämnd", "Öppet", "ärende", "−2,5", "slut & klart");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
        }
    }

    @Test
    void emptyHtmlIsAClearError() {
        assertThatThrownBy(() -> pdf.fromHtml("", "Rapport"))
                .isInstanceOf(PdfException.class)
                .hasMessageContaining("empty HTML");
        assertThatThrownBy(() -> pdf.fromHtml("  \n ", "Rapport"))
                .isInstanceOf(PdfException.class);
        assertThatThrownBy(() -> pdf.fromHtml(null, "Rapport"))
                .isInstanceOf(PdfException.class);
    }

    @Test
    void aDocumentWithoutAnyTitleIsAClearError() {
        assertThatThrownBy(() -> pdf.fromHtml("<p>Utan rubrik</p>", " "))
                .isInstanceOf(PdfException.class)
                .hasMessageContaining("title");
    }
}
