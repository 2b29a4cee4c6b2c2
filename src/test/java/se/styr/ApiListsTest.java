package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every list of the API answers one page ({@code page}, {@code size}, {@code total}, {@code items}), with the
 * default and largest page size of {@code platform.Paging}, Swedish 400s for pages out of range, and its filters.
 */
@StyrIntegrationTest
@Transactional
class ApiListsTest extends MvcTestSupport {

    /** The lists that were whole arrays or objects before, each as who may read it. */
    private static final List<String> LISTS = List.of(
            "controller /api/v1/tokens", "admin /api/v1/tokens/alla", "politiker /api/v1/budgets", "politiker /api/v1/periods",
            "politiker /api/v1/proposals", "controller /api/v1/substitutes", "controller /api/v1/substitutes/standing-in-for",
            "enhetschef /api/v1/tasks/mine", "politiker /api/v1/economic-forecasts?year=2022&month=8");

    private ResultActions list(String who, String path, String... params) throws Exception {
        var request = get(path).with(as(who));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void every_list_answers_a_page_with_the_default_size_and_refuses_sizes_and_pages_out_of_range() throws Exception {
        for (String entry : LISTS) {
            String[] who = entry.split(" ", 2);
            String path = who[1].contains("?") ? who[1] + "&" : who[1] + "?";
            mvc.perform(get(who[1]).with(as(who[0]))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(50))
                    .andExpect(jsonPath("$.total").isNumber()).andExpect(jsonPath("$.items").isArray());
            mvc.perform(get(path + "size=500").with(as(who[0]))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.size").value(500));
            mvc.perform(get(path + "size=501").with(as(who[0]))).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors.size[0]").value("Ange antal per sida som ett heltal från 1 till 500."));
            mvc.perform(get(path + "page=-1").with(as(who[0]))).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors.page[0]").exists());
            mvc.perform(get(path + "page=2147483648").with(as(who[0]))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.page[0]").exists());
        }
    }

    @Test
    void a_page_of_one_steps_through_the_list_and_the_total_counts_them_all() throws Exception {
        int total = com.jayway.jsonpath.JsonPath.read(list("politiker", "/api/v1/periods").andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.total");
        assertThat(total).isGreaterThan(1);
        String first = list("politiker", "/api/v1/periods", "size", "1").andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.total").value(total)).andReturn().getResponse().getContentAsString();
        String second = list("politiker", "/api/v1/periods", "size", "1", "page", "2").andExpect(jsonPath("$.items", hasSize(1)))
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) com.jayway.jsonpath.JsonPath.read(first, "$.items[0].id"))
                .isNotEqualTo(com.jayway.jsonpath.JsonPath.read(second, "$.items[0].id"));
        list("politiker", "/api/v1/periods", "page", String.valueOf(total + 1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0))).andExpect(jsonPath("$.total").value(total));
    }

    @Test
    void the_lists_filter_by_period_year_state_body_and_person() throws Exception {
        list("politiker", "/api/v1/periods", "year", "2023").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].firstYear", everyItem(org.hamcrest.Matchers.lessThanOrEqualTo(2023))))
                .andExpect(jsonPath("$.items[*].lastYear", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(2023))));
        list("politiker", "/api/v1/periods", "year", "1800").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year[0]").value("Ange ett år mellan 1990 och 2100."));
        long budget = id("select id from budget order by id fetch first 1 rows only");
        long period = id("select period_id from budget where id = ?", budget);
        list("politiker", "/api/v1/budgets", "period", String.valueOf(period)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].periodId", everyItem(org.hamcrest.Matchers.is((int) period))));
        list("politiker", "/api/v1/budgets", "period", "999999").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.period[0]").value("Planperioden finns inte."));
        list("politiker", "/api/v1/budgets", "year", "1989").andExpect(status().isBadRequest());
        list("politiker", "/api/v1/budgets", "state", "BESLUTAD").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].state", everyItem(org.hamcrest.Matchers.is("BESLUTAD"))));
        list("politiker", "/api/v1/proposals", "state", "PUBLICERAD").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].state", everyItem(org.hamcrest.Matchers.is("PUBLICERAD"))));
        long von = id("select id from org_unit where code = 'VON'");
        list("politiker", "/api/v1/economic-forecasts", "year", "2022", "month", "8", "body", String.valueOf(von))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].orgUnitId").value((int) von));
        // the reporter's own tasks, and (none waiting) those to approve, each filtered by state
        list("enhetschef", "/api/v1/tasks/mine", "state", "PAGAR").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].task.state", everyItem(org.hamcrest.Matchers.is("PAGAR"))));
        list("avdelningschef", "/api/v1/tasks/mine", "approve", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].task.state", everyItem(org.hamcrest.Matchers.is("KLARMARKERAD"))));
        list("enhetschef", "/api/v1/substitutes", "on", LocalDate.now().toString()).andExpect(status().isOk());
        list("enhetschef", "/api/v1/substitutes", "on", "0000-01-01").andExpect(status().isBadRequest());
    }

    @Test
    void the_openapi_description_names_page_size_and_the_filters_of_each_list() throws Exception {
        var docs = mvc.perform(get("/v3/api-docs").with(as("admin"))).andExpect(status().isOk());
        String[][] expected = {
                {"/api/v1/tokens"}, {"/api/v1/tokens/alla", "user"}, {"/api/v1/budgets", "period", "year", "state"},
                {"/api/v1/periods", "year", "illustrative"}, {"/api/v1/proposals", "budget", "party", "state"},
                {"/api/v1/substitutes", "on"}, {"/api/v1/substitutes/standing-in-for", "on"},
                {"/api/v1/tasks/mine", "approve", "round", "state"}, {"/api/v1/economic-forecasts", "year", "month", "body"}};
        for (String[] list : expected) {
            List<String> names = new java.util.ArrayList<>(List.of("page", "size"));
            names.addAll(List.of(list).subList(1, list.length));
            docs.andExpect(jsonPath("$.paths['" + list[0] + "'].get.parameters[*].name",
                    org.hamcrest.Matchers.hasItems(names.toArray(String[]::new))));
        }
    }

    @Test
    void an_administrator_pages_everyones_tokens_in_the_api_and_on_the_page() throws Exception {
        long admin = id("select id from app_user where username = 'admin'");
        long controller = id("select id from app_user where username = 'controller'");
        long municipality = id("select municipality_id from app_user where id = ?", admin);
        // other tests may have left tokens of their own: the expectations count from what is there
        long before = id("select count(*) from api_token where municipality_id = ?", municipality);
        long controllersBefore = id("select count(*) from api_token where user_id = ?", controller);
        for (int i = 0; i < 55; i++) {
            jdbc.sql("insert into api_token (municipality_id, user_id, name, token_hash, created_at) values (?, ?, ?, ?, current_timestamp)")
                    .params(municipality, i % 5 == 0 ? controller : admin, "Nyckel " + i, "hash" + i).update();
        }
        int total = (int) before + 55;
        list("admin", "/api/v1/tokens/alla").andExpect(jsonPath("$.total").value(total)).andExpect(jsonPath("$.items", hasSize(50)));
        list("admin", "/api/v1/tokens/alla", "page", "2").andExpect(jsonPath("$.items", hasSize(total - 50)));
        list("admin", "/api/v1/tokens/alla", "user", "controller").andExpect(jsonPath("$.total").value((int) controllersBefore + 11))
                .andExpect(jsonPath("$.items[*].username", everyItem(org.hamcrest.Matchers.is("controller"))));
        list("controller", "/api/v1/tokens").andExpect(jsonPath("$.total").value((int) controllersBefore + 11));
        list("controller", "/api/v1/tokens/alla").andExpect(status().isForbidden());
        mvc.perform(get("/admin/api-nycklar").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visar 1–50 av " + total + " API-nycklar.")))
                .andExpect(content().string(containsString("sida=2")))
                .andExpect(content().string(not(containsString("Föregående sida"))));
        mvc.perform(get("/admin/api-nycklar").param("sida", "2").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visar 51–" + total + " av " + total + " API-nycklar.")))
                .andExpect(content().string(containsString("Föregående sida")));
        mvc.perform(get("/admin/api-nycklar").param("sida", "x").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/api-nycklar").with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("controller"))))
                .andExpect(status().isForbidden());
    }
}
