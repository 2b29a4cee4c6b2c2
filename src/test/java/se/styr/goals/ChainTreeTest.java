package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/**
 * The tree that opens on demand, its search, an object's page and the objects' list in the API: each reads a number of
 * statements that stays the same when the municipality grows (objects and values are added in the test).
 */
@StyrIntegrationTest
@Transactional
@WithUserDetails("admin")
class ChainTreeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<FilterRegistrationBean<?>> filters;

    private long id(String kind, String titleStart) {
        return jdbc.sql("select id from goal_object where kind = ? and title like ?").params(kind, titleStart + "%")
                .query(Long.class).single();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private long priorityGoal() {
        return jdbc.sql("select parent_id from goal_object where id = ?").param(id("NAMNDMAL", "Öka antalet gruppboendeplatser"))
                .query(Long.class).single();
    }

    /** Adds committee goals of VON under the LSS goal's priority goal, each with two key figures with three years of values. */
    private void grow(int goals, String prefix) {
        long parent = priorityGoal();
        long lss = id("NAMNDMAL", "Öka antalet gruppboendeplatser");
        long[] owner = jdbc.sql("select municipality_id, owner_unit_id, period_id from goal_object where id = ?").param(lss)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        for (int i = 0; i < goals; i++) {
            long goal = insert(owner, "NAMNDMAL", parent, prefix + " mål " + i, null);
            for (int k = 0; k < 2; k++) {
                long figure = insert(owner, "NYCKELTAL", goal, prefix + " nyckeltal " + i + "." + k, "INCREASE");
                for (int year = 2021; year <= 2023; year++) {
                    jdbc.sql("insert into measure_value (object_id, year, outcome, target) values (?, ?, ?, ?)")
                            .params(figure, year, 50 + i % 40, 80).update();
                }
            }
        }
    }

    /** Adds units under the parent (the other bodies' and the body's own administration grow). */
    private void growUnits(long parent, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into org_unit (municipality_id, parent_id, type, name, code, position)
                            select municipality_id, id, 'ENHET', ?, ?, 90 from org_unit where id = ?""")
                    .params("Växande enhet " + parent + "." + i, "VX-" + parent + "-" + i, parent).update();
        }
    }

    private long insert(long[] owner, String kind, long parent, String title, String direction) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into goal_object (municipality_id, kind, parent_id, owner_unit_id, period_id, position, title,
                          direction, measure_unit, steering) values (?, ?, ?, ?, ?, 100, ?, ?, ?, ?)""")
                .params(owner[0], kind, parent, owner[1], owner[2], title, direction, direction == null ? null : "%",
                        direction == null ? null : Boolean.TRUE)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private int statements(RequestBuilder request) throws Exception {
        QueryCounter.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounter.statements();
    }

    @Test
    void the_whole_municipality_shows_kfs_focus_areas_closed_and_a_node_opens_on_demand() throws Exception {
        long prio = priorityGoal();
        mvc.perform(get("/styrkedja")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Experimentlust")))
                .andExpect(content().string(containsString("aria-expanded=\"false\"")))
                .andExpect(content().string(not(containsString("Öka antalet gruppboendeplatser"))));
        // htmx asks for the node open: the priority goal with its children, each closed with its own button.
        mvc.perform(get("/styrkedja/objekt/" + prio + "/nod").param("oppen", "true").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<li id=\"nod-" + prio + "\"")))
                .andExpect(content().string(containsString("id=\"vaxla-" + prio + "\"")))
                .andExpect(content().string(containsString("aria-expanded=\"true\"")))
                .andExpect(content().string(containsString("Öka antalet gruppboendeplatser")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/styrkedja/objekt/" + prio + "/nod").param("oppen", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-expanded=\"false\"")))
                .andExpect(content().string(not(containsString("Öka antalet gruppboendeplatser"))));
        // Without JavaScript the same button opens the branch as a page.
        mvc.perform(get("/styrkedja/objekt/" + prio)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gren i styrkedjan")))
                .andExpect(content().string(containsString("Öka antalet gruppboendeplatser")));
        mvc.perform(get("/styrkedja/objekt/999999/nod")).andExpect(status().isNotFound());
    }

    @Test
    void a_body_shows_its_first_levels_with_states_and_signals() throws Exception {
        mvc.perform(get("/styrkedja").param("organ", Long.toString(unit("VON")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Öka antalet gruppboendeplatser")))
                .andExpect(content().string(containsString("Helt uppfyllt")))
                .andExpect(content().string(not(containsString("Företagsklimat"))));
    }

    @Test
    void a_body_opens_kfs_objects_above_its_own_and_shows_its_own_closed_with_state_and_count() throws Exception {
        long lss = id("NAMNDMAL", "Öka antalet gruppboendeplatser");
        int figures = jdbc.sql("select count(*) from goal_object where parent_id = ? and retired = false").param(lss)
                .query(Integer.class).single();
        String figure = jdbc.sql("select title from goal_object where parent_id = ? and kind = 'NYCKELTAL' order by id limit 1")
                .param(lss).query(String.class).single();
        Document page = html(get("/styrkedja").param("organ", Long.toString(unit("VON"))));
        assertThat(page.getElementById("vaxla-" + priorityGoal()).attr("aria-expanded")).isEqualTo("true");
        assertThat(page.getElementById("vaxla-" + lss).attr("aria-expanded")).isEqualTo("false");
        assertThat(page.getElementById("nod-" + lss).text()).contains("(" + figures + " underliggande)", "Helt uppfyllt");
        assertThat(page.text()).doesNotContain(figure);
        // What is under the goal opens on demand, with its key figures' signals.
        Document open = html(get("/styrkedja/objekt/" + lss + "/nod").param("organ", Long.toString(unit("VON"))));
        assertThat(open.getElementById("barn-" + lss).select("> li")).hasSize(figures);
        assertThat(open.text()).contains(figure);
        assertThat(open.select(".badge[class*=signal-]")).isNotEmpty();
    }

    @Test
    void the_owner_is_chosen_among_the_bodys_units_not_the_whole_municipality() throws Exception {
        Document assignment = html(get("/objekt/ny").param("typ", "UPPDRAG").param("organ", Long.toString(unit("VON"))));
        assertThat(assignment.select("#ownerUnitId option").eachText())
                .contains("Vård- och omsorgsnämnden (VON)", "Hemtjänst Norr (VOF-HN)")
                .noneMatch(t -> t.contains("Kultur") || t.contains("Kommunledningskontoret"));
        Document committeeGoal = html(get("/objekt/ny").param("typ", "NAMNDMAL").param("forelder", Long.toString(priorityGoal())));
        assertThat(committeeGoal.select("#ownerUnitId option").eachText())
                .contains("Vård- och omsorgsnämnden (VON)", "Kultur- och utbildningsnämnden (KUN)")
                .noneMatch(t -> t.contains("Hemtjänst") || t.contains("förvaltningen"));
    }

    @Test
    @WithUserDetails("controller")
    void a_controller_chooses_the_owner_among_the_units_they_may_change() throws Exception {
        Document committeeGoal = html(get("/objekt/ny").param("typ", "NAMNDMAL").param("forelder", Long.toString(priorityGoal())));
        assertThat(committeeGoal.select("#ownerUnitId option").eachText()).containsExactly("Vård- och omsorgsnämnden (VON)");
    }

    private Document html(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void the_search_finds_by_title_words_and_kolada_id_paged_with_the_path() throws Exception {
        mvc.perform(get("/styrkedja/sok").param("q", "gruppboendeplatser öka")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Öka antalet gruppboendeplatser")))
                .andExpect(content().string(containsString(" › ")));
        mvc.perform(get("/styrkedja/sok").param("q", "u07451")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Företagsklimat")));
        mvc.perform(get("/styrkedja/sok").param("q", "finnsintenågonstans")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga objekt matchar")));
        grow(30, "Sökbart");
        mvc.perform(get("/styrkedja/sok").param("q", "sökbart mål")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visar 1–20 av 30 objekt")))
                .andExpect(content().string(containsString("Nästa sida")));
        mvc.perform(get("/styrkedja/sok").param("q", "sökbart mål").param("sida", "2")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visar 21–30 av 30 objekt")))
                .andExpect(content().string(containsString("Föregående sida")));
        mvc.perform(get("/styrkedja/sok").param("q", "sökbart").param("sida", "2147483648")).andExpect(status().isOk());
    }

    @Test
    void pages_read_a_number_of_statements_that_does_not_grow_with_the_municipality() throws Exception {
        long prio = priorityGoal();
        long von = unit("VON");
        List<RequestBuilder> requests = List.of(
                get("/objekt/" + prio),
                get("/styrkedja").param("organ", Long.toString(von)),
                get("/styrkedja"),
                get("/styrkedja/objekt/" + prio + "/nod").param("oppen", "true"),
                get("/styrkedja/objekt/" + prio).param("organ", Long.toString(von)),
                get("/styrkedja/sok").param("q", "Växande"),
                get("/api/v1/objects").param("kind", "NYCKELTAL").with(httpBasic("admin", "styr-demo")),
                get("/objekt/ny").param("typ", "UPPDRAG").param("organ", Long.toString(von)),
                get("/objekt/" + id("NAMNDMAL", "Öka antalet gruppboendeplatser") + "/redigera"));
        grow(2, "Växande");
        QueryCounter.clearNested();
        int[] small = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            small[i] = statements(requests.get(i));
        }
        grow(150, "Växande");
        growUnits(unit("KS"), 40);
        growUnits(unit("VOF-AO"), 40);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(statements(requests.get(i))).as("statements of request %d with 150 more goals, 300 key figures and 80 units", i)
                    .isEqualTo(small[i]).isLessThan(30);
        }
        assertThat(QueryCounter.nestedConnections()).isEmpty();
    }

    @Test
    void the_api_lists_objects_a_page_at_a_time_filtered() throws Exception {
        grow(60, "Listat");
        long von = unit("VON");
        mvc.perform(get("/api/v1/objects").param("kind", "NAMNDMAL").param("q", "listat").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(60)).andExpect(jsonPath("$.items.length()").value(50));
        mvc.perform(get("/api/v1/objects").param("kind", "NAMNDMAL").param("q", "listat").param("page", "2").param("size", "25")
                        .with(httpBasic("politiker", "styr-demo")))
                .andExpect(jsonPath("$.page").value(2)).andExpect(jsonPath("$.items.length()").value(25))
                .andExpect(jsonPath("$.items[0].kind").value("NAMNDMAL"));
        mvc.perform(get("/api/v1/objects").param("body", Long.toString(von)).param("kind", "NAMNDMAL").param("year", "2022")
                        .param("size", "500").with(httpBasic("politiker", "styr-demo")))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(61)));
        mvc.perform(get("/api/v1/objects").param("body", Long.toString(unit("KUN"))).param("q", "listat")
                        .with(httpBasic("politiker", "styr-demo")))
                .andExpect(jsonPath("$.total").value(0));
        for (String[] bad : List.of(new String[] {"page", "0"}, new String[] {"page", "x"}, new String[] {"size", "501"},
                new String[] {"size", "0"}, new String[] {"page", "2147483648"})) {
            mvc.perform(get("/api/v1/objects").param(bad[0], bad[1]).with(httpBasic("politiker", "styr-demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors." + bad[0] + "[0]").value(containsString("Ange")));
        }
        mvc.perform(get("/api/v1/objects").param("body", "999999").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.body[0]").value("Organet eller enheten finns inte i kommunen."));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/objects'].get.parameters[*].name",
                        org.hamcrest.Matchers.hasItems("page", "size", "kind", "body", "period", "year")))
                .andExpect(jsonPath("$.components.securitySchemes.apiNyckel.scheme").value("bearer"));
    }

    @Test
    void the_new_committee_goal_and_assignment_links_on_a_kf_priority_goal_open_their_forms() throws Exception {
        long prio = priorityGoal();
        mvc.perform(get("/objekt/" + prio)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/objekt/ny?typ=NAMNDMAL&amp;forelder=" + prio)))
                .andExpect(content().string(containsString("/objekt/ny?typ=UPPDRAG&amp;forelder=" + prio)));
        for (String kind : List.of("NAMNDMAL", "UPPDRAG")) {
            mvc.perform(get("/objekt/ny").param("typ", kind).param("forelder", Long.toString(prio))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"ownerUnitId\"")));
        }
        mvc.perform(get("/objekt/ny").param("typ", "NAMNDMAL").param("forelder", Long.toString(prio))
                        .param("organ", Long.toString(unit("VON"))))
                .andExpect(status().isOk());
    }

    @Test
    void years_are_printed_without_a_thousands_separator() throws Exception {
        long indicator = id("INDIKATOR", "Företagsklimat");
        mvc.perform(get("/objekt/" + indicator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Senaste utfallet (20")))
                .andExpect(content().string(not(containsString("2 02"))))
                .andExpect(content().string(not(containsString("2\u00a002"))));
    }

    @Test
    void links_skip_the_resource_chain_and_htmx_still_comes_from_the_webjar() throws Exception {
        assertThat(filters).filteredOn(f -> f.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty().allSatisfy(f -> assertThat(f.isEnabled()).isFalse());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/styrkedja")).andExpect(content().string(containsString("src=\"/webjars/htmx.org/dist/htmx.min.js\"")));
    }
}
