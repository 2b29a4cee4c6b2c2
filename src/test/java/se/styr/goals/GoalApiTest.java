package se.styr.goals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.styr.goals.DemoChainTest.find;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

@StyrIntegrationTest
@Transactional
class GoalApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GoalService goals;

    /** Read before the first request: MockMvc clears the logged-in person after each one. */
    private GoalObject lssGoal() {
        return find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
    }

    @Test
    void the_api_needs_credentials_and_answers_problem_json() throws Exception {
        mvc.perform(get("/api/v1/objects")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/objects").with(httpBasic("admin", "fel"))).andExpect(status().isUnauthorized());
    }

    @Test
    void an_indicator_comes_with_its_assessment() throws Exception {
        mvc.perform(get("/api/v1/objects").param("kind", "FOKUSOMRADE").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(5)).andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(50));
        String body = mvc.perform(get("/api/v1/objects").param("kind", "INDIKATOR").with(httpBasic("politiker", "styr-demo")))
                .andReturn().getResponse().getContentAsString();
        int at = body.indexOf("\"kolada" + "Id\":\"U07451\"");
        String before = body.substring(0, at);
        String id = before.substring(before.lastIndexOf("\"id\":") + 5, before.indexOf(',', before.lastIndexOf("\"id\":")));
        mvc.perform(get("/api/v1/objects/" + id).with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object.title").value(containsString("Företagsklimat")))
                .andExpect(jsonPath("$.assessment.signal").value("MED_ANMARKNING"))
                .andExpect(jsonPath("$.assessment.trend").value("OKAD"))
                .andExpect(jsonPath("$.assessment.target").value(75.0))
                .andExpect(jsonPath("$.values[*].year", hasItem(2018)));
    }

    @Test
    @WithUserDetails("admin")
    void writes_follow_the_same_rules_as_the_forms() throws Exception {
        GoalObject goal = lssGoal();
        String json = """
                {"kind":"NYCKELTAL","parentId":%d,"ownerUnitId":%d,"periodId":%d,"title":"",
                 "direction":"INCREASE","measureUnit":"%%","koladaId":"N7702"}"""
                .formatted(goal.id(), goal.ownerUnitId(), goal.periodId());
        mvc.perform(post("/api/v1/objects").with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.title[0]").value("Ange en titel."))
                .andExpect(jsonPath("$.errors.koladaId[0]").value(containsString("N07702")));

        String created = mvc.perform(post("/api/v1/objects").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace("\"title\":\"\"", "\"title\":\"Platser i bostad med särskild service\"")
                                .replace("N7702", "U28570")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.object.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = created.substring(created.indexOf("\"id\":") + 5, created.indexOf(',', created.indexOf("\"id\":")));

        mvc.perform(put("/api/v1/objects/" + id + "/values").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"values\":[{\"year\":2021,\"outcome\":30},{\"year\":2030,\"target\":40}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("utanför planperioden")));
        mvc.perform(put("/api/v1/objects/" + id + "/values").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"values\":[{\"year\":2021,\"outcome\":30},{\"year\":2022,\"outcome\":40,\"target\":40}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assessment.signal").value("UTAN_ANMARKNING"));
        mvc.perform(put("/api/v1/objects/" + id + "/values").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"values\":[]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Någon annan")));
        mvc.perform(put("/api/v1/objects/" + id + "/values").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithUserDetails("admin")
    void a_reader_may_not_write_and_only_administrators_read_the_audit_log() throws Exception {
        GoalObject goal = lssGoal();
        mvc.perform(put("/api/v1/objects/" + goal.id() + "/judgement").with(httpBasic("politiker", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"judgement\":\"EJ_UPPFYLLT\",\"judgementText\":\"Nej\",\"version\":" + goal.version() + "}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit").with(httpBasic("politiker", "styr-demo"))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Du har inte behörighet till detta."));
        mvc.perform(get("/api/v1/audit").with(httpBasic("admin", "styr-demo"))).andExpect(status().isOk());
    }

    @Test
    void the_api_is_described_by_openapi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/objects/{id}/values")))
                .andExpect(content().string(containsString("/api/v1/units")));
    }
}
