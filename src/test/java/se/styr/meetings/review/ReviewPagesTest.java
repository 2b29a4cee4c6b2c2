package se.styr.meetings.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import se.styr.AuditTrail;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * The auditors' basic review of VON 2022 from seed 004 in the demo, and a new review answered and sent: the auditor
 * writes questions and nothing else, the body's controller and secretary answer, the complete answers become a case,
 * and the approved paragraph deciding the case shows on the review.
 */
@StyrIntegrationTest
@Transactional
class ReviewPagesTest extends MvcTestSupport {

    private long vonReview() {
        return id("select r.id from audit_review r join org_unit u on u.id = r.body_unit_id where u.code = 'VON' and r.year = 2022");
    }

    private int version(String table, long id) {
        return jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    /** A new review of VON 2023 by the auditor with the questions of 2022. */
    private long newReview() throws Exception {
        mvc.perform(post("/namnd/granskning").param("organ", "" + id("select id from org_unit where code = 'VON'")).param("ar", "2023")
                        .param("auditor", "KPMG").param("answerBy", "2023-09-30").param("kopiera", "" + vonReview())
                        .with(as("revisor")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return id("select r.id from audit_review r join org_unit u on u.id = r.body_unit_id where u.code = 'VON' and r.year = 2023");
    }

    private long question(long review, String code) {
        return id("select id from audit_review_question where review_id = ? and code = ?", review, code);
    }

    @Test
    void the_demo_holds_the_review_as_the_seed_prints_it_sent_to_the_committee_as_2022_227() throws Exception {
        long r = vonReview();
        assertThat(jdbc.sql("select code from audit_review_question where review_id = ? order by position").param(r)
                .query(String.class).list()).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4",
                "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "4.1");
        mvc.perform(get("/namnd/granskning").with(as("revisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden")))
                .andExpect(content().string(containsString("Skickad till nämnden")));
        mvc.perform(get("/namnd/granskning/{id}", r).with(as("revisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Har nämnden/styrelsen fastställt en budget i balans?")))
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden fastställde en budget i balans 2021-12-17 § 84.")))
                .andExpect(content().string(containsString("2022.227 VON")))
                .andExpect(content().string(containsString("18 av 18")))
                .andExpect(content().string(containsString("href=\"/uppfoljning/")))
                // sent: nobody answers or edits any more
                .andExpect(content().string(not(containsString("name=\"answer\""))))
                .andExpect(content().string(not(containsString("/fragor\""))));
        mvc.perform(get("/namnd/arenden/{id}", id("select id from meeting_case where number = 227")).with(as("politiker")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/namnd/granskning/" + r)));
        mvc.perform(get("/namnd/granskning/{id}/utskrift", r).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"sv\"")))
                .andExpect(content().string(containsString("Nej, det har inte varit aktuellt.")));
        mvc.perform(get("/namnd/granskning/{id}.pdf", r).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/api/v1/reviews/{id}", r).with(as("revisor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.review.status").value("SKICKAD"))
                .andExpect(jsonPath("$.reviewCase.dnr").value("2022.227 VON"))
                .andExpect(jsonPath("$.questions[8].question.answer").value("NEJ"))
                .andExpect(jsonPath("$.questions[0].evidence[0].href").value(containsString("/ekonomi/budget/")));
    }

    @Test
    void nobody_signed_in_is_sent_to_login_and_the_api_answers_401() throws Exception {
        mvc.perform(get("/namnd/granskning")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/namnd/granskning/{id}", vonReview())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/granskning").param("organ", "1").param("ar", "2023").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/reviews")).andExpect(status().isUnauthorized());
    }

    @Test
    void the_auditor_reads_everything_and_writes_nothing_but_the_review() throws Exception {
        long von = id("select id from org_unit where code = 'VON'");
        // reads what a reader reads
        for (String page : List.of("/", "/styrkedja", "/uppfoljning", "/ekonomi", "/kvalitet/risker", "/kvalitet/internkontroll",
                "/namnd/sammantraden", "/namnd/arenden")) {
            mvc.perform(get(page).with(as("revisor"))).andExpect(status().isOk());
        }
        AuditTrail trail = AuditTrail.mark(jdbc);
        // may not save a risk, a budget line, a case or a follow-up report
        mvc.perform(post("/api/v1/risks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bodyUnitId\":" + von + ",\"year\":2022,\"description\":\"Revisorns risk\",\"probability\":2,\"consequence\":2}")
                        .with(as("revisor")))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/ekonomi/budget/{id}/driftrad", id("select min(id) from budget")).param("version", "0").with(as("revisor")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/namnd/arenden").param("organ", "" + von).param("ar", "2022").param("title", "Revisorns ärende")
                .with(as("revisor")).with(csrf())).andExpect(status().isForbidden());
        assertThat(trail.refusedActors()).hasSize(3);
        assertThat(jdbc.sql("select count(*) from risk where description = 'Revisorns risk'").query(Long.class).single()).isZero();

        // may write questions, but not answer them
        long r = newReview();
        assertThat(jdbc.sql("select count(*) from audit_review_question where review_id = ?").param(r).query(Long.class).single())
                .isEqualTo(18);
        mvc.perform(post("/namnd/granskning/{id}/fragor", r).param("code", "4.2").param("section", "4 Utmaningar och risker")
                        .param("question", "Hur arbetar nämnden med kompetensförsörjningen?").param("openAnswer", "true")
                        .with(as("revisor")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long q11 = question(r, "1.1");
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/svar", r, q11).param("version", "" + version("audit_review_question", q11))
                .param("answer", "JA").with(as("revisor")).with(csrf())).andExpect(status().isForbidden());
        // and the body may answer, but not write questions
        mvc.perform(post("/namnd/granskning/{id}/fragor", r).param("code", "9.9").param("section", "9").param("question", "Egen fråga?")
                .with(as("controller")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/namnd/granskning").param("organ", "" + von).param("ar", "2024").with(as("controller")).with(csrf()))
                .andExpect(status().isForbidden());
        // a reader neither
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/svar", r, q11).param("version", "0").param("answer", "JA")
                .with(as("politiker")).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select answer from audit_review_question where id = ?").param(q11).query(String.class).optional()
                .orElse(null)).isNull();
        // only an administrator gives the auditor role: a controller may not, even within VON
        long person = id("select id from app_user where username = 'enhetschef'");
        mvc.perform(post("/api/v1/people/{id}/roles", person).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"AUDITOR\",\"unitId\":" + von + "}").with(as("controller"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/people/{id}/roles", person).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"AUDITOR\",\"unitId\":null}").with(as("admin"))).andExpect(status().is2xxSuccessful());
        assertThat(jdbc.sql("select count(*) from role_assignment where user_id = ? and role = 'AUDITOR'").param(person)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_body_answers_sends_the_complete_answers_and_they_become_a_case() throws Exception {
        long r = newReview();
        long q11 = question(r, "1.1");
        long q24 = question(r, "2.4");
        AuditTrail trail = AuditTrail.mark(jdbc);
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/svar", r, q11).param("version", "" + version("audit_review_question", q11))
                        .param("answer", "JA").param("description", "Nämnden har antagit fyra mål.").with(as("controller")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(trail.entries("audit_review_question", q11)).singleElement()
                .satisfies(e -> assertThat(e.newValue()).contains("JA").contains("Nämnden har antagit fyra mål."));
        // Nej without a description is refused in Swedish, nothing written
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/svar", r, q24).param("version", "" + version("audit_review_question", q24))
                        .param("answer", "KANSKE").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest());
        // a stale version is a conflict
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/svar", r, q11).param("version", "0").param("answer", "NEJ")
                        .param("description", "Gammal läsning").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Någon annan har sparat")));
        // evidence chosen among what Styr holds
        long round = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/underlag", r, q11).param("version", "" + version("audit_review_question", q11))
                .param("underlag", "RAPPORT:" + round).with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/underlag", r, q11).param("version", "" + version("audit_review_question", q11))
                        .param("underlag", "RAPPORT:999999").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Välj ett underlag")));
        mvc.perform(get("/namnd/granskning/{id}", r).with(as("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/uppfoljning/" + round + "/rapport\"")))
                .andExpect(content().string(containsString("<legend>Svar på fråga 1.1</legend>")));

        // incomplete: refused, each missing question named
        mvc.perform(post("/namnd/granskning/{id}/skicka", r).param("version", "" + version("audit_review", r))
                        .with(as("controller")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Fråga 1.2 saknar svar.")))
                .andExpect(content().string(containsString("Fråga 4.1 saknar beskrivning.")));
        assertThat(jdbc.sql("select status from audit_review where id = ?").param(r).query(String.class).single()).isEqualTo("OPPEN");

        // the rest answered through the API: JA for the closed questions, a description for the open ones
        for (var q : jdbc.sql("select id, open_answer from audit_review_question where review_id = ? and answer is null").param(r)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0}).list()) {
            String body = q[1] == 1 ? "{\"description\":\"Beskrivning\",\"version\":" + version("audit_review_question", q[0]) + "}"
                    : "{\"answer\":\"JA\",\"version\":" + version("audit_review_question", q[0]) + "}";
            mvc.perform(put("/api/v1/reviews/{id}/questions/{q}/answer", r, q[0]).contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(as("controller"))).andExpect(status().isOk());
        }
        mvc.perform(put("/api/v1/reviews/{id}/questions/{q}/answer", r, q24).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"KANSKE\",\"version\":" + version("audit_review_question", q24) + "}").with(as("controller")))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        long cases = jdbc.sql("select count(*) from meeting_case").query(Long.class).single();
        mvc.perform(post("/namnd/granskning/{id}/skicka", r).param("version", "" + version("audit_review", r))
                .with(as("controller")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from meeting_case").query(Long.class).single()).isEqualTo(cases + 1);
        var made = jdbc.sql("select c.year, c.number, c.title, c.status, u.code from meeting_case c join org_unit u on u.id = c.body_unit_id"
                        + " where c.source_type = 'audit_review' and c.source_id = ?").param(r)
                .query((rs, n) -> rs.getInt(1) + "." + rs.getInt(2) + " " + rs.getString(5) + " " + rs.getString(3) + " " + rs.getString(4))
                .single();
        assertThat(made).isEqualTo("2023.1 VON Årlig grundläggande granskning 2023 REGISTRERAT");
        mvc.perform(get("/namnd/granskning/{id}", r).with(as("revisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2023.001 VON")))
                .andExpect(content().string(containsString("Avsluta granskningen")));
        // frozen: an answer now is a Swedish 409
        mvc.perform(post("/namnd/granskning/{id}/fragor/{q}/svar", r, q11).param("version", "" + version("audit_review_question", q11))
                        .param("answer", "NEJ").param("description", "För sent").with(as("controller")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("skickad till nämnden")));
        // the auditors close it
        mvc.perform(post("/namnd/granskning/{id}/avsluta", r).param("version", "" + version("audit_review", r))
                .with(as("controller")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/namnd/granskning/{id}/avsluta", r).param("version", "" + version("audit_review", r))
                .with(as("revisor")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from audit_review where id = ?").param(r).query(String.class).single()).isEqualTo("AVSLUTAD");
    }

    @Test
    void the_approved_paragraph_deciding_2022_227_shows_on_the_review() throws Exception {
        long r = vonReview();
        long m = id("select id from meeting where meets_on = '2022-09-27'");
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version("meeting", m))
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version("meeting", m))
                .with(as("justerare")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from audit_review where id = ?").param(r).query(String.class).single()).isEqualTo("SKICKAD");
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version("meeting", m))
                .with(as("ordforande")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status || ' ' || decided_reference from audit_review where id = ?").param(r).query(String.class).single())
                .isEqualTo("BESLUTAD VON § 4, 2022-09-27");
        mvc.perform(get("/namnd/granskning/{id}", r).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("VON § 4, 2022-09-27")))
                .andExpect(content().string(containsString("Beslutat")));
    }
}
