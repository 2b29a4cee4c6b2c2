package se.styr.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.platform.SwedishFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The proposal editor's goals and indicators: saved from their fields, refused in Swedish, rows added, shown and published. */
@StyrIntegrationTest
@Transactional
class ProposalGoalsTest {

    static final String GOAL = "Prioriterat mål 1: Alingsås kommun leder utvecklingen mot ett hållbart samhälle.";
    static final String N04123 = "Köp av vård och omsorg, totalt, ska minska. Andel (%). (Kolada: N04123)";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ProposalService proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    long id(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    /** A new proposal of Vänsterpartiet on Budget 2026–2028 with one goal and seed 002's indicator N04123. */
    Map<String, String> newProposal() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("budgetId", String.valueOf(id("select b.id from budget b join plan_period p on p.id = b.period_id where p.name = ?",
                "Budget 2026–2028 (illustrativ grund)")));
        form.put("partyUnitId", String.valueOf(id("select id from org_unit where code = ?", "V")));
        form.put("title", "Målprov");
        form.put("taxChangeOre", "0");
        form.put("pkvShare", "100");
        form.put("volumeShare", "100");
        form.put("goal0.title", GOAL);
        form.put("goal0.ind0.text", N04123);
        form.put("goal0.ind0.kolada", "N04123");
        form.put("goal0.ind0.outcomeYear", "2024");
        form.put("goal0.ind0.outcome", "12,2%");
        form.put("goal0.ind0.targetYear", "2028");
        form.put("goal0.ind0.target", "7,5%");
        return form;
    }

    MockHttpServletRequestBuilder posted(String path, Map<String, String> form) {
        MockHttpServletRequestBuilder request = post(path).with(user(users.loadUserByUsername("partiV"))).with(csrf());
        form.forEach(request::param);
        return request;
    }

