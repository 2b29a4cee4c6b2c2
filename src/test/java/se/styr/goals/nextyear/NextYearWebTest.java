package se.styr.goals.nextyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;

/** The next year's pages and API, the history on the 2023 page, and what they cost in queries. */
@StyrIntegrationTest
@Transactional
class NextYearWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CarryOver carry;
    @Autowired
    Organisation organisation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** MockMvc's requests clear the test's sign-in when they end; the service calls in between need it back. */
    void asAdmin() {
        se.styr.SignedIn.as(users, "admin");
    }

    long from() {
        return organisation.periods(municipality()).stream().filter(p -> p.name().equals("Budget 2022–2024")).findFirst().orElseThrow().id();
    }

    long municipality() {
        return organisation.municipalities().get(0).id();
    }

    long unit(String code) {
        return organisation.units(municipality()).stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
    }

    List<Long> offered(long period, long body) {
        List<Long> ids = new ArrayList<>();
        collect(carry.preview(period, body).tree(), ids);
        return ids;
    }

    private static void collect(List<CarryOver.Choice> choices, List<Long> into) {
        for (CarryOver.Choice c : choices) {
            if (c.offered()) {
                into.add(c.row().id());
            }
            collect(c.children(), into);
        }
    }

    long successor(long id) {
        return jdbc.sql("select id from goal_object where predecessor_id = ?").param(id).query(Long.class).single();
    }

    long insikt() {
        return jdbc.sql("select id from goal_object where kind = 'INDIKATOR' and title = ? and period_id = ?")
                .params(CarryOverTest.INSIKT, from()).query(Long.class).single();
    }

    static MockHttpServletRequestBuilder carryForm(String path, List<Long> ids) {
        MockHttpServletRequestBuilder form = post(path).with(csrf());
        ids.forEach(id -> form.param("objekt", String.valueOf(id)));
        return form;
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_creates_2023_carries_kf_and_sees_the_history_on_the_2023_page() throws Exception {
        mvc.perform(get("/nasta-ar")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skapa planperioden Budget 2023–2025")))
                .andExpect(content().string(containsString("Kommunfullmäktige")));
        mvc.perform(post("/nasta-ar/period").param("fran", String.valueOf(from())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/nasta-ar").param("fran", String.valueOf(from()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Budget 2022–2024 förs över till Budget 2023–2025.")));
        mvc.perform(get("/nasta-ar/organ/" + unit("KF")).param("fran", String.valueOf(from()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("type=\"checkbox\"")))
                .andExpect(content().string(containsString(CarryOverTest.INSIKT)));

        // VON before KF: refused with the reason, nothing carried
        asAdmin();
        mvc.perform(carryForm("/nasta-ar/organ/" + unit("VON") + "?fran=" + from(), offered(from(), unit("VON"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("kan inte föras över utan")));
        asAdmin();
        mvc.perform(carryForm("/nasta-ar/organ/" + unit("KF") + "?fran=" + from(), offered(from(), unit("KF"))))
                .andExpect(status().is3xxRedirection());

        long copy = successor(insikt());
        mvc.perform(get("/objekt/" + copy)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Historik från tidigare planperioder")))
                .andExpect(content().string(containsString("<th scope=\"row\">2018</th>")))
                .andExpect(content().string(containsString("Budget 2022–2024")));
        mvc.perform(get("/api/v1/objects/" + copy)).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].value.year").value(2018))
                .andExpect(jsonPath("$.history[0].value.outcome").value(63))
                .andExpect(jsonPath("$.history[2].value.year").value(2020))
                .andExpect(jsonPath("$.values[0].year").value(2023));

        // the chain now shows the 2023 period's focus areas
        long oldFocus = jdbc.sql("select id from goal_object where kind = 'FOKUSOMRADE' and title = 'Experimentlust' and period_id = ?")
                .param(from()).query(Long.class).single();
        mvc.perform(get("/styrkedja")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/objekt/" + successor(oldFocus) + "\"")))
                .andExpect(content().string(not(containsString("/objekt/" + oldFocus + "\""))));
        mvc.perform(get("/styrkedja").param("period", String.valueOf(from()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/objekt/" + oldFocus + "\"")));
    }

    @Test
    @WithUserDetails("admin")
    void the_history_costs_the_same_queries_however_long_the_chain() throws Exception {
        carry.startNext(from());
        carry.carry(from(), null, offered(from(), unit("KF")));
        long in2023 = successor(insikt());
        QueryCounter.reset();
        mvc.perform(get("/objekt/" + in2023)).andExpect(status().isOk());
        int oneBack = QueryCounter.statements();
        asAdmin();

        PlanPeriod p2023 = organisation.findPeriod(jdbc.sql("select period_id from goal_object where id = ?").param(in2023)
                .query(Long.class).single()).orElseThrow();
        PlanPeriod p2024 = carry.startNext(p2023.id());
        assertThat(p2024.name()).isEqualTo("Budget 2024–2026");
        carry.carry(p2023.id(), null, offered(p2023.id(), unit("KF")));
        long in2024 = successor(in2023);
        QueryCounter.reset();
        mvc.perform(get("/objekt/" + in2024)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"row\">2018</th>")));
        int twoBack = QueryCounter.statements();
        assertThat(twoBack).isEqualTo(oneBack);

        QueryCounter.reset();
        mvc.perform(get("/api/v1/objects/" + in2024)).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].value.year").value(2018))
                .andExpect(jsonPath("$.history[3].value.year").value(2023))
                .andExpect(jsonPath("$.history[3].value.target").value(75));
    }

    @Test
    @WithUserDetails("admin")
    void the_pages_read_a_bounded_number_of_queries() throws Exception {
        carry.startNext(from());
        QueryCounter.reset();
        mvc.perform(get("/nasta-ar").param("fran", String.valueOf(from()))).andExpect(status().isOk());
        assertThat(QueryCounter.statements()).isLessThan(20);
        QueryCounter.reset();
        mvc.perform(get("/nasta-ar/organ/" + unit("VON")).param("fran", String.valueOf(from()))).andExpect(status().isOk());
        assertThat(QueryCounter.statements()).isLessThan(20);
    }

    @Test
    @WithUserDetails("admin")
    void the_api_previews_carries_and_decides_the_drafts() throws Exception {
        mvc.perform(post("/api/v1/next-year/" + from() + "/next-period").with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Budget 2023–2025"));
        mvc.perform(get("/api/v1/next-year/" + from() + "/bodies/" + unit("VON")).param("size", "5"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.objects.size").value(5))
                .andExpect(jsonPath("$.kinds.INTERNKONTROLLPUNKT.toCarry").value(7));
        asAdmin();
        String body = "{\"objectIds\":" + offered(from(), unit("KF")) + "}";
        String von = "{\"objectIds\":" + offered(from(), unit("VON")) + "}";
        mvc.perform(post("/api/v1/next-year/" + from() + "/carry").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created.FOKUSOMRADE").value(5));
        mvc.perform(post("/api/v1/next-year/" + from() + "/carry").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.alreadyCarried").isNumber())
                .andExpect(jsonPath("$.created").isEmpty());
        mvc.perform(post("/api/v1/next-year/" + from() + "/carry").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(von))
                .andExpect(status().isOk()).andExpect(jsonPath("$.drafts").value(7));
        long next = jdbc.sql("select id from plan_period where name = 'Budget 2023–2025'").query(Long.class).single();
        mvc.perform(get("/api/v1/next-year/internal-control-drafts").param("period", String.valueOf(next)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(7));
        long draft = jdbc.sql("select min(id) from internal_control_draft").query(Long.class).single();
        mvc.perform(post("/api/v1/next-year/internal-control-drafts/" + draft + "/confirm").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("BEKRAFTAD"));
        mvc.perform(post("/api/v1/next-year/internal-control-drafts/" + draft + "/drop").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("redan bekräftat eller struket")));
        mvc.perform(get("/nasta-ar/internkontroll").param("period", String.valueOf(next))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bekräftad")));
    }

    @Test
    @WithUserDetails("politiker")
    void a_reader_is_refused_the_pages_and_the_api() throws Exception {
        mvc.perform(get("/nasta-ar")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/next-year/" + from())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/next-year/" + from() + "/next-period").with(csrf())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/next-year/" + from() + "/carry").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"objectIds\":[" + insikt() + "]}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_period where name = 'Budget 2023–2025'").query(Long.class).single()).isZero();
    }

    @Test
    @WithUserDetails("controller")
    void a_controller_sees_only_their_committee_offered_and_may_not_create_the_period() throws Exception {
        mvc.perform(get("/nasta-ar")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Be en administratör")));
        mvc.perform(post("/nasta-ar/period").param("fran", String.valueOf(from())).with(csrf())).andExpect(status().isForbidden());
    }
}
