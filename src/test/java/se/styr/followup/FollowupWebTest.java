package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/** The follow-up pages and API through Spring's MVC test support: rights, Swedish 4xx answers and the PDF. */
@StyrIntegrationTest
@Transactional
class FollowupWebTest extends MvcTestSupport {

    private long round() {
        return jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private long task(String unitCode, String part) {
        return jdbc.sql("select id from followup_task where round_id = ? and unit_id = ? and part = ?")
                .params(round(), unit(unitCode), part).query(Long.class).single();
    }

    private long lssGoal() {
        return jdbc.sql("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'")
                .query(Long.class).single();
    }

    private long sickLeave() {
        return jdbc.sql("select id from goal_object where kind = 'NYCKELTAL' and title like 'Sjukfrånvaro Dag 59%'")
                .query(Long.class).single();
    }

    @Test
    void the_start_page_shows_my_tasks_late_and_missing_outcomes() throws Exception {
        mvc.perform(get("/").with(as("enhetschef"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Måluppföljning, delårsbokslut: Hemtjänst Norr")))
                .andExpect(content().string(containsString("Försenad")))
                .andExpect(content().string(containsString("Utfall saknas för 7 nyckeltal för Hemtjänst Norr")));
        mvc.perform(get("/").with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("utfall saknas i Delårsbokslut 2022")))
                .andExpect(content().string(containsString("Pågående uppföljningar")));
    }

    @Test
    void the_list_of_rounds_is_filtered_and_paged_and_refuses_bad_input_in_swedish() throws Exception {
        mvc.perform(get("/uppfoljning").param("status", "OPPEN").param("organ", "" + unit("VON")).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut 2022")))
                .andExpect(content().string(containsString("Uppföljningar: 1 st, här 1–1")));
        mvc.perform(get("/uppfoljning").param("status", "BESLUTAD").param("organ", "" + unit("VON")).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Det finns inga uppföljningar.")))
                .andExpect(content().string(not(containsString("Delårsbokslut 2022"))));
        mvc.perform(get("/uppfoljning").param("ar", "2021").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Delårsbokslut 2022"))));
        mvc.perform(get("/uppfoljning").param("ar", "1800").with(as("politiker")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("1990")));
        mvc.perform(get("/uppfoljning").param("sida", "0").with(as("politiker")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/uppfoljning").param("status", "KANSKE").with(as("politiker")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_pages_of_a_round_render_for_those_who_may_see_them() throws Exception {
        long r = round();
        mvc.perform(get("/uppfoljning").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut 2022")))
                .andExpect(content().string(not(containsString("Öppna en ny uppföljning"))));
        mvc.perform(get("/uppfoljning/" + r).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Framdrift för Vård- och omsorgsförvaltningen")))
                .andExpect(content().string(not(containsString("Ändra delning"))));
        mvc.perform(get("/uppfoljning/" + r).with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ändra delning")));
        mvc.perform(get("/uppfoljning/" + r + "/utfall").param("nyckeltal", "" + sickLeave()).with(as("controller")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Hemtjänst Norr")));
        mvc.perform(get("/uppfoljning/" + r + "/utfall").with(as("enhetschef"))).andExpect(status().isForbidden());
        mvc.perform(get("/uppfoljning/" + r + "/enhet/" + unit("VOF-HN") + "/objekt/" + lssGoal()).param("flik", "instruktioner")
                .with(as("enhetschef"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bedömning av måluppfyllelsen görs endast på förvaltningsövergripande nivå")));
        mvc.perform(get("/uppfoljning/" + r + "/enhet/" + unit("VOF-AO") + "/objekt/" + lssGoal()).param("flik", "underlag")
                .with(as("avdelningschef"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Haga hemtjänst 1")));
        mvc.perform(get("/uppfoljning/ny").with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden")));
        mvc.perform(get("/uppfoljning/" + r + "/delning/" + lssGoal()).with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Förebyggandeenheten")));
    }

    @Test
    void bad_input_gets_a_swedish_400_and_nothing_is_saved() throws Exception {
        long r = round();
        String path = "/uppfoljning/" + r + "/utfall/" + sickLeave();
        mvc.perform(post(path).with(csrf()).with(as("controller"))
                        .param("rows[0].unitId", "" + unit("VOF-HN")).param("rows[0].version", "0")
                        .param("rows[0].outcome", "tre komma fem")
                        .param("rows[1].unitId", "" + unit("VOF-HAGA1")).param("rows[1].version", "0")
                        .param("rows[1].outcome", "3,1").param("rows[1].signalOverride", "UTAN_ANMARKNING"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett tal, till exempel 83,5.")));
        assertThat(jdbc.sql("select count(*) from followup_outcome").query(Long.class).single()).isZero();
        mvc.perform(post(path).with(csrf()).with(as("controller"))
                        .param("rows[0].unitId", "" + unit("VOF-HN")).param("rows[0].version", "0")
                        .param("rows[0].outcome", "3,1").param("rows[0].signalOverride", "UTAN_ANMARKNING"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange varför den beräknade signalen eller trenden ändras.")));
        mvc.perform(post("/uppfoljning").with(csrf()).with(as("controller")).param("bodyUnitId", "" + unit("VON"))
                        .param("type", "DELARSBOKSLUT").param("asOf", "2022-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett datum som ÅÅÅÅ-MM-DD.")));
        long norr = task("VOF-HN", "MAL");
        mvc.perform(post("/uppfoljning/uppgift/" + norr + "/klarmarkera").with(csrf()).with(as("enhetschef")).param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("saknar en analys")));
        mvc.perform(post("/uppfoljning/uppgift/" + norr + "/klarmarkera").with(csrf()).with(as("enhetschef")).param("version", "7"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan har sparat ändringar")));
        mvc.perform(post("/uppfoljning/uppgift/" + norr + "/godkann").with(csrf()).with(as("enhetschef")).param("version", "0"))
                .andExpect(status().isForbidden());
    }

    @Test
    void reporting_through_the_page_saves_and_redirects() throws Exception {
        long r = round();
        String path = "/uppfoljning/" + r + "/enhet/" + unit("VOF-HN") + "/objekt/" + lssGoal();
        mvc.perform(post(path).with(csrf()).with(as("enhetschef")).param("version", "0").param("analysis", "Kön är borta."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(path + "*"));
        mvc.perform(get(path).with(as("enhetschef"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kön är borta.")));
        mvc.perform(post(path).with(csrf()).with(as("enhetschef")).param("version", "0").param("analysis", "Gammal"))
                .andExpect(status().isConflict());
        mvc.perform(post(path).with(csrf()).with(as("enhetschef2")).param("version", "1").param("analysis", "Inte min"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_report_is_a_page_and_a_pdf_from_the_same_article() throws Exception {
        long r = round();
        mvc.perform(get("/uppfoljning/" + r + "/rapport").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Måluppföljning")))
                .andExpect(content().string(containsString("Uppföljning av internkontroll")))
                .andExpect(content().string(not(containsString("Besluta rapporten"))));
        byte[] pdf = mvc.perform(get("/uppfoljning/" + r + "/rapport.pdf").with(as("politiker")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString(".pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Table cells wrap: compare with the line breaks as spaces.
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Delårsbokslut 2022", "Måluppföljning", "Antal gruppboendeplatser LSS", "Lapplandsgatans");
            assertThat(doc.getDocumentInformation().getTitle()).contains("Delårsbokslut 2022");
        }
    }

    @Test
    void deciding_through_the_page_keeps_a_version_that_is_readable_and_exportable() throws Exception {
        long r = round();
        mvc.perform(get("/api/v1/public/reports/" + r + "/versions/1")).andExpect(status().isNotFound());
        mvc.perform(get("/publicerat/rapporter/" + r + "/version/1")).andExpect(status().isNotFound());
        int version = jdbc.sql("select version from followup_round where id = ?").param(r).query(Integer.class).single();
        mvc.perform(post("/uppfoljning/" + r + "/beslut").with(csrf()).with(as("controller")).param("version", "" + version)
                        .param("decidedOn", "2022-09-27").param("decisionRef", ""))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Ange beslutet")));
        mvc.perform(post("/uppfoljning/" + r + "/beslut").with(csrf()).with(as("controller")).param("version", "" + version)
                        .param("decidedOn", "2022-09-27").param("decisionRef", "VON § 80, 2022-09-27"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("uppgifter är inte godkända. Bekräfta")));
        mvc.perform(post("/uppfoljning/" + r + "/beslut").with(csrf()).with(as("controller")).param("version", "" + version)
                        .param("decidedOn", "2022-09-27").param("decisionRef", "VON § 80, 2022-09-27").param("confirmUnapproved", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/uppfoljning/" + r + "/rapport/version/1").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Beslutad 2022-09-27 (VON § 80, 2022-09-27)")));
        mvc.perform(get("/uppfoljning/" + r + "/rapport/version/1.pdf").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/uppfoljning/" + r + "/rapport/version/2").with(as("politiker"))).andExpect(status().isNotFound());
        // the decided version is open data, without login: listed with where its text is, and the text as decided
        mvc.perform(get("/api/v1/public/reports")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].report.decisionRef").value("VON § 80, 2022-09-27"))
                .andExpect(jsonPath("$[0].url").value("/api/v1/public/reports/" + r + "/versions/1"));
        mvc.perform(get("/api/v1/public/reports/" + r + "/versions/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.report.name").value("Delårsbokslut 2022"))
                .andExpect(jsonPath("$.html").value(containsString("Delårsbokslut 2022")));
        mvc.perform(get("/api/v1/public/reports/" + r + "/versions/2")).andExpect(status().isNotFound());
        mvc.perform(post("/uppfoljning/" + r + "/enhet/" + unit("VOF-HN") + "/objekt/" + lssGoal()).with(csrf())
                        .with(as("enhetschef")).param("version", "0").param("analysis", "Efter beslut"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Rapporten är beslutad")));
    }

    @Test
    void the_api_is_described_by_openapi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/rounds/{id}/units/{unitId}/objects/{objectId}/report")))
                .andExpect(content().string(containsString("/api/v1/tasks/{taskId}/send-back")));
    }

    @Test
    void the_api_reports_marks_done_and_answers_problem_json() throws Exception {
        long r = round();
        String object = "/api/v1/rounds/" + r + "/units/" + unit("VOF-HN") + "/objects/" + lssGoal();
        mvc.perform(get("/api/v1/rounds").with(httpBasic("politiker", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].round.name").value("Delårsbokslut 2022"))
                .andExpect(jsonPath("$.items[0].progress.total").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(get("/api/v1/rounds").param("year", "1800").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.year[0]").value(containsString("1990")));
        mvc.perform(get("/api/v1/rounds").param("year", "2021").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/rounds/" + r + "/report").with(httpBasic("politiker", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.goalGroups[0].goals[0].assessment").value("HELT_UPPFYLLT"))
                .andExpect(jsonPath("$.goalGroups[0].goals[0].figures[0].target").value(80));
        mvc.perform(put(object + "/report").with(httpBasic("enhetschef", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"analysis\":\"Via API\",\"assessment\":\"HELT_UPPFYLLT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.assessment[0]").value("Välj ett av alternativen."));
        mvc.perform(put(object + "/report").with(httpBasic("enhetschef", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"analysis\":\"Via API\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.analysis").value("Via API"));
        mvc.perform(put(object + "/report").with(httpBasic("enhetschef2", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"analysis\":\"Inte min\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Du får bara rapportera för din egen enhet."));
        long norr = task("VOF-HN", "MAL");
        mvc.perform(post("/api/v1/tasks/" + norr + "/done").with(httpBasic("enhetschef", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("saknar en analys")));
        mvc.perform(get("/api/v1/tasks/mine").with(httpBasic("enhetschef", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].title").value("Måluppföljning, delårsbokslut: Hemtjänst Norr"));
        mvc.perform(get("/api/v1/start").with(httpBasic("enhetschef", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.toReport[0].title").value("Måluppföljning, delårsbokslut: Hemtjänst Norr"));
        mvc.perform(put("/api/v1/rounds/" + r + "/figures/" + sickLeave() + "/outcomes").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"unitId\":" + unit("VOF-HN") + ",\"outcome\":3.5,\"previousOutcome\":3.8,\"version\":0}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.unit.code == 'VOF-HN')].line.signal").value("MED_ANMARKNING"));
    }
}
