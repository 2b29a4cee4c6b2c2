package se.styr.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/**
 * The organisation page as a tree that opens on demand, the branch page without JavaScript, the search by name or code,
 * and that each reads a number of statements that stays the same when the organisation grows (units are added).
 */
@StyrIntegrationTest
@Transactional
@WithUserDetails("politiker")
class OrganisationTreeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    /** Adds departments under the unit, each with units under it. */
    private void grow(String parentCode, int departments, int unitsEach, String prefix) {
        long parent = unit(parentCode);
        long municipality = jdbc.sql("select municipality_id from org_unit where id = ?").param(parent).query(Long.class).single();
        for (int d = 0; d < departments; d++) {
            long department = insert(municipality, parent, "AVDELNING", prefix + " avdelning " + d, prefix.toUpperCase() + "-A" + d);
            for (int u = 0; u < unitsEach; u++) {
                insert(municipality, department, "ENHET", prefix + " enhet " + d + "." + u, prefix.toUpperCase() + "-E" + d + "-" + u);
            }
        }
    }

    private long insert(long municipality, long parent, String type, String name, String code) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code, position) values (?, ?, ?, ?, ?, 50)")
                .params(municipality, parent, type, name, code).update(key, "id");
        return key.getKey().longValue();
    }

    private int statements(RequestBuilder request) throws Exception {
        QueryCounter.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounter.statements();
    }

    @Test
    void the_page_shows_kf_and_ks_open_and_the_bodies_closed_with_what_lies_below() throws Exception {
        long von = unit("VON");
        mvc.perform(get("/organisation")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kommunstyrelsen")))
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden")))
                .andExpect(content().string(containsString("href=\"/styrkedja?organ=" + von + "\"")))
                .andExpect(content().string(containsString("– Nämnd")))
                .andExpect(content().string(containsString("– Partigrupp")))
                .andExpect(content().string(containsString("Enheter under Vård- och omsorgsnämnden: 2")))
                .andExpect(content().string(containsString("(2 enheter direkt under)")))
                .andExpect(content().string(not(containsString("Vård- och omsorgsförvaltningen"))))
                .andExpect(content().string(not(containsString("??"))));
        Document page = html(get("/organisation"));
        assertThat(page.getElementById("vaxla-enhet-" + unit("KF")).attr("aria-expanded")).isEqualTo("true");
        assertThat(page.getElementById("vaxla-enhet-" + unit("KS")).attr("aria-expanded")).isEqualTo("true");
        assertThat(page.getElementById("vaxla-enhet-" + von).attr("aria-expanded")).isEqualTo("false");
        assertThat(page.getElementById("vaxla-enhet-" + von).hasAttr("aria-controls")).isFalse();
        assertThat(page.getElementById("vaxla-enhet-" + von).attr("hx-get")).isEqualTo("/organisation/enhet/" + von + "/nod?oppen=true");
        assertThat(page.getElementById("vaxla-enhet-" + von).parent().attr("action")).isEqualTo("/organisation/enhet/" + von);
    }

    private Document html(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void a_unit_opens_on_demand_and_without_javascript_as_a_branch_page() throws Exception {
        long von = unit("VON");
        long vof = unit("VOF");
        mvc.perform(get("/organisation/enhet/" + von + "/nod").param("oppen", "true").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<li id=\"enhet-" + von + "\"")))
                .andExpect(content().string(containsString("aria-expanded=\"true\"")))
                .andExpect(content().string(containsString("aria-controls=\"under-" + von + "\"")))
                .andExpect(content().string(containsString("Vård- och omsorgsförvaltningen")))
                .andExpect(content().string(not(containsString("Hemtjänst Norr"))))
                .andExpect(content().string(not(containsString("<html"))));
        Document open = html(get("/organisation/enhet/" + von + "/nod").param("oppen", "true"));
        assertThat(open.getElementById("vaxla-enhet-" + vof).attr("aria-expanded")).isEqualTo("false");
        assertThat(open.getElementById("under-" + von).select("> li")).hasSize(2);
        mvc.perform(get("/organisation/enhet/" + von + "/nod").param("oppen", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-expanded=\"false\"")))
                .andExpect(content().string(not(containsString("Vård- och omsorgsförvaltningen"))));
        mvc.perform(get("/organisation/enhet/" + unit("VOF-AO"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisationen under Äldreomsorg")))
                .andExpect(content().string(containsString("href=\"/organisation/enhet/" + vof + "\"")))
                .andExpect(content().string(containsString("Hemtjänst Norr")))
                .andExpect(content().string(containsString("VOF-HN")))
                .andExpect(content().string(containsString("– Enhet")));
        mvc.perform(get("/organisation/enhet/999999/nod")).andExpect(status().isNotFound());
        mvc.perform(get("/organisation/enhet/999999")).andExpect(status().isNotFound());
    }

    @Test
    void another_municipalitys_unit_is_not_found() throws Exception {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into municipality (name, kolada_id, near_target_tolerance) values ('Annan kommun', '9999', 5)").update(key, "id");
        long other = insert(key.getKey().longValue(), unit("VON"), "ENHET", "Främmande enhet", "FR");
        jdbc.sql("update org_unit set parent_id = null where id = ?").param(other).update();
        mvc.perform(get("/organisation/enhet/" + other)).andExpect(status().isNotFound());
        mvc.perform(get("/organisation/enhet/" + other + "/nod")).andExpect(status().isNotFound());
        mvc.perform(get("/organisation/sok").param("q", "främmande")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga enheter matchar")));
    }

    @Test
    void the_search_finds_units_by_name_words_or_the_start_of_the_code_paged_with_the_path() throws Exception {
        mvc.perform(get("/organisation/sok").param("q", "norr hemtjänst")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hemtjänst Norr")))
                .andExpect(content().string(containsString("Kommunfullmäktige › Kommunstyrelsen › Vård- och omsorgsnämnden")));
        mvc.perform(get("/organisation/sok").param("q", "vof-hsv")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hälso- och sjukvårdsavdelningen")))
                .andExpect(content().string(containsString("Visar 1–1 av 1 enheter")));
        mvc.perform(get("/organisation/sok").param("q", "finnsintenågonstans")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga enheter matchar")));
        mvc.perform(get("/organisation/sok").param("q", "100%_")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga enheter matchar")));
        grow("VOF", 3, 10, "Sökbar");
        mvc.perform(get("/organisation/sok").param("q", "sökbar enhet")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visar 1–20 av 30 enheter")))
                .andExpect(content().string(containsString("Nästa sida")));
        mvc.perform(get("/organisation/sok").param("q", "sökbar enhet").param("sida", "2")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visar 21–30 av 30 enheter")))
                .andExpect(content().string(containsString("Föregående sida")));
        mvc.perform(get("/organisation/sok").param("q", "sökbar").param("sida", "x")).andExpect(status().isOk());
        mvc.perform(get("/organisation/sok")).andExpect(status().isOk());
    }

    @Test
    void pages_read_a_number_of_statements_that_does_not_grow_with_the_organisation() throws Exception {
        long von = unit("VON");
        List<RequestBuilder> requests = List.of(
                get("/organisation"),
                get("/organisation/enhet/" + von + "/nod").param("oppen", "true"),
                get("/organisation/enhet/" + unit("VOF")),
                get("/organisation/sok").param("q", "växande"));
        grow("VOF", 1, 2, "Växande");
        QueryCounter.clearNested();
        int[] small = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            small[i] = statements(requests.get(i));
        }
        grow("VOF", 20, 15, "Växande");
        grow("KS", 10, 5, "Växande");
        for (int i = 0; i < requests.size(); i++) {
            assertThat(statements(requests.get(i))).as("statements of request %d with 360 more units", i)
                    .isEqualTo(small[i]).isLessThan(15);
        }
        assertThat(QueryCounter.nestedConnections()).isEmpty();
    }
}
