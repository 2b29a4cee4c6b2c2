package se.styr.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/**
 * The organisation's administration pages: add, edit, move, order, retire and reactivate a unit, each with the unit's
 * history and an audit entry old → new; every problem of a form at once in Swedish with 400; someone else's change
 * meanwhile 409; a controller outside their scope and a reader 403 with nothing changed.
 */
@StyrIntegrationTest
@Transactional
class OrganisationAdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select name, code, type, parent_id, position, active, version from org_unit where id = ?").param(id)
                .query().singleRow();
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(username))).with(csrf());
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'org_unit'").query(Long.class).single();
    }

    private Map<String, Object> lastAudit() {
        return jdbc.sql("select action, summary, old_value, new_value, actor from audit_entry where object_type = 'org_unit'"
                + " order by id desc limit 1").query().singleRow();
    }

    @Test
    void an_administrator_adds_a_unit_under_a_department_at_a_place_and_it_is_audited() throws Exception {
        long ao = unit("VOF-AO");
        mvc.perform(as("admin", get("/organisation/enhet/" + ao + "/ny"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ny enhet under Äldreomsorg")))
                .andExpect(content().string(containsString("<option value=\"ENHET\"")))
                .andExpect(content().string(not(containsString("<option value=\"NAMND\""))));
        var result = mvc.perform(as("admin", post("/organisation/enhet/" + ao + "/ny"))
                        .param("type", "ENHET").param("name", " Hemtjänst Söder ").param("code", "VOF-HS").param("position", "2"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = jdbc.sql("select id from org_unit where code = 'VOF-HS'").query(Long.class).single();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organisation/enhet/" + id);
        assertThat(row(id)).containsEntry("NAME", "Hemtjänst Söder").containsEntry("PARENT_ID", ao).containsEntry("POSITION", 2);
        List<String> order = jdbc.sql("select name from org_unit where parent_id = ? order by position").param(ao)
                .query(String.class).list();
        assertThat(order).containsExactly("Hemtjänst Norr", "Hemtjänst Söder", "Haga hemtjänst 1", "Brunnen",
                "Förebyggandeenheten");
        Map<String, Object> audit = lastAudit();
        assertThat(audit.get("ACTION")).isEqualTo("SKAPAD");
        assertThat(audit.get("ACTOR")).isEqualTo("admin");
        assertThat(audit.get("OLD_VALUE")).isNull();
        assertThat(audit.get("NEW_VALUE").toString()).contains("\"namn\":\"Hemtjänst Söder\"", "\"kod\":\"VOF-HS\"",
                "\"overordnad\":\"Äldreomsorg\"");
        mvc.perform(as("admin", get("/organisation/enhet/" + id))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skapad")))
                .andExpect(content().string(containsString("Alva Administratör")));
    }

    @Test
    void a_form_with_mistakes_shows_every_problem_at_once_and_changes_nothing() throws Exception {
        long ks = unit("KS");
        long before = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        long audits = auditCount();
        String page = mvc.perform(as("admin", post("/organisation/enhet/" + ks + "/ny"))
                        .param("type", "ENHET").param("name", "  ").param("code", "von").param("position", "0"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        Document html = Jsoup.parse(page);
        assertThat(html.select(".error-summary li").eachText()).containsExactlyInAnyOrder(
                "Ange enhetens namn.",
                "Koden von används redan av Vård- och omsorgsnämnden. Koden ska vara unik i kommunen, även mot avvecklade enheter.",
                "En enhet av typen Enhet kan inte ligga under Kommunstyrelsen.",
                "Platsen ska vara ett heltal från 1 och uppåt.");
        assertThat(html.select("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from org_unit").query(Long.class).single()).isEqualTo(before);
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    void a_moved_and_renamed_unit_keeps_its_history_and_the_page_shows_it() throws Exception {
        long hn = unit("VOF-HN");
        long fs = unit("VOF-FS");
        int version = (Integer) row(hn).get("VERSION");
        mvc.perform(as("admin", get("/organisation/enhet/" + hn + "/flytta")).param("enhet", "funktionsstöd"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + fs + "\"")));
        mvc.perform(as("admin", post("/organisation/enhet/" + hn + "/flytta")).param("parentId", String.valueOf(fs))
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/organisation/enhet/" + hn));
        assertThat(row(hn)).containsEntry("PARENT_ID", fs).containsEntry("POSITION", 3);
        Map<String, Object> audit = lastAudit();
        assertThat(audit.get("ACTION")).isEqualTo("FLYTTAD");
        assertThat(audit.get("OLD_VALUE").toString()).contains("\"overordnad\":\"Äldreomsorg\"");
        assertThat(audit.get("NEW_VALUE").toString()).contains("\"overordnad\":\"Funktionsstöd\"");

        mvc.perform(as("admin", post("/organisation/enhet/" + hn + "/andra")).param("type", "ENHET")
                        .param("name", "Hemtjänst Norra").param("code", "VOF-HNO").param("version", String.valueOf(version + 1)))
                .andExpect(status().is3xxRedirection());
        audit = lastAudit();
        assertThat(audit.get("ACTION")).isEqualTo("ANDRAD");
        assertThat(audit.get("OLD_VALUE").toString()).contains("\"namn\":\"Hemtjänst Norr\"", "\"kod\":\"VOF-HN\"");
        assertThat(audit.get("NEW_VALUE").toString()).contains("\"namn\":\"Hemtjänst Norra\"", "\"kod\":\"VOF-HNO\"");

        Document page = Jsoup.parse(mvc.perform(as("politiker", get("/organisation/enhet/" + hn))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<String> rows = page.select("table tbody tr").eachText();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("Namn eller kod ändrad", "Hemtjänst Norr (VOF-HN)", "Hemtjänst Norra (VOF-HNO)",
                "Alva Administratör");
        assertThat(rows.get(1)).contains("Flyttad", "under Äldreomsorg", "under Funktionsstöd", "Alva Administratör");
        assertThat(page.select(".actions a").eachText()).as("a reader sees no actions").isEmpty();
    }

    @Test
    void a_unit_cannot_move_under_itself_or_a_unit_of_the_wrong_type() throws Exception {
        long vof = unit("VOF");
        long ao = unit("VOF-AO");
        long sn = unit("SN");
        int version = (Integer) row(vof).get("VERSION");
        Document page = Jsoup.parse(mvc.perform(as("admin", post("/organisation/enhet/" + vof + "/flytta"))
                        .param("parentId", String.valueOf(ao)).param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary li").eachText()).containsExactlyInAnyOrder(
                "Vård- och omsorgsförvaltningen kan inte flyttas till sig själv eller till en enhet som ligger under den.",
                "En enhet av typen Förvaltning kan inte ligga under Äldreomsorg.");
        mvc.perform(as("admin", post("/organisation/enhet/" + ao + "/flytta"))
                        .param("parentId", String.valueOf(sn)).param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("En enhet av typen Avdelning kan inte ligga under Socialnämnden.")));
        assertThat(row(vof).get("PARENT_ID")).isEqualTo(unit("VON"));
    }

    @Test
    void someone_elses_change_meanwhile_is_a_conflict_and_nothing_is_saved() throws Exception {
        long hn = unit("VOF-HN");
        int version = (Integer) row(hn).get("VERSION");
        mvc.perform(as("admin", post("/organisation/enhet/" + hn + "/andra")).param("type", "ENHET")
                        .param("name", "Hemtjänst Nord").param("code", "VOF-HN").param("version", String.valueOf(version + 5)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan har sparat ändringar")));
        assertThat(row(hn).get("NAME")).isEqualTo("Hemtjänst Norr");
    }

    @Test
    void the_tree_orders_units_with_up_and_down_buttons_and_htmx_gets_the_parent_back() throws Exception {
        long ao = unit("VOF-AO");
        long brunnen = unit("81160");
        String tree = mvc.perform(as("admin", get("/organisation/enhet/" + ao))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(tree);
        assertThat(page.select("#upp-" + unit("VOF-HN"))).as("the first has no up button").isEmpty();
        assertThat(page.select("#upp-" + brunnen).text()).isEqualTo("↑Flytta upp Brunnen");

        long audits = auditCount();
        String fragment = mvc.perform(as("admin", post("/organisation/enhet/" + brunnen + "/ordning")).param("riktning", "upp")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(fragment).select("li#enhet-" + ao + " > ul > li > span.unit > a").eachText())
                .containsExactly("Hemtjänst Norr", "Brunnen", "Haga hemtjänst 1", "Förebyggandeenheten");
        assertThat(Jsoup.parse(fragment).select("#upp-" + brunnen)).as("the focus stays on the same button").hasSize(1);
        assertThat(auditCount()).isEqualTo(audits + 1);
        assertThat(lastAudit().get("OLD_VALUE").toString()).contains("\"plats\":3");
        assertThat(lastAudit().get("NEW_VALUE").toString()).contains("\"plats\":2");

        mvc.perform(as("admin", post("/organisation/enhet/" + brunnen + "/ordning")).param("riktning", "ned"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/organisation/enhet/" + ao + "#enhet-" + brunnen));
        assertThat(row(brunnen).get("POSITION")).isEqualTo(3);
        mvc.perform(as("admin", post("/organisation/enhet/" + brunnen + "/ordning")).param("riktning", "sidled"))
                .andExpect(status().isBadRequest());
    }

    private long create(String user, long parent, String type, String name, String code) throws Exception {
        mvc.perform(as(user, post("/organisation/enhet/" + parent + "/ny")).param("type", type).param("name", name)
                .param("code", code)).andExpect(status().is3xxRedirection());
        return unit(code);
    }

    @Test
    void retiring_asks_about_the_units_below_and_is_refused_while_work_hangs_on_them() throws Exception {
        long pa = create("admin", unit("VOF"), "AVDELNING", "Planeringsavdelningen", "VOF-PA");
        create("admin", pa, "ENHET", "Planering Norr", "VOF-PAN");
        long south = create("admin", pa, "ENHET", "Planering Söder", "VOF-PAS");
        int version = (Integer) row(pa).get("VERSION");
        mvc.perform(as("admin", get("/organisation/enhet/" + pa + "/avveckla"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Avveckla även de 2 aktiva enheterna under")));
        Document refused = Jsoup.parse(mvc.perform(as("admin", post("/organisation/enhet/" + pa + "/avveckla"))
                        .param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".error-summary li").eachText()).containsExactly(
                "Planeringsavdelningen har 2 aktiva enheter under sig. Avveckla eller flytta dem först, eller välj att avveckla dem tillsammans med Planeringsavdelningen.");
        assertThat(row(pa).get("ACTIVE")).isEqualTo(true);

        mvc.perform(as("admin", post("/organisation/enhet/" + pa + "/avveckla")).param("version", String.valueOf(version))
                        .param("withUnitsBelow", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from org_unit where (id = ? or parent_id = ?) and active = false").params(pa, pa)
                .query(Long.class).single()).isEqualTo(3);
        Map<String, Object> audit = lastAudit();
        assertThat(audit.get("ACTION")).isEqualTo("AVVECKLAD");
        assertThat(audit.get("OLD_VALUE").toString()).contains("\"aktiv\":true");
        assertThat(audit.get("NEW_VALUE").toString()).contains("\"aktiv\":false", "\"avveckladeUnder\":2");
        mvc.perform(as("admin", get("/organisation/enhet/" + pa))).andExpect(content().string(containsString("Avvecklad")))
                .andExpect(content().string(containsString("Återaktivera")));
        mvc.perform(as("admin", post("/organisation/enhet/" + pa + "/ny")).param("type", "ENHET").param("name", "Ny"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Planeringsavdelningen är avvecklad.")));

        mvc.perform(as("admin", post("/organisation/enhet/" + south + "/ateraktivera"))
                        .param("version", String.valueOf(row(south).get("VERSION"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Planeringsavdelningen är avvecklad. Återaktivera den först")));
        mvc.perform(as("admin", post("/organisation/enhet/" + pa + "/ateraktivera"))
                        .param("version", String.valueOf(row(pa).get("VERSION"))))
                .andExpect(status().is3xxRedirection());
        assertThat(row(pa).get("ACTIVE")).isEqualTo(true);
        assertThat(row(south).get("ACTIVE")).as("only the unit itself").isEqualTo(false);
        assertThat(lastAudit().get("ACTION")).isEqualTo("ATERAKTIVERAD");
    }

    @Test
    void a_committee_with_goals_and_open_tasks_is_not_retired() throws Exception {
        long von = unit("VON");
        String page = mvc.perform(as("admin", post("/organisation/enhet/" + von + "/avveckla"))
                        .param("version", String.valueOf(row(von).get("VERSION"))).param("withUnitsBelow", "true"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select(".error-summary li").eachText())
                .anySatisfy(m -> assertThat(m).contains("aktiva objekt i styrkedjan"))
                .anySatisfy(m -> assertThat(m).contains("uppföljningsuppgifter som inte är godkända"));
        assertThat(jdbc.sql("select count(*) from org_unit where active = false").query(Long.class).single()).isZero();
    }

    @Test
    void a_controller_changes_what_lies_below_their_unit_and_nothing_else() throws Exception {
        long von = unit("VON");
        long vof = unit("VOF");
        long sn = unit("SN");
        mvc.perform(as("controller", post("/organisation/enhet/" + vof + "/ny")).param("type", "AVDELNING")
                        .param("name", "Planeringsavdelningen"))
                .andExpect(status().is3xxRedirection());
        long audits = auditCount();
        long units = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        mvc.perform(as("controller", post("/organisation/enhet/" + sn + "/ny")).param("type", "FORVALTNING")
                .param("name", "Socialförvaltningen")).andExpect(status().isForbidden());
        mvc.perform(as("controller", post("/organisation/enhet/" + von + "/andra")).param("type", "NAMND")
                .param("name", "Omsorgsnämnden").param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(as("controller", get("/organisation/enhet/" + von + "/andra"))).andExpect(status().isForbidden());
        mvc.perform(as("controller", post("/organisation/enhet/" + vof + "/flytta"))
                .param("parentId", String.valueOf(sn)).param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(as("politiker", post("/organisation/enhet/" + vof + "/ny")).param("type", "AVDELNING")
                .param("name", "Ny")).andExpect(status().isForbidden());
        mvc.perform(as("politiker", post("/organisation/enhet/" + unit("VOF-AO") + "/ordning")).param("riktning", "ned"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from org_unit").query(Long.class).single()).isEqualTo(units);
        assertThat(row(von).get("NAME")).isEqualTo("Vård- och omsorgsnämnden");
        assertThat(row(vof).get("PARENT_ID")).isEqualTo(von);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'org_unit'").query(Long.class).single())
                .as("no change was audited; only the refusals are").isEqualTo(audits);

        Document tree = Jsoup.parse(mvc.perform(as("controller", get("/organisation/enhet/" + von)))
                .andReturn().getResponse().getContentAsString());
        assertThat(tree.select("#upp-" + vof + ", #ned-" + vof)).as("below VON: may order").isNotEmpty();
        assertThat(tree.select(".actions a").eachText()).containsExactly("Lägg till en enhet under");
    }

    @Test
    void the_tree_actions_read_a_fixed_number_of_statements() throws Exception {
        long ao = unit("VOF-AO");
        long brunnen = unit("81160");
        QueryCounter.reset();
        mvc.perform(as("controller", post("/organisation/enhet/" + brunnen + "/ordning")).param("riktning", "upp")
                .header("HX-Request", "true")).andExpect(status().isOk());
        int small = QueryCounter.statements();
        QueryCounter.reset();
        mvc.perform(as("controller", get("/organisation/enhet/" + ao))).andExpect(status().isOk());
        int pageSmall = QueryCounter.statements();
        for (int i = 0; i < 30; i++) {
            mvc.perform(as("admin", post("/organisation/enhet/" + ao + "/ny")).param("type", "ENHET").param("name", "Ny " + i))
                    .andExpect(status().is3xxRedirection());
        }
        QueryCounter.reset();
        mvc.perform(as("controller", post("/organisation/enhet/" + brunnen + "/ordning")).param("riktning", "ned")
                .header("HX-Request", "true")).andExpect(status().isOk());
        assertThat(QueryCounter.statements()).isEqualTo(small);
        QueryCounter.reset();
        mvc.perform(as("controller", get("/organisation/enhet/" + ao))).andExpect(status().isOk());
        assertThat(QueryCounter.statements()).isEqualTo(pageSmall);
        assertThat(pageSmall).isLessThan(25);
    }
}
