package se.styr.economy.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/** The model as JSON: read with its result, previewed without saving, saved and applied with the page's rules. */
@StyrIntegrationTest
@Transactional
class AllocationApiTest {

    /** The README's worked example for Vård- och omsorgsnämnden alone, for the demo's years 2022–2023 (2024 too). */
    private static String model(long von, String pkvShare, String motivation) {
        return """
                {"pkvShare": %s, "volumeShare": 100, "pkv": {"2022": 4, "2023": 4, "2024": 4},
                 "ageGroups": [{"label": "80+ år", "persons": {"2021": 2000, "2022": 2060, "2023": 2130, "2024": 2130}}],
                 "committees": [{"orgUnitId": %d, "baseFrame": 100000000, "bufferPercent": 1, "standardCosts": [100000]}],
                 "targeted": [{"orgUnitId": %d, "year": 2022, "amount": 3000000, "permanent": true, "motivation": "%s"}]}
                """.formatted(pkvShare, von, von, motivation);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long budget() {
        return jdbc.sql("select b.id from budget b join plan_period p on p.id = b.period_id where p.name = 'Budget 2022–2024' and b.version_no = 1")
                .query(Long.class).single();
    }

    private long von() {
        return jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
    }

    @Test
    void theModelWithItsResultAndAPreviewThatSavesNothing() throws Exception {
        String path = "/api/v1/budgets/" + budget() + "/allocation";
        mvc.perform(get(path).with(httpBasic("politiker", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(true))
                .andExpect(jsonPath("$.model.pkvShare").value(50.0))
                .andExpect(jsonPath("$.result.committees[0].name").value("Vård- och omsorgsnämnden"))
                .andExpect(jsonPath("$.result.committees[0].years[0].index").value(18_012_038))
                .andExpect(jsonPath("$.result.committees[0].years[0].volume").value(4_968_000))
                .andExpect(jsonPath("$.result.committees[0].years[0].difference").value(346_962));

        mvc.perform(post(path + "/preview").with(httpBasic("politiker", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(model(von(), "50", "Nytt LSS-boende")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.committees[0].years[0].index").value(2_000_000))
                .andExpect(jsonPath("$.committees[0].years[0].volume").value(6_000_000))
                .andExpect(jsonPath("$.committees[0].years[0].frame").value(111_000_000))
                .andExpect(jsonPath("$.committees[0].years[1].index").value(2_220_000))
                .andExpect(jsonPath("$.committees[0].years[1].frame").value(120_220_000))
                .andExpect(jsonPath("$.committees[0].years[0].budgetFrame").value(853_556_000))
                .andExpect(jsonPath("$.total[1].changePercent").value(8.31));
        assertThat(jdbc.sql("select pkv_share from allocation_model where budget_id = ?").param(budget())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("50");

        mvc.perform(post(path + "/preview").with(httpBasic("politiker", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(model(von(), "250", " ")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.pkvShare[0]").value("Ange andelen i procent, mellan 0 och 200, med högst två decimaler."))
                .andExpect(jsonPath("$.errors.targeted0_motivation[0]").value("Motivera den riktade tilldelningen (högst 500 tecken)."));
    }

    @Test
    void savingAndApplyingFollowThePagesRules() throws Exception {
        String path = "/api/v1/budgets/" + budget() + "/allocation";
        int version = jdbc.sql("select version from allocation_model where budget_id = ?").param(budget()).query(Integer.class).single();
        String body = "{\"version\": " + version + ", \"model\": " + model(von(), "100", "Nytt LSS-boende") + "}";
        mvc.perform(put(path).with(httpBasic("controller", "styr-demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put(path).with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.result.committees.length()").value(1))
                .andExpect(jsonPath("$.result.committees[0].years[0].index").value(4_000_000));
        mvc.perform(put(path).with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Någon annan har sparat ändringar")));

        int budgetVersion = jdbc.sql("select version from budget where id = ?").param(budget()).query(Integer.class).single();
        mvc.perform(post(path + "/apply").with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + (version + 1) + ", \"budgetVersion\": " + budgetVersion + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.written[0]").value("Vård- och omsorgsnämnden"))
                .andExpect(jsonPath("$.withoutLine.length()").value(0));
        assertThat(jdbc.sql("""
                        select a.amount from budget_frame_amount a join budget_frame_line l on l.id = a.line_id
                        where l.budget_id = ? and l.org_unit_id = ? and a.year = 2022""").params(budget(), von())
                .query(Long.class).single()).isEqualTo(113_000_000L);
        mvc.perform(post(path + "/apply").with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version[0]").value("Versionen saknas. Öppna objektet på nytt."));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/budgets/{budgetId}/allocation/preview")))
                .andExpect(content().string(containsString("/api/v1/budgets/{budgetId}/allocation/apply")))
                .andExpect(content().string(containsString("Resursfördelning")));
    }
}
