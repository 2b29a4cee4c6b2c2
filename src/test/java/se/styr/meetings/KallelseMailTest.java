package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.MvcTestSupport;
import se.styr.OwnDatabase;
import se.styr.StyrIntegrationTest;
import se.styr.notices.SmtpServer;

/**
 * The secretary sends the kallelse of VON's meeting of 2022-09-27 by e-mail through an SMTP server inside the test:
 * every person called who has an address and the handling officer of a case on the agenda get it with the PDF
 * attached; the sending is recorded and shown; sending again must be confirmed. Commits, so a database of its own.
 */
@StyrIntegrationTest
@OwnDatabase
class KallelseMailTest extends MvcTestSupport {

    static final SmtpServer SMTP = SmtpServer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static List<String> pdfAttachments(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.getFileName() != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                assertThat(new String(out.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                names.add(part.getFileName());
            }
        }
        return names;
    }

    @Test
    void the_members_substitutes_and_officers_get_the_kallelse_with_the_pdf_and_sending_is_recorded() throws Exception {
        long m = jdbc.sql("select id from meeting where meets_on = '2022-09-27'").query(Long.class).single();
        List<Long> called = jdbc.sql("select id from meeting_attendee where meeting_id = ? and role in ('ORDFORANDE', "
                + "'VICE_ORDFORANDE', 'LEDAMOT', 'ERSATTARE') order by position").param(m).query(Long.class).list();
        assertThat(called).isNotEmpty();
        for (long a : called) {
            jdbc.sql("update meeting_attendee set email = ? where id = ?").params("kallad" + a + "@kommun.test", a).update();
        }
        // the officer of the delårsbokslut is a user of Styr with an address
        jdbc.sql("update app_user set email = 'controller@kommun.test' where username = 'controller'").update();
        jdbc.sql("update meeting_case set officer = 'controller' where number = 229 and year = 2022").update();
        SMTP.clear();

        mvc.perform(post("/namnd/sammantraden/{id}/kallelse/skicka", m).with(as("politiker")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(SMTP.received()).isEmpty();

        mvc.perform(post("/namnd/sammantraden/{id}/kallelse/skicka", m).with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<MimeMessage> mails = SMTP.received();
        assertThat(mails).hasSize(called.size() + 1);
        assertThat(SMTP.to("controller@kommun.test")).hasSize(1);
        for (long a : called) {
            List<MimeMessage> got = SMTP.to("kallad" + a + "@kommun.test");
            assertThat(got).hasSize(1);
            assertThat(SmtpServer.subject(got.get(0))).isEqualTo("Kallelse – Vård- och omsorgsnämnden 2022-09-27");
            assertThat(pdfAttachments(got.get(0))).containsExactly("kallelse-VON-2022-09-27.pdf");
        }
        var row = jdbc.sql("select sent_by, recipient_count, attached, failed from meeting_kallelse_sent where meeting_id = ?")
                .param(m).query().singleRow();
        assertThat(row.get("sent_by")).isEqualTo("sekreterare");
        assertThat(((Number) row.get("recipient_count")).intValue()).isEqualTo(called.size() + 1);
        assertThat(row.get("attached")).isEqualTo(true);
        assertThat(row.get("failed")).isNull();

        String page = mvc.perform(get("/namnd/sammantraden/{id}", m).with(as("sekreterare"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Kallelse skickad " + java.time.LocalDate.now(), "till " + (called.size() + 1) + " personer",
                "Ja, skicka kallelsen igen till alla");

        // again: only when confirmed
        SMTP.clear();
        String refused = mvc.perform(post("/namnd/sammantraden/{id}/kallelse/skicka", m).with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Kallelsen skickades redan");
        assertThat(SMTP.received()).isEmpty();
        mvc.perform(post("/namnd/sammantraden/{id}/kallelse/skicka", m).param("bekrafta", "true").with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(SMTP.received()).hasSize(called.size() + 1);
        assertThat(jdbc.sql("select count(*) from meeting_kallelse_sent where meeting_id = ?").param(m).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'meeting' and object_id = ? and summary like 'Kallelse skickad%'")
                .param(m).query(Long.class).single()).isEqualTo(2);
    }
}
