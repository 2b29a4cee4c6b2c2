package se.styr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/** VON's risk analysis 2022 from seed 004 in the demo, and the register's pages, API, rules, rights and audit. */
@StyrIntegrationTest
@Transactional
class RiskRegisterTest extends MvcTestSupport {

    /** The seed's register (Budget 2022–2024, bilaga 2): number → probability, consequence, value, handling. */
    private static final List<Object[]> SEED = List.of(
            new Object[] {1, 4, 2, 8, "INTERNKONTROLLPUNKT"}, new Object[] {2, 3, 4, 12, "INTERNKONTROLLPUNKT"},
            new Object[] {3, 3, 3, 9, "INTERNKONTROLLPUNKT"}, new Object[] {4, 3, 3, 9, "INTERNKONTROLLPUNKT"},
            new Object[] {5, 3, 2, 6, "INTERNKONTROLLPUNKT"}, new Object[] {6, 2, 3, 6, "INTERNKONTROLLPUNKT"},
            new Object[] {7, 2, 4, 8, "UPPDRAG"}, new Object[] {8, 2, 3, 6, "KRITISK_FAKTOR"},
            new Object[] {9, 2, 3, 6, "INTERNKONTROLLPUNKT"}, new Object[] {10, 3, 3, 9, "KRITISK_FAKTOR"},
            new Object[] {11, 4, 3, 12, "UPPDRAG"}, new Object[] {12, 1, 3, 3, "KRITISK_FAKTOR"},
            new Object[] {13, 2, 4, 8, "KRITISK_FAKTOR"}, new Object[] {14, 3, 3, 9, "KRITISK_FAKTOR"},
            new Object[] {15, 2, 3, 6, "KRITISK_FAKTOR"}, new Object[] {16, 2, 3, 6, "MAL"},
            new Object[] {17, 3, 3, 9, "KRITISK_FAKTOR"});

    private long von() {
        return id("select id from org_unit where code = 'VON'");
    }

    private long risk(int number) {
        return id("select id from risk where body_unit_id = ? and year = 2022 and number = ?", von(), number);
    }

