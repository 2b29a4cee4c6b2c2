package se.styr.quality.ikplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/** VON's internal-control plan 2022 from seed 004, deferrals, the joint view of all bodies, rights, locking and audit. */
@StyrIntegrationTest
@Transactional
class ControlPlanTest extends MvcTestSupport {

    static final String POINT_1 = "Bristande efterlevnad av kommunfullmäktiges policy och struktur för styrande dokument";

    private long von() {
        return id("select id from org_unit where code = 'VON'");
    }

    private long point(String title) {
        return id("select id from goal_object where kind = 'INTERNKONTROLLPUNKT' and title = ? and owner_unit_id = ?", title, von());
    }

    private long lastAudit() {
        return id("select coalesce(max(id), 0) from audit_entry");
    }

    @Test
    void the_demo_plan_holds_the_seeds_seven_points_each_referring_to_its_risk_with_point_1_deferred() throws Exception {
        String page = mvc.perform(get("/kvalitet/internkontroll").param("organ", String.valueOf(von())).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Internkontrollplan 2022 – Vård- och omsorgsnämnden")))
                // point 2 handles risk 3, point 3 risk 2, as the seed prints them
                .andExpect(content().string(containsString("Risk 3 (riskvärde 9)")))
                .andExpect(content().string(containsString("Risk 2 (riskvärde 12)")))
                .andExpect(content().string(containsString("Stickprov 10% av beslut")))
                .andExpect(content().string(containsString("Uppföljningen flyttas till 2023")))
                .andExpect(content().string(containsString("implementeringen har försenats")))
                .andExpect(content().string(not(containsString("Skjut upp en kontroll"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("<tr>").length - 2).as("header and seven points").isEqualTo(7);
        assertThat(page.indexOf("Risker i samband med organisationsförändringar"))
                .isLessThan(page.indexOf("Brister i det systematiska brandskyddsarbetet (SBA)"));
        // the interim report's assessment of a point is shown beside it
        assertThat(page).contains("Genomförd utan anmärkning");
        // the next year's plan shows the point deferred to it, with where it came from
        mvc.perform(get("/kvalitet/internkontroll").param("organ", String.valueOf(von())).param("ar", "2023").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Flyttad hit från 2022")));
    }

    @Test
    void a_controller_defers_a_point_changes_and_takes_back_the_deferral_with_locking_and_audit() throws Exception {
        long point = point("Risk för brister i ärendehanteringsprocessen");
        long before = lastAudit();
        mvc.perform(post("/kvalitet/internkontroll/" + point + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2023").param("version", "")
                        .param("reason", "Nytt ärendehanteringssystem införs först 2023."))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.sql("select deferred_to, reason, version from internal_control_deferral where goal_object_id = ? and year = 2022")
                .param(point).query().singleRow();
        assertThat(((Number) row.get("deferred_to")).intValue()).isEqualTo(2023);
        assertThat(jdbc.sql("select object_type, action from audit_entry where id > ?").param(before).query().listOfRows())
                .singleElement().satisfies(a -> assertThat(a.get("object_type")).isEqualTo("internal_control_deferral"));
        // a stale version is the usual conflict, and nothing changes
        mvc.perform(post("/kvalitet/internkontroll/" + point + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2024").param("version", "5")
                        .param("reason", "Annat"))
                .andExpect(status().isConflict());
        mvc.perform(post("/kvalitet/internkontroll/" + point + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2024").param("version", "0")
                        .param("reason", "Systemet försenas ytterligare."))
                .andExpect(status().is3xxRedirection());
        assertThat(id("select deferred_to from internal_control_deferral where goal_object_id = ? and year = 2022", point)).isEqualTo(2024);
        mvc.perform(post("/kvalitet/internkontroll/" + point + "/aterta").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(id("select count(*) from internal_control_deferral where goal_object_id = ?", point)).isZero();
        assertThat(jdbc.sql("select action from audit_entry where id > ? order by id").param(before).query(String.class).list())
                .containsExactly("SKAPAD", "ANDRAD", "BORTTAGEN");
    }

    @Test
    void a_deferral_without_reason_or_to_an_earlier_year_is_refused_in_swedish() throws Exception {
        long point = point("Risk för brister i ärendehanteringsprocessen");
        mvc.perform(post("/kvalitet/internkontroll/" + point + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2021").param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Uppföljningen kan bara flyttas till ett år efter 2022.")))
                .andExpect(content().string(containsString("Skriv varför uppföljningen flyttas.")));
        assertThat(id("select count(*) from internal_control_deferral where goal_object_id = ?", point)).isZero();
    }

    @Test
    void readers_and_reporters_may_read_the_plan_but_not_defer() throws Exception {
        long point = point("Risk för brister i ärendehanteringsprocessen");
        long deferral = id("select id from internal_control_deferral where goal_object_id = ?", point(POINT_1));
        for (String who : List.of("politiker", "enhetschef", "avdelningschef")) {
            mvc.perform(post("/kvalitet/internkontroll/" + point + "/uppskjut").with(as(who)).with(csrf())
                            .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2023").param("reason", "Skäl"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/kvalitet/internkontroll/" + point(POINT_1) + "/aterta").with(as(who)).with(csrf())
                            .param("organ", String.valueOf(von())).param("ar", "2022").param("version", "0"))
                    .andExpect(status().isForbidden());
        }
        assertThat(id("select count(*) from internal_control_deferral where goal_object_id = ?", point)).isZero();
        assertThat(id("select count(*) from internal_control_deferral where id = ?", deferral)).isOne();
    }

    @Test
    void the_joint_page_shows_every_bodys_results_and_reads_a_fixed_number_of_statements() throws Exception {
        mvc.perform(get("/kvalitet/internkontroll/resultat").param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Intern kontroll 2022 – alla nämnder och bolag")))
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden")))
                .andExpect(content().string(containsString("Genomförd med anmärkning")))
                .andExpect(content().string(containsString("Uppföljningen flyttas till 2023")));
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("joint", "politiker /kvalitet/internkontroll/resultat?ar=2022");
        pages.put("plan", "controller /kvalitet/internkontroll?organ=" + von() + "&ar=2022");
        QueryCounter.perPage(mvc, users, pages, page -> { });
        Map<String, Integer> demo = QueryCounter.perPage(mvc, users, pages, page -> { });
        long m = id("select municipality_id from org_unit where code = 'VON'");
        long period = id("select period_id from goal_object where id = ?", point(POINT_1));
        for (int i = 0; i < 30; i++) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, position, active) values (?, ?, 'NAMND', ?, 100, true)")
                    .params(m, id("select parent_id from org_unit where code = 'VON'"), "Tillväxtnämnd " + i).update(key, "id");
            long body = key.getKey().longValue();
            jdbc.sql("""
                    insert into goal_object (municipality_id, kind, owner_unit_id, period_id, position, title, description, risk_value,
                                             control_method, responsible, follow_up_occasion)
                    values (?, 'INTERNKONTROLLPUNKT', ?, ?, 1, ?, 'Kontroll', 6, 'Stickprov, 5 % av samtliga beställningar', 'Ekonomichef', 'ARSBOKSLUT')""")
                    .params(m, body, period, "Tillväxtpunkt " + i).update();
        }
        Map<String, Integer> grown = QueryCounter.perPage(mvc, users, pages, page -> { });
        assertThat(grown).isEqualTo(demo);
        mvc.perform(get("/kvalitet/internkontroll/resultat").param("ar", "2022").with(as("politiker")))
                .andExpect(content().string(containsString("Tillväxtpunkt 29")));
    }
}