    @Test
    void theEditorSavesTheGoalsFromTheirFieldsAndShowsThem() throws Exception {
        Map<String, String> form = newProposal();
        form.put("goal1.title", "Prioriterat mål 2: I Alingsås kommun kan medborgarna lita på välfärden.");
        form.put("goal1.ind0.text", "");
        String location = mvc.perform(posted("/forslag", form)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        SignedIn.as(users, "partiV");
        assertThat(proposals.proposal(id).indicators()).containsExactly(
                new Proposal.Indicator(GOAL, N04123, "N04123", 2024, "12,2%", 2028, "7,5%"),
                new Proposal.Indicator(form.get("goal1.title"), null, null, null, null, null, null));

        mvc.perform(get("/forslag/" + id).with(user(users.loadUserByUsername("partiV")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<legend>Prioriterat mål 2</legend>")))
                .andExpect(content().string(containsString("name=\"goal0.ind0.outcome\" value=\"12,2%\"")))
                .andExpect(content().string(containsString("aria-label=\"Målets år, mål 1 rad 1\"")))
                .andExpect(content().string(containsString("<td>2024: 12,2%</td><td>2028: 7,5%</td>")));
    }

    @Test
    void badKoladaIdsYearsAndIndicatorsWithoutTheirGoalAreRefusedInSwedishAndNothingIsSaved() throws Exception {
        long versions = count("proposal_version");
        long indicators = count("proposal_indicator");
        Map<String, String> form = newProposal();
        form.put("goal0.ind0.kolada", "N4123");
        form.put("goal0.ind0.targetYear", "2020");
        form.put("goal1.title", "");
        form.put("goal1.ind0.text", "Valdeltagande i kommunalvalet ska öka. Andel (%). (Kolada: N05401)");
        form.put("goal1.ind0.outcomeYear", "25");
        mvc.perform(posted("/forslag", form)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kolada-id ska vara N eller U följt av fem siffror")))
                .andExpect(content().string(containsString("Målåret 2020 ligger före utfallsåret 2024.")))
                .andExpect(content().string(containsString("Ange ett år mellan 1990 och 2100.")))
                .andExpect(content().string(containsString("Ange formuleringen av mål 2: det har indikatorer.")))
                .andExpect(content().string(containsString("href=\"#goal0.ind0.kolada\"")))
                .andExpect(content().string(containsString("value=\"N4123\"")));
        assertThat(count("proposal_version")).isEqualTo(versions);

        // saving a draft with a bad Kolada id keeps the draft as it was
        String location = mvc.perform(posted("/forslag", newProposal())).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Map<String, String> bad = newProposal();
        bad.put("version", "0");
        bad.put("title", "Ändrad");
        bad.put("goal0.ind0.kolada", "X04123");
        mvc.perform(posted("/forslag/" + id, bad)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kolada-id ska vara N eller U följt av fem siffror")));
        SignedIn.as(users, "partiV");
        assertThat(proposals.proposal(id).title()).isEqualTo("Målprov");
        assertThat(proposals.proposal(id).indicators()).extracting(Proposal.Indicator::koladaId).containsExactly("N04123");
        assertThat(count("proposal_indicator")).isEqualTo(indicators + 1);
    }

    @Test
    void theAddButtonsShowTheEditorWithAnotherEmptyRowAndSaveNothing() throws Exception {
        SignedIn.as(users, "partiV");
        Proposal v = proposals.visible().stream().filter(p -> p.title().equals("Vänsterpartiets budgetförslag 2026–2028")).findFirst()
                .orElseThrow();
        long versions = count("proposal_version");
        Map<String, String> form = new LinkedHashMap<>(ProposalForm.of(v, new SwedishFormat()));
        form.put("version", String.valueOf(v.version()));
        form.put("budgetId", String.valueOf(v.budgetId()));
        form.put("partyUnitId", String.valueOf(v.partyUnitId()));
        form.put("title", "Ändrad men inte sparad");
        form.put("addIndicator", "2");
        // goal 3 of seed 002 has five indicators (rows 0–4): the button adds row 5, empty, where the focus goes
        Document page = Jsoup.parse(mvc.perform(posted("/forslag/" + v.id(), form)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Element added = page.getElementById("goal2.ind5.text");
        assertThat(added.text()).isEmpty();
        assertThat(added.attr("aria-label")).isEqualTo("Indikator, mål 3 rad 6");
        assertThat(added.hasAttr("autofocus")).isTrue();
        assertThat(page.select("[autofocus]")).hasSize(1);
        assertThat(page.getElementById("goal2.ind4.text").text()).startsWith("Kommunens arbete för att förbättra integration");
        assertThat(page.getElementById("goal3.title")).isNull();
        assertThat(page.getElementById("title").val()).isEqualTo("Ändrad men inte sparad");
        assertThat(count("proposal_version")).isEqualTo(versions);
        SignedIn.as(users, "partiV");
        assertThat(proposals.proposal(v.id()).title()).isEqualTo("Vänsterpartiets budgetförslag 2026–2028");

        Map<String, String> fresh = newProposal();
        fresh.put("addGoal", "1");
        Document withGoal = Jsoup.parse(mvc.perform(posted("/forslag", fresh)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(withGoal.select("fieldset.goal > legend")).extracting(Element::text).containsExactly("Prioriterat mål 1", "Prioriterat mål 2");
        assertThat(withGoal.getElementById("goal1.title").hasAttr("autofocus")).isTrue();
        assertThat(withGoal.getElementById("goal1.ind0.text")).isNotNull();
        assertThat(withGoal.getElementById("goal0.ind0.kolada").val()).isEqualTo("N04123");
        assertThat(count("proposal_version")).isEqualTo(versions);
    }

    @Test
    void thePreviewReadsTheGoalFields() throws Exception {
        Map<String, String> form = newProposal();
        mvc.perform(posted("/forslag/forhandsgranska", form)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Balanskravet")));
        form.put("goal0.ind0.outcomeYear", "tjugo");
        mvc.perform(posted("/forslag/forhandsgranska", form)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett heltal.")));
    }

    @Test
    void thePublishedJsonHasYearsAndValuesAndAnEarlierSnapshotStillShows() throws Exception {
        long id = id("select id from proposal_version where title = ?", "Vänsterpartiets budgetförslag 2026–2028");
        String snapshot = jdbc.sql("select snapshot from proposal_version where id = ?").param(id).query(String.class).single();
        assertThat(snapshot).doesNotContain("outcomeText", "goalOnly");
        mvc.perform(get("/api/v1/public/proposals/" + id).with(anonymous())).andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.indicators[?(@.koladaId == 'N04123')].outcomeYear").value(contains(2024)))
                .andExpect(jsonPath("$.proposal.indicators[?(@.koladaId == 'N04123')].outcome").value(contains("12,2%")))
                .andExpect(jsonPath("$.proposal.indicators[?(@.koladaId == 'N04123')].targetYear").value(contains(2028)))
                .andExpect(jsonPath("$.proposal.indicators[?(@.koladaId == 'N04123')].target").value(contains("7,5%")));

        // A version published before outcome and target had years of their own keeps its snapshot as it was.
        ObjectNode earlier = (ObjectNode) json.readTree(snapshot);
        for (JsonNode indicator : earlier.get("proposal").get("indicators")) {
            ObjectNode i = (ObjectNode) indicator;
            if (!i.get("outcomeYear").isNull()) {
                i.put("outcome", "Utfall " + i.get("outcomeYear").asInt() + ": " + i.get("outcome").asString());
                i.put("target", "Mål " + i.get("targetYear").asInt() + ": " + i.get("target").asString());
            }
            i.remove(List.of("outcomeYear", "targetYear"));
        }
        jdbc.sql("update proposal_version set snapshot = ? where id = ?").params(json.writeValueAsString(earlier), id).update();
        mvc.perform(get("/publicerat/forslag/" + id).with(anonymous())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>Utfall 2024: 12,2%</td><td>Mål 2028: 7,5%</td>")));
        mvc.perform(get("/api/v1/public/proposals/" + id).with(anonymous())).andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.indicators[?(@.koladaId == 'N04123')].outcome").value(contains("Utfall 2024: 12,2%")));
    }
}
