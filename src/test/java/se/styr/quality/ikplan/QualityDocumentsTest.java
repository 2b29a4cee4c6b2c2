package se.styr.quality.ikplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;
import se.styr.goals.ChainCarried;

/** The risk analysis and the plan as HTML and PDF, frozen when decided; the register carried into the next year. */
@StyrIntegrationTest
@Transactional
class QualityDocumentsTest extends MvcTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    private String von() {
        return String.valueOf(id("select id from org_unit where code = 'VON'"));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_risk_analysis_and_the_plan_compile_to_html_and_pdf_in_the_seeds_order() throws Exception {
        String html = mvc.perform(get("/kvalitet/dokument/riskanalys").param("organ", von()).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Väsentlighets- och riskanalys 2022 – Vård- och omsorgsnämnden")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(not(containsString("Markera som beslutad"))))
                .andReturn().getResponse().getContentAsString();
        // method, matrix, then the register in its order
        assertThat(html.indexOf("Metod")).isLessThan(html.indexOf("Riskmatrisen som tabell"));
        assertThat(html.indexOf("Riskmatrisen som tabell")).isLessThan(html.indexOf("Bristande efterlevnad av kommunfullmäktiges policy"));
        assertThat(html.indexOf("Brister i det systematiska brandskyddsarbetet (SBA).")).isLessThan(html.indexOf("Risk att biståndsbeslut inte följs upp."));
        byte[] pdf = mvc.perform(get("/kvalitet/dokument/riskanalys.pdf").param("organ", von()).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String printed = text(pdf);
        assertThat(printed).contains("Väsentlighets- och riskanalys 2022").contains("Risk att biståndsbeslut inte följs upp.")
                .contains("Riskvärde");
        byte[] plan = mvc.perform(get("/kvalitet/dokument/ik-plan.pdf").param("organ", von()).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String planText = text(plan);
        assertThat(planText).contains("Internkontrollplan 2022").contains("Kontroller som skjuts upp");
        // table cells wrap long words, so the order is checked on the rows' first words
        assertThat(planText.indexOf("Risker i")).isPositive().isLessThan(planText.indexOf("Brister i"));
    }

    @Test
    void a_decided_version_is_frozen_while_the_register_changes() throws Exception {
        long before = id("select coalesce(max(id), 0) from audit_entry");
        String location = mvc.perform(post("/kvalitet/dokument/ik-plan/beslut").with(as("controller")).with(csrf())
                        .param("organ", von()).param("ar", "2022").param("decidedOn", "2021-11-23").param("decisionRef", "VON 2021-11-23 § 98"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long version = id("select id from quality_document_version where body_unit_id = ? and kind = 'IK_PLAN'", Long.parseLong(von()));
        assertThat(location).isEqualTo("/kvalitet/dokument/version/" + version);
        assertThat(jdbc.sql("select object_type from audit_entry where id > ?").param(before).query(String.class).list())
                .containsExactly("quality_document_version");
        jdbc.sql("update goal_object set control_method = 'Ändrad metod efter beslutet' where kind = 'INTERNKONTROLLPUNKT' and owner_unit_id = ?")
                .param(Long.parseLong(von())).update();
        mvc.perform(get("/kvalitet/dokument/version/" + version).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beslutad version 1")))
                .andExpect(content().string(containsString("VON 2021-11-23 § 98")))
                .andExpect(content().string(containsString("Stickprov 10% av beslut")))
                .andExpect(content().string(not(containsString("Ändrad metod efter beslutet"))));
        assertThat(text(mvc.perform(get("/kvalitet/dokument/version/" + version + ".pdf").with(as("politiker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())).contains("VON 2021-11-23 § 98");
        mvc.perform(get("/kvalitet/dokument/ik-plan").param("organ", von()).param("ar", "2022").with(as("controller")))
                .andExpect(content().string(containsString("Ändrad metod efter beslutet")))
                .andExpect(content().string(containsString("Version 1 – beslutad 2021-11-23")));
    }

    @Test
    void deciding_needs_a_date_and_a_decision_and_the_right() throws Exception {
        mvc.perform(post("/kvalitet/dokument/riskanalys/beslut").with(as("controller")).with(csrf())
                        .param("organ", von()).param("ar", "2022").param("decidedOn", "").param("decisionRef", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange beslutsdatum.")));
        for (String who : List.of("politiker", "enhetschef", "avdelningschef")) {
            mvc.perform(post("/kvalitet/dokument/riskanalys/beslut").with(as(who)).with(csrf())
                            .param("organ", von()).param("ar", "2022").param("decidedOn", "2021-11-23").param("decisionRef", "§ 98"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/kvalitet/risker/overfor").with(as(who)).with(csrf()).param("organ", von()).param("ar", "2022"))
                    .andExpect(status().isForbidden());
        }
        assertThat(id("select count(*) from quality_document_version")).isZero();
        assertThat(id("select count(*) from risk where year = 2023")).isZero();
    }

    @Test
    void the_register_carried_into_the_next_year_shows_last_years_value_and_carries_once() throws Exception {
        long body = Long.parseLong(von());
        mvc.perform(post("/kvalitet/risker/overfor").with(as("controller")).with(csrf()).param("organ", von()).param("ar", "2022"))
                .andExpect(status().is3xxRedirection());
        assertThat(id("select count(*) from risk where body_unit_id = ? and year = 2023", body)).isEqualTo(17);
        assertThat(id("select count(*) from risk_predecessor")).isEqualTo(17);
        // reassessed: risk 2 goes from 12 to 6
        jdbc.sql("update risk set probability = 2, consequence = 3 where body_unit_id = ? and year = 2023 and number = 2").param(body).update();
        String page = mvc.perform(get("/kvalitet/risker").param("organ", von()).param("ar", "2023").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Förra årets riskvärde")))
                .andReturn().getResponse().getContentAsString();
        String row2 = page.substring(page.indexOf("Brister i det systematiska brandskyddsarbetet (SBA)."));
        row2 = row2.substring(0, row2.indexOf("</tr>"));
        assertThat(row2).containsPattern(">6</td>\\s*<td class=\"value\">12</td>");
        // carrying again, by hand or by the next-year flow, carries nothing
        mvc.perform(post("/kvalitet/risker/overfor").with(as("controller")).with(csrf()).param("organ", von()).param("ar", "2022"))
                .andExpect(status().is3xxRedirection());
        events.publishEvent(new ChainCarried(id("select municipality_id from org_unit where id = ?", body), Set.of(body), 2022, 2023));
        assertThat(id("select count(*) from risk where body_unit_id = ? and year = 2023", body)).isEqualTo(17);
    }

    @Test
    void the_next_year_flow_carries_the_bodies_registers_through_its_event() {
        long body = Long.parseLong(von());
        long unit = id("select id from org_unit where code = 'VOF'");
        events.publishEvent(new ChainCarried(id("select municipality_id from org_unit where id = ?", body), Set.of(body, unit), 2022, 2023));
        assertThat(id("select count(*) from risk where body_unit_id = ? and year = 2023", body)).isEqualTo(17);
        assertThat(id("select count(*) from risk r join risk_predecessor p on p.risk_id = r.id join risk o on o.id = p.predecessor_id "
                + "where r.year = 2023 and o.year = 2022 and r.probability = o.probability and r.consequence = o.consequence "
                + "and r.description = o.description and r.goal_object_id is null")).isEqualTo(17);
        assertThat(id("select count(*) from audit_entry where object_type = 'risk' and summary like '%överförd från 2022%'")).isEqualTo(17);
    }
}
