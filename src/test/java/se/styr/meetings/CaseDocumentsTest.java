package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * A case's documents as files: the secretary uploads the delårsbokslut's appendix to 2022.229 VON, everyone signed in
 * downloads it, the kallelse of 2022-09-27 carries its pages, and files that are not what they say are refused in
 * Swedish. Removal is possible until the case is decided.
 */
@StyrIntegrationTest
@Transactional
class CaseDocumentsTest extends MvcTestSupport {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private long delarsbokslut() {
        return jdbc.sql("select id from meeting_case where number = 229 and year = 2022").query(Long.class).single();
    }

    static byte[] pdf(int pages) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private String upload(long caseId, MockMultipartFile file, String title, int expected) throws Exception {
        return mvc.perform(multipart("/namnd/arenden/{id}/handlingar", caseId).file(file).param("docTitle", title)
                        .with(as("sekreterare")).with(csrf()))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int pages(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void an_uploaded_pdf_is_listed_downloaded_and_appended_to_the_kallelse() throws Exception {
        long c = delarsbokslut();
        long meeting = jdbc.sql("select id from meeting where meets_on = '2022-09-27'").query(Long.class).single();
        int before = pages(mvc.perform(get("/namnd/sammantraden/{id}/kallelse.pdf", meeting).with(as("politiker")))
                .andReturn().getResponse().getContentAsByteArray());
        byte[] appendix = pdf(3);
        upload(c, new MockMultipartFile("file", "Delårsbokslut 2022 bilaga.pdf", "application/pdf", appendix),
                "Delårsbokslut 2022, bilaga", 302);

        var row = jdbc.sql("select id, sub_number, size_bytes, content_type, uploaded_by from case_document where case_id = ? and file_name is not null")
                .param(c).query().singleRow();
        assertThat(row.get("size_bytes")).isEqualTo((long) appendix.length);
        assertThat(row.get("content_type")).isEqualTo("application/pdf");
        assertThat(row.get("uploaded_by")).isEqualTo("sekreterare");
        long doc = ((Number) row.get("id")).longValue();

        String page = mvc.perform(get("/namnd/arenden/{id}", c).with(as("sekreterare"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Delårsbokslut 2022, bilaga", "2022.229 VON-" + String.format("%03d", row.get("sub_number")),
                "PDF", "kB", "/namnd/arenden/" + c + "/handlingar/" + doc + "/fil");

        byte[] got = mvc.perform(get("/namnd/arenden/{id}/handlingar/{d}/fil", c, doc).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(got).isEqualTo(appendix);

        byte[] kallelse = mvc.perform(get("/namnd/sammantraden/{id}/kallelse.pdf", meeting).with(as("politiker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument merged = Loader.loadPDF(kallelse)) {
            int after = merged.getNumberOfPages();
            assertThat(after).as("the notice, the document listed, then the appendix's pages").isGreaterThanOrEqualTo(before + 3);
            // the appendix's pages (PDFBox's default Letter size) are the last three; the notice's own are A4
            for (int i = after - 3; i < after; i++) {
                assertThat(merged.getPage(i).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
            }
            assertThat(merged.getPage(after - 4).getMediaBox().getWidth()).isNotEqualTo(PDRectangle.LETTER.getWidth());
        }

        // the audit log has the upload
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'case_document' and object_id = ?")
                .param(doc).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void word_excel_and_images_are_accepted_by_name_type_and_first_bytes() throws Exception {
        long c = delarsbokslut();
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0};
        upload(c, new MockMultipartFile("file", "yttrande.docx", DOCX, zip), "", 302);
        upload(c, new MockMultipartFile("file", "underlag.xlsx", "application/octet-stream", zip), "Underlag", 302);
        byte[] png = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        upload(c, new MockMultipartFile("file", "diagram.png", "image/png", png), "Diagram", 302);
        assertThat(jdbc.sql("select title from case_document where case_id = ? and file_name is not null order by sub_number")
                .param(c).query(String.class).list()).containsExactly("yttrande.docx", "Underlag", "Diagram");
    }

    @Test
    void files_that_are_not_what_they_say_are_refused_in_swedish_and_nothing_is_stored() throws Exception {
        long c = delarsbokslut();
        long before = jdbc.sql("select count(*) from case_document").query(Long.class).single();
        assertThat(upload(c, new MockMultipartFile("file", "program.exe", "application/octet-stream", new byte[] {0x4D, 0x5A}), "X", 400))
                .contains("Filen program.exe kan inte laddas upp: endast PDF, Word (.doc, .docx), Excel (.xls, .xlsx) och bilder");
        assertThat(upload(c, new MockMultipartFile("file", "bilaga.pdf", "application/pdf", "<html>inte en pdf</html>".getBytes()), "X", 400))
                .contains("Filen bilaga.pdf är inte vad dess namn säger");
        assertThat(upload(c, new MockMultipartFile("file", "bilaga.pdf", "text/html", pdf(1)), "X", 400))
                .contains("Filen bilaga.pdf angavs som text/html");
        assertThat(upload(c, new MockMultipartFile("file", "tom.pdf", "application/pdf", new byte[0]), "X", 400))
                .contains("Filen är tom.");
        assertThat(jdbc.sql("select count(*) from case_document").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_document_is_removed_until_the_case_is_decided_and_others_may_not() throws Exception {
        long c = delarsbokslut();
        upload(c, new MockMultipartFile("file", "a.pdf", "application/pdf", pdf(1)), "Bilaga A", 302);
        upload(c, new MockMultipartFile("file", "b.pdf", "application/pdf", pdf(1)), "Bilaga B", 302);
        long a = jdbc.sql("select id from case_document where case_id = ? and title = 'Bilaga A'").param(c).query(Long.class).single();
        long b = jdbc.sql("select id from case_document where case_id = ? and title = 'Bilaga B'").param(c).query(Long.class).single();

        mvc.perform(post("/namnd/arenden/{id}/handlingar/{d}/ta-bort", c, a).with(as("politiker")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/namnd/arenden/{id}/handlingar/{d}/ta-bort", c, a).with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from case_document where id = ?").param(a).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_document_content where document_id = ?").param(a).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'case_document' and object_id = ? and action = 'BORTTAGEN'")
                .param(a).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/namnd/arenden/{id}/handlingar/{d}/fil", c, a).with(as("sekreterare"))).andExpect(status().isNotFound());

        jdbc.sql("update meeting_case set status = 'BESLUTAT' where id = ?").param(c).update();
        String refused = mvc.perform(post("/namnd/arenden/{id}/handlingar/{d}/ta-bort", c, b).with(as("sekreterare")).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Ärendet är beslutat. Dess handlingar kan inte längre tas bort.");
        assertThat(jdbc.sql("select count(*) from case_document where id = ?").param(b).query(Long.class).single()).isEqualTo(1);
        upload(c, new MockMultipartFile("file", "c.pdf", "application/pdf", pdf(1)), "Bilaga C", 400);
    }

    @Test
    void unsafe_file_names_are_made_safe() {
        assertThat(DocumentFile.safeName("C:\\Users\\x\\..\\rapport\".pdf", "handling")).isEqualTo("rapport_.pdf");
        assertThat(DocumentFile.safeName("../../etc/passwd\r\n.pdf", "handling")).isEqualTo("passwd_.pdf");
        assertThat(DocumentFile.safeName(".pdf", "handling")).isEqualTo("handling.pdf");
    }
}