    @Test
    void the_demo_holds_vons_register_as_the_seed_prints_it() {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select number, probability, consequence, probability * consequence as riskvarde, handling from risk
                        where body_unit_id = ? and year = 2022 order by number""").param(von()).query().listOfRows();
        assertThat(rows).hasSize(17);
        for (int i = 0; i < SEED.size(); i++) {
            Object[] seed = SEED.get(i);
            Map<String, Object> row = rows.get(i);
            assertThat(((Number) row.get("number")).intValue()).isEqualTo(seed[0]);
            assertThat(((Number) row.get("probability")).intValue()).as("risk %s", seed[0]).isEqualTo(seed[1]);
            assertThat(((Number) row.get("consequence")).intValue()).as("risk %s", seed[0]).isEqualTo(seed[2]);
            assertThat(((Number) row.get("riskvarde")).intValue()).as("risk %s", seed[0]).isEqualTo(seed[3]);
            assertThat(row.get("handling")).as("risk %s", seed[0]).isEqualTo(seed[4]);
        }
        // the one departure from the bands (value 3 as a critical factor) carries the committee's reason
        assertThat(jdbc.sql("select handling_reason from risk where id = ?").param(risk(12)).query(String.class).single())
                .contains("kritiska verksamhetsfaktorer");
        assertThat(jdbc.sql("select count(*) from risk where body_unit_id = ? and handling_reason is not null").param(von())
                .query(Long.class).single()).isEqualTo(1);
        // every control point of the plan is linked to its risk, and carries the same risk value
        List<Map<String, Object>> controls = jdbc.sql("""
                        select r.number, r.probability * r.consequence as riskvarde, g.risk_value, g.kind from risk r
                        join goal_object g on g.id = r.goal_object_id where r.body_unit_id = ? and g.kind = 'INTERNKONTROLLPUNKT'""")
                .param(von()).query().listOfRows();
        assertThat(controls).hasSize(7).allSatisfy(c ->
                assertThat(((Number) c.get("risk_value")).intValue()).as("risk %s", c.get("number"))
                        .isEqualTo(((Number) c.get("riskvarde")).intValue()));
        assertThat(id("select count(*) from goal_object where kind = 'INTERNKONTROLLPUNKT' and owner_unit_id = ? and id not in "
                + "(select goal_object_id from risk where goal_object_id is not null)", von())).isZero();
        // the seed names no immediate action for VON 2022
        assertThat(id("select count(*) from quality_action where body_unit_id = ?", von())).isZero();
    }

    @Test
    void the_matrix_of_the_demo_puts_each_risk_in_its_cell() throws Exception {
        mvc.perform(get("/api/v1/risks/matrix").param("body", String.valueOf(von())).param("year", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(16))
                // Möjlig × Kännbar: risks 3, 4, 10, 14 and 17
                .andExpect(jsonPath("$[?(@.probability == 3 && @.consequence == 3)].riskNumbers[*]").value(org.hamcrest.Matchers.contains(3, 4, 10, 14, 17)))
                .andExpect(jsonPath("$[?(@.probability == 2 && @.consequence == 3)].riskNumbers[*]").value(org.hamcrest.Matchers.contains(6, 8, 9, 15, 16)))
                .andExpect(jsonPath("$[?(@.probability == 1 && @.consequence == 3)].riskNumbers[*]").value(org.hamcrest.Matchers.contains(12)))
                .andExpect(jsonPath("$[?(@.probability == 4 && @.consequence == 4)].band").value(org.hamcrest.Matchers.contains("HOG")));
        mvc.perform(get("/kvalitet/risker").param("organ", String.valueOf(von())).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Riskmatrisen som tabell")))
                .andExpect(content().string(containsString("Risk att biståndsbeslut inte följs upp.")))
                .andExpect(content().string(containsString("Avviker från riktlinjen")))
                .andExpect(content().string(not(containsString("Ny risk"))));
    }

    @Test
    void a_risk_links_to_its_control_point_and_the_control_points_page_links_back() throws Exception {
        long control = id("select goal_object_id from risk where id = ?", risk(2));
        mvc.perform(get("/kvalitet/risker/" + risk(2)).with(as("controller")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/objekt/" + control)))
                .andExpect(content().string(containsString("Brister i det systematiska brandskyddsarbetet (SBA)")));
        mvc.perform(get("/objekt/" + control).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Risk- och väsentlighetsanalys 2022")))
                .andExpect(content().string(containsString("/kvalitet/risker/" + risk(2))));
    }

    @Test
    void a_controller_adds_a_risk_of_value_16_and_creates_its_immediate_action() throws Exception {
        long before = id("select coalesce(max(id), 0) from audit_entry");
        mvc.perform(post("/kvalitet/risker").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022")
                        .param("description", "Larmen i särskilt boende fungerar inte vid strömavbrott.")
                        .param("area", "LAGAR_OCH_BESLUT").param("process", "Trygghetslarm")
                        .param("probability", "4").param("consequence", "4").param("handling", ""))
                .andExpect(status().is3xxRedirection());
        long created = id("select id from risk where body_unit_id = ? and year = 2022 and number = 18", von());
        assertThat(jdbc.sql("select handling from risk where id = ?").param(created).query(String.class).single())
                .as("the suggestion for 16").isEqualTo("OMEDELBAR_ATGARD");
        assertThat(jdbc.sql("select assessed_by from risk where id = ?").param(created).query(String.class).single())
                .isEqualTo("Carl Controller");

        mvc.perform(post("/kvalitet/risker/" + created + "/hantering").with(as("controller")).with(csrf())
                        .param("version", "0").param("title", "Byt batterier i larmcentralerna")
                        .param("responsible", "Enhetschef särskilt boende").param("timetable", "Senast 2022-03-31"))
                .andExpect(status().is3xxRedirection());
        long action = id("select action_id from risk where id = ?", created);
        assertThat(jdbc.sql("select why from quality_action where id = ?").param(action).query(String.class).single())
                .contains("Risk 18").contains("riskvärde 16");
        mvc.perform(get("/kvalitet/atgarder/" + action).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Byt batterier i larmcentralerna")))
                .andExpect(content().string(containsString("/kvalitet/risker/" + created)));
        mvc.perform(get("/kvalitet/risker").param("organ", String.valueOf(von())).param("ar", "2022").with(as("controller")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Byt batterier i larmcentralerna")));
        // a stale version is a conflict, not a lost edit
        mvc.perform(post("/kvalitet/atgarder/" + action).with(as("controller")).with(csrf()).param("version", "7")
                        .param("what", "Annat").param("status", "PABORJAD"))
                .andExpect(status().isConflict());
        mvc.perform(post("/kvalitet/atgarder/" + action).with(as("controller")).with(csrf()).param("version", "0")
                        .param("what", "Byt batterier i larmcentralerna").param("status", "GENOMFORD"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select object_type from audit_entry where id > ? order by id").param(before).query(String.class).list())
                .containsExactly("risk", "quality_action", "risk", "quality_action");
    }

    @Test
    void a_departure_without_a_reason_is_refused_in_swedish_on_the_page_and_in_the_api() throws Exception {
        mvc.perform(post("/kvalitet/risker").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022")
                        .param("description", "Risk att biståndsbeslut inte följs upp.")
                        .param("probability", "1").param("consequence", "3").param("handling", "KRITISK_FAKTOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Riskvärde 3 hanteras enligt riktlinjen så här: riskvärde 1–4: åtgärd bedöms ej nödvändig")));
        mvc.perform(post("/api/v1/risks").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bodyUnitId\":" + von() + ",\"year\":2022,\"description\":\"Ny risk\",\"probability\":4,"
                                + "\"consequence\":4,\"handling\":\"INTERNKONTROLLPUNKT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Motivera varför risken i stället hanteras som Internkontrollpunkt")));
        assertThat(id("select count(*) from risk where body_unit_id = ?", von())).isEqualTo(17);

        String created = mvc.perform(post("/api/v1/risks").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bodyUnitId\":" + von() + ",\"year\":2022,\"description\":\"Ny risk\",\"probability\":4,"
                                + "\"consequence\":4,\"handling\":\"INTERNKONTROLLPUNKT\",\"handlingReason\":\"Kontrolleras redan i planen.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.value").value(16)).andExpect(jsonPath("$.band").value("HOG"))
                .andExpect(jsonPath("$.suggested").value("OMEDELBAR_ATGARD")).andExpect(jsonPath("$.departs").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = id("select id from risk where body_unit_id = ? and number = 18", von());
        assertThat(created).contains("\"id\":" + id);
        mvc.perform(put("/api/v1/risks/" + id).with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Ny risk\",\"probability\":2,\"consequence\":2,\"version\":5}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/risks/" + id).with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Ny risk\",\"probability\":2,\"consequence\":2,\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.risk.handling").value("INGEN"))
                .andExpect(jsonPath("$.value").value(4)).andExpect(jsonPath("$.risk.version").value(1));
    }

    @Test
    void a_link_must_be_of_the_handlings_kind_and_within_the_body() throws Exception {
        long risk7 = risk(7);
        long assignment = id("select id from goal_object where kind = 'UPPDRAG' and title = 'Utveckla former för att mäta brukartid i hemtjänsten'");
        long factor = id("select id from goal_object where kind = 'KRITISK_FAKTOR' and title = 'Att verksamheten är kostnadseffektiv'");
        mvc.perform(put("/api/v1/risks/" + risk7 + "/link").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"goalObjectId\":" + factor + ",\"version\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("inte av typen Uppdrag")));
        mvc.perform(put("/api/v1/risks/" + risk7 + "/link").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"goalObjectId\":" + assignment + ",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.risk.goalObjectId").value(assignment));
        // changing the handling away from an assignment drops the link that no longer fits
        mvc.perform(put("/api/v1/risks/" + risk7).with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Att beslutade timmar inte överensstämmer med utförda timmar.\",\"probability\":2,"
                                + "\"consequence\":4,\"handling\":\"INTERNKONTROLLPUNKT\",\"version\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.risk.goalObjectId").doesNotExist());
    }

    @Test
    void the_register_creates_a_control_point_through_the_goal_chain() throws Exception {
        long risk10 = risk(10);
        mvc.perform(put("/api/v1/risks/" + risk10).with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Att kostnaden per brukare/insats är för hög.\",\"process\":\"Ekonomistyrning\","
                                + "\"probability\":3,\"consequence\":3,\"handling\":\"INTERNKONTROLLPUNKT\",\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/risks/" + risk10 + "/handling").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checked\":\"Att kostnaden per insats följs upp månadsvis\",\"method\":\"Stickprov, 5 % av samtliga beställningar\","
                                + "\"responsible\":\"Ekonomichef\",\"followUpOccasion\":\"DELARS_OCH_ARSBOKSLUT\",\"version\":1}"))
                .andExpect(status().isOk());
        Map<String, Object> point = jdbc.sql("""
                        select g.kind, g.title, g.process, g.risk_value, g.control_method, g.owner_unit_id from goal_object g
                        join risk r on r.goal_object_id = g.id where r.id = ?""").param(risk10).query().singleRow();
        assertThat(point).containsEntry("kind", "INTERNKONTROLLPUNKT").containsEntry("title", "Att kostnaden per brukare/insats är för hög.")
                .containsEntry("process", "Ekonomistyrning").containsEntry("control_method", "Stickprov, 5 % av samtliga beställningar");
        assertThat(((Number) point.get("risk_value")).intValue()).isEqualTo(9);
        assertThat(((Number) point.get("owner_unit_id")).longValue()).isEqualTo(von());
        // a missing follow-up occasion is the goal chain's own Swedish refusal, and nothing is half done
        long risk15 = risk(15);
        mvc.perform(put("/api/v1/risks/" + risk15).with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Risk att avvikelser inte minskar.\",\"probability\":2,\"consequence\":3,"
                                + "\"handling\":\"INTERNKONTROLLPUNKT\",\"version\":0}"))
                .andExpect(status().isOk());
        long points = id("select count(*) from goal_object where kind = 'INTERNKONTROLLPUNKT'");
        mvc.perform(post("/api/v1/risks/" + risk15 + "/handling").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checked\":\"Avvikelser\",\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(id("select count(*) from goal_object where kind = 'INTERNKONTROLLPUNKT'")).isEqualTo(points);
    }

    @Test
    void readers_and_reporters_may_read_but_not_change_the_register() throws Exception {
        for (String who : List.of("politiker", "enhetschef", "avdelningschef")) {
            mvc.perform(get("/kvalitet/risker/" + risk(1)).with(as(who))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Ändra bedömningen"))));
            mvc.perform(post("/kvalitet/risker").with(as(who)).with(csrf()).param("organ", String.valueOf(von())).param("ar", "2022")
                            .param("description", "Ny").param("probability", "1").param("consequence", "1"))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/risks/" + risk(1)).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"description\":\"Ny\",\"probability\":1,\"consequence\":1,\"version\":0}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        // a controller of another committee neither
        mvc.perform(post("/api/v1/risks").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bodyUnitId\":" + id("select id from org_unit where code = 'SN'") + ",\"year\":2022,"
                                + "\"description\":\"Ny\",\"probability\":1,\"consequence\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/kvalitet/risker/" + risk(1) + "/ta-bort").with(as("controller")).param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(id("select count(*) from risk where body_unit_id = ?", von())).isEqualTo(17);
    }

    @Test
    void the_register_matrix_and_lists_read_a_number_of_statements_that_does_not_grow() throws Exception {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("register", "controller /kvalitet/risker?organ=" + von() + "&ar=2022");
        pages.put("default register", "politiker /kvalitet/risker");
        pages.put("risk", "controller /kvalitet/risker/" + risk(2));
        pages.put("API risks", "politiker /api/v1/risks?body=" + von() + "&year=2022");
        pages.put("API matrix", "politiker /api/v1/risks/matrix?body=" + von() + "&year=2022");
        pages.put("API actions", "politiker /api/v1/actions");
        QueryCounter.perPage(mvc, users, pages, page -> { });
        Map<String, Integer> demo = QueryCounter.perPage(mvc, users, pages, page -> { });
        long municipality = id("select municipality_id from org_unit where code = 'VON'");
        for (int i = 0; i < 120; i++) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, position, active) values (?, ?, 'ENHET', ?, 100, true)")
                    .params(municipality, id("select id from org_unit where code = 'VOF'"), "Tillväxtenhet " + i).update(key, "id");
            jdbc.sql("""
                    insert into risk (municipality_id, body_unit_id, year, number, description, probability, consequence, handling)
                    values (?, ?, 2022, ?, ?, ?, ?, 'INTERNKONTROLLPUNKT')""")
                    .params(municipality, von(), 100 + i, "Tillväxtrisk " + i, 2 + i % 3, 3).update();
        }
        Map<String, Integer> grown = QueryCounter.perPage(mvc, users, pages, page -> { });
        System.out.println("SQL-satser per risksida (demo → 120 risker och enheter till): " + demo + " → " + grown);
        assertThat(grown).isEqualTo(demo);
        assertThat(demo.get("register")).isLessThan(25);
    }
}
