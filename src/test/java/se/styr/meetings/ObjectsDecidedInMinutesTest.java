package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import se.styr.MvcTestSupport;
import se.styr.OwnDatabase;
import se.styr.StyrIntegrationTest;

/**
 * The budget, the risk analysis and the IK plan take the report's path to a decision: sent for decision each becomes a
 * case of the body that decides it (KF for the budget, the committee for its documents), a paragraph decides it, and on
 * justering by chair and adjuster it is decided with "KF § n, date" / "VON § n, date" as its reference and frozen; a
 * typed decision is refused (409) once it is sent. The decided objects then show on the public pages without login.
 */
@StyrIntegrationTest
@OwnDatabase
class ObjectsDecidedInMinutesTest extends MvcTestSupport {

    private String text(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).single();
    }

    private int version(String table, long id) {
        return jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    /** A meeting of the body with the cases on its agenda, minuted with a decision on each, approved by chair and adjuster. */
    private long holdAndApprove(String secretary, long body, String meetsOn, long... cases) throws Exception {
        mvc.perform(post("/namnd/sammantraden").param("organ", "" + body).param("meetsOn", meetsOn).param("startsAt", "18.30")
                .param("place", "Stadshuset").param("chairName", "Olle Ordförande").param("chairUsername", "ordforande")
                .param("adjusterName", "Jenny Justerare").param("adjusterUsername", "justerare")
                .with(as(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        long m = id("select id from meeting where body_unit_id = ? and meets_on = ?", body, java.sql.Date.valueOf(meetsOn));
        for (long c : cases) {
            mvc.perform(post("/namnd/sammantraden/{id}/punkter", m).param("kind", "ARENDE").param("caseId", "" + c)
                    .with(as(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version("meeting", m))
                .with(as(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        for (long c : cases) {
            long p = id("select id from minutes_paragraph where meeting_id = ? and case_id = ?", m, c);
            mvc.perform(post("/namnd/sammantraden/{id}/protokoll/{p}", m, p).param("version", "0")
                    .param("title", text("select title from meeting_case where id = ?", c)).param("outcome", "BESLUT")
                    .param("decision", "1. Fastställs.").with(as(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version("meeting", m))
                .with(as("justerare")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version("meeting", m))
                .with(as("ordforande")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(text("select status from meeting where id = ?", m)).isEqualTo("JUSTERAT");
        return m;
    }

    private String reference(long meeting, long caseId, String bodyCode, String meetsOn) {
        int n = jdbc.sql("select number from minutes_paragraph where meeting_id = ? and case_id = ?").params(meeting, caseId)
                .query(Integer.class).single();
        return bodyCode + " § " + n + ", " + meetsOn;
    }

    @Test
    void the_budget_goes_to_the_council_and_is_decided_by_its_paragraph() throws Exception {
        long budget = id("select b.id from budget b join plan_period p on p.id = b.period_id where p.name = 'Budget 2022–2024'");
        assertThat(text("select state from budget where id = ?", budget)).isEqualTo("UTKAST");
        long kf = id("select id from org_unit where code = 'KF'");
        // a reader may not send it; the controller (who manages the budget) may
        mvc.perform(post("/ekonomi/budget/{id}/klar-for-beslut", budget).param("version", "" + version("budget", budget))
                .with(as("politiker")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/budget/{id}/klar-for-beslut", budget).param("version", "" + version("budget", budget))
                .with(as("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        long c = id("select id from meeting_case where source_type = 'budget' and source_id = ?", budget);
        assertThat(id("select body_unit_id from meeting_case where id = ?", c)).isEqualTo(kf);
        mvc.perform(get("/namnd/arenden/{id}", c).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(String.format("2021.%03d KF", id("select number from meeting_case where id = ?", c)))));
        // sent: no typed decision form, and a typed decision is refused with the Swedish reason, on the page and in the API
        mvc.perform(get("/ekonomi/budget/{id}", budget).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skickad till fullmäktige")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/beslut\""))));
        mvc.perform(post("/ekonomi/budget/{id}/beslut", budget).param("version", "" + version("budget", budget))
                        .param("decidedOn", "2021-11-22").param("paragraph", "KF § 999").with(as("admin")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("beslutet registreras från det justerade protokollet")));
        mvc.perform(post("/api/v1/budgets/{id}/decision", budget).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("budget", budget) + ",\"decidedOn\":\"2021-11-22\",\"paragraph\":\"KF § 999\"}")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("justerade protokollet")));
        mvc.perform(post("/ekonomi/budget/{id}/klar-for-beslut", budget).param("version", "" + version("budget", budget))
                .with(as("admin")).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("redan skickad")));
        assertThat(text("select state from budget where id = ?", budget)).isEqualTo("UTKAST");

        long m = holdAndApprove("admin", kf, "2021-11-22", c);
        String ref = reference(m, c, "KF", "2021-11-22");
        assertThat(text("select state from budget where id = ?", budget)).isEqualTo("BESLUTAD");
        assertThat(text("select decided_paragraph from budget where id = ?", budget)).isEqualTo(ref);
        assertThat(text("select cast(decided_on as varchar(10)) from budget where id = ?", budget)).isEqualTo("2021-11-22");
        assertThat(text("select status from meeting_case where id = ?", c)).isEqualTo("BESLUTAT");
        // frozen: its figures cannot change, neither can it be decided again
        mvc.perform(post("/ekonomi/budget/{id}/skattesats", budget).param("version", "" + version("budget", budget))
                        .param("taxRate", "21,50").with(as("admin")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("är beslutad och låst")));
        mvc.perform(post("/api/v1/budgets/{id}/decision", budget).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("budget", budget) + ",\"decidedOn\":\"2021-11-22\",\"paragraph\":\"KF § 999\"}")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("är beslutad och låst")));
        assertThat(text("select decided_paragraph from budget where id = ?", budget)).isEqualTo(ref);
        assertThat(text("select cast(tax_rate as varchar(10)) from budget where id = ?", budget)).startsWith("21.36");
        // public without login, with the paragraph and the figures in tkr
        mvc.perform(get("/publicerat/budget")).andExpect(status().isOk()).andExpect(content().string(containsString(ref)));
        mvc.perform(get("/publicerat/budget/{id}", budget)).andExpect(status().isOk())
                .andExpect(content().string(containsString(ref)))
                .andExpect(content().string(containsString("<caption>")))
                .andExpect(content().string(containsString("2\u00a0132\u00a0879")));
        mvc.perform(get("/api/v1/public/budgets/{id}", budget)).andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(ref)).andExpect(jsonPath("$.decidedOn").value("2021-11-22"));
    }

    @Test
    void the_risk_analysis_and_the_ik_plan_go_to_the_committee_and_are_decided_by_their_paragraphs() throws Exception {
        long von = id("select id from org_unit where code = 'VON'");
        String riskPage = "/kvalitet/dokument/riskanalys?organ=" + von + "&ar=2022";
        mvc.perform(post("/kvalitet/dokument/riskanalys/klar-for-beslut").param("organ", "" + von).param("ar", "2022")
                .with(as("politiker")).with(csrf())).andExpect(status().isForbidden());
        for (String kind : new String[] {"riskanalys", "ik-plan"}) {
            mvc.perform(post("/kvalitet/dokument/{k}/klar-for-beslut", kind).param("organ", "" + von).param("ar", "2022")
                    .with(as("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        }
        long risk = id("select c.id from meeting_case c join quality_document_submission s on s.id = c.source_id where c.source_type = 'risk_analysis'");
        long plan = id("select c.id from meeting_case c join quality_document_submission s on s.id = c.source_id where c.source_type = 'control_plan'");
        assertThat(id("select body_unit_id from meeting_case where id = ?", risk)).isEqualTo(von);
        assertThat(text("select title from meeting_case where id = ?", risk)).contains("2022");
        mvc.perform(get(riskPage).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skickat till Vård- och omsorgsnämnden")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"decisionRef\""))));
        mvc.perform(post("/kvalitet/dokument/ik-plan/beslut").param("organ", "" + von).param("ar", "2022")
                        .param("decidedOn", "2022-10-25").param("decisionRef", "VON § 999").with(as("admin")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("beslutet registreras från det justerade protokollet")));
        mvc.perform(post("/kvalitet/dokument/ik-plan/klar-for-beslut").param("organ", "" + von).param("ar", "2022")
                .with(as("admin")).with(csrf())).andExpect(status().isBadRequest()).andExpect(content().string(containsString("redan skickat")));
        assertThat(id("select count(*) from quality_document_version where body_unit_id = ? and year = 2022", von)).isZero();

        long m = holdAndApprove("sekreterare", von, "2022-10-25", risk, plan);
        String riskRef = reference(m, risk, "VON", "2022-10-25");
        String planRef = reference(m, plan, "VON", "2022-10-25");
        assertThat(riskRef).isNotEqualTo(planRef);
        long riskVersion = id("select id from quality_document_version where body_unit_id = ? and year = 2022 and kind = 'RISKANALYS'", von);
        long planVersion = id("select id from quality_document_version where body_unit_id = ? and year = 2022 and kind = 'IK_PLAN'", von);
        assertThat(text("select decision_ref from quality_document_version where id = ?", riskVersion)).isEqualTo(riskRef);
        assertThat(text("select decision_ref from quality_document_version where id = ?", planVersion)).isEqualTo(planRef);
        assertThat(text("select html from quality_document_version where id = ?", riskVersion)).contains(riskRef);
        assertThat(text("select status from meeting_case where id = ?", plan)).isEqualTo("BESLUTAT");
        // the decided version is frozen: a risk changed afterwards leaves it as it was
        String frozen = text("select html from quality_document_version where id = ?", riskVersion);
        jdbc.sql("update risk set description = 'Ändrad efter beslutet' where body_unit_id = ? and year = 2022 and number = 1").param(von).update();
        mvc.perform(get("/kvalitet/dokument/version/{id}", riskVersion).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(riskRef)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Ändrad efter beslutet"))));
        assertThat(text("select html from quality_document_version where id = ?", riskVersion)).isEqualTo(frozen);
        // the sending is decided: the typed form is back for a later version, the 409 is gone
        mvc.perform(get(riskPage).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"decisionRef\"")));
        // public without login
        mvc.perform(get("/publicerat/kvalitet")).andExpect(status().isOk())
                .andExpect(content().string(containsString(riskRef))).andExpect(content().string(containsString(planRef)));
        mvc.perform(get("/publicerat/kvalitet/{id}", planVersion)).andExpect(status().isOk())
                .andExpect(content().string(containsString(planRef)));
        mvc.perform(get("/api/v1/public/quality-documents/{id}", riskVersion)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version.reference").value(riskRef)).andExpect(jsonPath("$.version.kind").value("RISKANALYS"));
    }
}
