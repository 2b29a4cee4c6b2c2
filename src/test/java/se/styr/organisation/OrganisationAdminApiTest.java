package se.styr.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/**
 * The organisation's administration in the API (units, plan periods, the municipality's settings) with the rules of
 * the pages, and the plan period and settings pages.
 */
@StyrIntegrationTest
@Transactional
class OrganisationAdminApiTest {

    private static final String PASSWORD = "styr-demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder api(String username, MockHttpServletRequestBuilder request, String json) {
        return request.with(httpBasic(username, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private MockHttpServletRequestBuilder page(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(username))).with(csrf());
    }

    private Map<String, Object> lastAudit(String type) {
        return jdbc.sql("select action, old_value, new_value from audit_entry where object_type = ? order by id desc limit 1")
                .param(type).query().singleRow();
    }

    @Test
    void units_are_created_edited_moved_ordered_retired_and_reactivated_through_the_api() throws Exception {
        long ao = unit("VOF-AO");
        long fs = unit("VOF-FS");
        String created = mvc.perform(api("admin", post("/api/v1/units"),
                        "{\"parentId\":%d,\"type\":\"ENHET\",\"name\":\"Hemtjänst Öst\",\"code\":\"VOF-HO\",\"position\":1}".formatted(ao)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Hemtjänst Öst")).andExpect(jsonPath("$.position").value(1))
                .andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(api("admin", put("/api/v1/units/" + id), "{\"version\":0,\"type\":\"ENHET\",\"name\":\"Hemtjänst Östra\",\"code\":\"VOF-HO\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Hemtjänst Östra")).andExpect(jsonPath("$.version").value(1));
        mvc.perform(api("admin", put("/api/v1/units/" + id), "{\"version\":0,\"type\":\"ENHET\",\"name\":\"Fel\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api("admin", post("/api/v1/units/" + id + "/move"), "{\"version\":1,\"parentId\":%d}".formatted(fs)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentId").value(fs)).andExpect(jsonPath("$.position").value(3));
        mvc.perform(api("admin", put("/api/v1/units/" + id + "/position"), "{\"version\":2,\"position\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value(1));
        mvc.perform(api("admin", post("/api/v1/units/" + id + "/retire"), "{\"version\":3}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(api("admin", post("/api/v1/units/" + id + "/reactivate"), "{\"version\":4}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/v1/units/" + id + "/history").with(httpBasic("politiker", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].change").value("ATERAKTIVERAD"))
                .andExpect(jsonPath("$[2].change").value("FLYTTAD"))
                .andExpect(jsonPath("$[2].earlierParentName").value("Äldreomsorg"))
                .andExpect(jsonPath("$[2].parentName").value("Funktionsstöd"))
                .andExpect(jsonPath("$[3].earlierName").value("Hemtjänst Öst"))
                .andExpect(jsonPath("$[4].change").value("SKAPAD"))
                .andExpect(jsonPath("$[4].actorName").value("Alva Administratör"));
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'org_unit' and object_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void the_api_answers_every_problem_in_swedish_and_refuses_outside_the_scope() throws Exception {
        long ks = unit("KS");
        mvc.perform(api("admin", post("/api/v1/units"), "{\"parentId\":%d,\"type\":\"AVDELNING\",\"name\":\"\",\"code\":\"KS\"}".formatted(ks)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.name[0]").value("Ange enhetens namn."))
                .andExpect(jsonPath("$.errors.code[0]").value(containsString("Koden KS används redan av Kommunstyrelsen")))
                .andExpect(jsonPath("$.errors.type[0]").value("En enhet av typen Avdelning kan inte ligga under Kommunstyrelsen."));
        mvc.perform(api("admin", put("/api/v1/units/" + ks), "{\"type\":\"KOMMUNSTYRELSE\",\"name\":\"KS\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.version[0]").exists());
        mvc.perform(api("admin", post("/api/v1/units/" + unit("KF") + "/retire"), "{\"version\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.unit[0]").value("Kommunfullmäktige kan inte avvecklas."));
        mvc.perform(api("admin", post("/api/v1/units"), "{\"parentId\":999999,\"type\":\"ENHET\",\"name\":\"X\"}"))
                .andExpect(status().isNotFound());
        long units = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        mvc.perform(api("controller", post("/api/v1/units"), "{\"parentId\":%d,\"type\":\"FORVALTNING\",\"name\":\"Socialförvaltningen\"}"
                .formatted(unit("SN")))).andExpect(status().isForbidden());
        mvc.perform(api("controller", put("/api/v1/units/" + unit("VON")), "{\"version\":0,\"type\":\"NAMND\",\"name\":\"Ny\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(api("politiker", post("/api/v1/units/" + unit("VOF-HN") + "/move"), "{\"version\":0,\"parentId\":%d}"
                .formatted(unit("VOF-FS")))).andExpect(status().isForbidden());
        mvc.perform(api("controller", post("/api/v1/units"), "{\"parentId\":%d,\"type\":\"ENHET\",\"name\":\"Hemtjänst Väst\"}"
                .formatted(unit("VOF-AO")))).andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from org_unit").query(Long.class).single()).isEqualTo(units + 1);
        assertThat(jdbc.sql("select parent_id from org_unit where code = 'VOF-HN'").query(Long.class).single())
                .isEqualTo(unit("VOF-AO"));
    }

    @Test
    void plan_periods_roll_but_two_cannot_share_a_budget_year() throws Exception {
        mvc.perform(api("admin", post("/api/v1/periods"), "{\"name\":\"Budget 2023–2025\",\"firstYear\":2023,\"lastYear\":2025}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.period.firstYear").value(2023))
                .andExpect(jsonPath("$.version").value(0));
        Map<String, Object> audit = lastAudit("plan_period");
        assertThat(audit.get("ACTION")).isEqualTo("SKAPAD");
        assertThat(audit.get("NEW_VALUE").toString()).contains("\"forstaAr\":2023", "\"sistaAr\":2025");

        mvc.perform(api("admin", post("/api/v1/periods"), "{\"name\":\"budget 2023–2025\",\"firstYear\":2022,\"lastYear\":2020}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name[0]").value("Det finns redan en planperiod som heter budget 2023–2025."))
                .andExpect(jsonPath("$.errors.lastYear[0]").value("Första året (2022) kan inte vara senare än sista året (2020)."));
        mvc.perform(api("admin", post("/api/v1/periods"), "{\"name\":\"Budget 2022\",\"firstYear\":2022,\"lastYear\":2022}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.firstYear[0]").value(containsString("Budgetåret 2022 har redan planperioden Budget 2022–2024")));
        mvc.perform(api("admin", post("/api/v1/periods"), "{\"name\":\"Budget 2024–2024\",\"firstYear\":2024,\"lastYear\":2024}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.lastYear[0]").value(containsString("en period som börjar senare kan inte sluta tidigare")));
        mvc.perform(api("admin", post("/api/v1/periods"), "{\"name\":\"Exempel\",\"firstYear\":2022,\"lastYear\":2040,\"illustrative\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.lastYear[0]").value("En planperiod kan omfatta högst 10 år."));
        mvc.perform(api("admin", post("/api/v1/periods"), "{\"name\":\"Exempel\",\"firstYear\":2022,\"lastYear\":2024,\"illustrative\":true}"))
                .andExpect(status().isCreated());
        mvc.perform(api("controller", post("/api/v1/periods"), "{\"name\":\"Budget 2026–2028\",\"firstYear\":2026,\"lastYear\":2028}"))
                .andExpect(status().isForbidden());

        long id = jdbc.sql("select id from plan_period where name = 'Budget 2023–2025'").query(Long.class).single();
        mvc.perform(api("admin", put("/api/v1/periods/" + id), "{\"version\":0,\"name\":\"Budget 2023–2026\",\"firstYear\":2023,\"lastYear\":2026}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.period.lastYear").value(2026)).andExpect(jsonPath("$.version").value(1));
        audit = lastAudit("plan_period");
        assertThat(audit.get("OLD_VALUE").toString()).contains("\"sistaAr\":2025").doesNotContain("forstaAr");
        assertThat(audit.get("NEW_VALUE").toString()).contains("\"sistaAr\":2026");
        mvc.perform(api("admin", put("/api/v1/periods/" + id), "{\"version\":0,\"name\":\"X\",\"firstYear\":2023,\"lastYear\":2026}"))
                .andExpect(status().isConflict());
    }

    @Test
    void the_plan_period_pages_create_and_edit_with_swedish_messages() throws Exception {
        mvc.perform(page("politiker", get("/organisation/planperioder"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Budget 2022–2024")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Ny planperiod"))));
        var rejected = mvc.perform(page("admin", post("/organisation/planperioder")).param("name", "").param("firstYear", "tjugo")
                        .param("lastYear", "2025"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(rejected).select(".error-summary li").eachText()).containsExactly("Ange ett heltal.");
        mvc.perform(page("admin", post("/organisation/planperioder")).param("name", "Budget 2023–2025").param("firstYear", "2023")
                .param("lastYear", "2025")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from plan_period where name = 'Budget 2023–2025'").query(Long.class).single();
        mvc.perform(page("admin", get("/organisation/planperioder/" + id))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2023\"")));
        mvc.perform(page("admin", post("/organisation/planperioder/" + id)).param("name", "Budget 2023–2025").param("firstYear", "2022")
                        .param("lastYear", "2025").param("version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Budgetåret 2022 har redan planperioden")));
        mvc.perform(page("controller", get("/organisation/planperioder/" + id))).andExpect(status().isForbidden());
        mvc.perform(page("controller", post("/organisation/planperioder/" + id)).param("name", "Y").param("firstYear", "2023")
                .param("lastYear", "2025").param("version", "0")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from plan_period where id = ?").param(id).query(String.class).single())
                .isEqualTo("Budget 2023–2025");
    }

    @Test
    void the_municipality_settings_are_for_administrators_and_audited_old_to_new() throws Exception {
        mvc.perform(page("admin", get("/admin/kommun"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"1489\"")))
                .andExpect(content().string(containsString("value=\"5\"")));
        var rejected = mvc.perform(page("admin", post("/admin/kommun")).param("name", " ").param("koladaId", "148")
                        .param("nearTargetTolerance", "120").param("version", "0"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(rejected).select(".error-summary li").eachText()).containsExactly(
                "Ange kommunens namn.", "Kommunkoden ska vara fyra siffror, till exempel 1489.",
                "Ange toleransen i procent, från 0 till 100 med högst två decimaler, till exempel 5.");
        mvc.perform(page("admin", post("/admin/kommun")).param("name", "Alingsås kommun").param("koladaId", "1489")
                        .param("vision", "Alingsås – Västsveriges vackraste kulturstad.").param("coreValues", "Öppenhet, engagemang och respekt")
                        .param("nearTargetTolerance", "7,5").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> audit = lastAudit("municipality");
        assertThat(audit.get("ACTION")).isEqualTo("ANDRAD");
        assertThat(audit.get("OLD_VALUE").toString()).contains("naraMalvardeProcent").contains("Genom nytänkande").doesNotContain("namn");
        assertThat(audit.get("NEW_VALUE").toString()).contains("7.5", "Västsveriges vackraste kulturstad.");
        mvc.perform(get("/api/v1/municipality").with(httpBasic("admin", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality.nearTargetTolerance").value(7.5)).andExpect(jsonPath("$.version").value(1));
        mvc.perform(api("admin", put("/api/v1/municipality"), "{\"version\":0,\"name\":\"A\",\"koladaId\":\"1489\",\"nearTargetTolerance\":5}"))
                .andExpect(status().isConflict());

        mvc.perform(page("controller", get("/admin/kommun"))).andExpect(status().isForbidden());
        mvc.perform(api("controller", put("/api/v1/municipality"), "{\"version\":1,\"name\":\"B\",\"koladaId\":\"1489\",\"nearTargetTolerance\":5}"))
                .andExpect(status().isForbidden());
        mvc.perform(api("politiker", put("/api/v1/municipality"), "{\"version\":1,\"name\":\"B\",\"koladaId\":\"1489\",\"nearTargetTolerance\":5}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from municipality where kolada_id = '1489'").query(String.class).single())
                .isEqualTo("Alingsås kommun");
    }
}
