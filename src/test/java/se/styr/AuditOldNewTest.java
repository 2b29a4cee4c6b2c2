package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The writes whose audit entries no other test read: each one leaves exactly one entry, by the person who made it,
 * with what the object was before and what it became. A database of its own with the demo, as the writes are real.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("db")
class AuditOldNewTest extends MvcTestSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "auditoldnew");
    }

    private int version(String table, long id) {
        return jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void a_budget_decided_and_revised() throws Exception {
        long budget = id("select b.id from budget b join plan_period p on p.id = b.period_id where p.name = 'Budget 2022–2024' "
                + "order by b.version_no desc limit 1");
        String state = jdbc.sql("select state from budget where id = ?").param(budget).query(String.class).single();
        AuditTrail decided = AuditTrail.mark(jdbc);
        mvc.perform(post("/api/v1/budgets/" + budget + "/decision").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("budget", budget) + ",\"decidedOn\":\"2021-11-24\",\"paragraph\":\"KF § 155\"}"))
                .andExpect(status().isOk());
        decided.changed("BUDGET", budget, "admin", "\"status\":\"" + state + "\"", "\"paragraf\":\"KF § 155\"");

        AuditTrail revised = AuditTrail.mark(jdbc);
        mvc.perform(post("/api/v1/budgets/" + budget + "/revisions").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version("budget", budget) + "}"))
                .andExpect(status().is2xxSuccessful());
        long next = id("select id from budget where created_from = ?", budget);
        int from = jdbc.sql("select version_no from budget where id = ?").param(budget).query(Integer.class).single();
        revised.changed("BUDGET", next, "admin", "\"version\":" + from, "\"version\":" + (from + 1));
    }

    @Test
    void a_round_decided_and_reopened_for_correction() throws Exception {
        long round = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        AuditTrail decided = AuditTrail.mark(jdbc);
        mvc.perform(post("/api/v1/rounds/" + round + "/decision").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version("followup_round", round) + ",\"decidedOn\":\"2022-09-27\","
                                + "\"decisionRef\":\"VON § 80, 2022-09-27\",\"confirmUnapproved\":true}"))
                .andExpect(status().isOk());
        AuditTrail.Entry entry = decided.changed("followup_round", round, "controller", "\"state\":\"", "\"state\":\"BESLUTAD\"");
        assertThat(entry.oldValue()).doesNotContain("BESLUTAD");
        assertThat(entry.summary()).contains("VON § 80, 2022-09-27");

        AuditTrail reopened = AuditTrail.mark(jdbc);
        mvc.perform(post("/uppfoljning/" + round + "/rattelse").with(as("controller")).with(csrf())
                        .param("version", String.valueOf(version("followup_round", round))).param("reason", "Fel i sjukfrånvaron"))
                .andExpect(status().is3xxRedirection());
        AuditTrail.Entry reopen = reopened.changed("followup_round", round, "controller", "\"state\":\"BESLUTAD\"", "\"state\":\"");
        assertThat(reopen.newValue()).doesNotContain("BESLUTAD");
        assertThat(reopened.entries("followup_round", round).get(0).summary()).contains("Fel i sjukfrånvaron");
    }

    @Test
    void a_goal_object_moved_and_retired() throws Exception {
        long goal = id("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'");
        long parent = id("select parent_id from goal_object where id = ?", goal);
        long other = id("select min(o.id) from goal_object o join goal_object p on p.id = ? "
                + "where o.kind = p.kind and o.id <> p.id and o.period_id = p.period_id and o.owner_unit_id = p.owner_unit_id", parent);
        AuditTrail moved = AuditTrail.mark(jdbc);
        mvc.perform(post("/api/v1/objects/" + goal + "/move").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + other + ",\"version\":" + version("goal_object", goal) + "}"))
                .andExpect(status().isOk());
        AuditTrail.Entry move = moved.changed("goal_object", goal, "admin", "\"parentId\":" + parent, "\"parentId\":" + other);
        assertThat(move.action()).isEqualTo("FLYTTAD");

        AuditTrail retired = AuditTrail.mark(jdbc);
        mvc.perform(post("/api/v1/objects/" + goal + "/retire").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version("goal_object", goal) + "}"))
                .andExpect(status().isOk());
        AuditTrail.Entry retire = retired.entries("goal_object", goal).get(0);
        assertThat(retire.actor()).isEqualTo("admin");
        assertThat(retire.oldValue()).contains("\"retired\":false");
        assertThat(retire.newValue()).contains("\"retired\":true");
    }

    @Test
    void a_financial_goal_changed_and_removed() throws Exception {
        Map<String, Object> goal = jdbc.sql("select id, kind, title, threshold from financial_goal order by id limit 1").query().singleRow();
        long id = ((Number) goal.get("id")).longValue();
        String threshold = new java.math.BigDecimal(goal.get("threshold").toString()).stripTrailingZeros().toPlainString().replace('.', ',');
        AuditTrail changed = AuditTrail.mark(jdbc);
        mvc.perform(post("/ekonomi/finansiella-mal/" + id).with(as("admin")).with(csrf())
                        .param("version", String.valueOf(version("financial_goal", id))).param("kind", (String) goal.get("kind"))
                        .param("title", "Ändrad titel för granskningen").param("threshold", threshold))
                .andExpect(status().is3xxRedirection());
        changed.changed(FINANCIAL_GOAL, id, "admin",
                "\"titel\":\"" + goal.get("title") + "\"", "\"titel\":\"Ändrad titel för granskningen\"");

        AuditTrail removed = AuditTrail.mark(jdbc);
        mvc.perform(post("/ekonomi/finansiella-mal/" + id + "/ta-bort").with(as("admin")).with(csrf())
                        .param("version", String.valueOf(version("financial_goal", id))))
                .andExpect(status().is3xxRedirection());
        removed.changed(FINANCIAL_GOAL, id, "admin", "\"titel\":\"Ändrad titel för granskningen\"", null);
        assertThat(jdbc.sql("select count(*) from financial_goal where id = ?").param(id).query(Long.class).single()).isZero();
    }

    /** The financial goals' audit type (package-private in the economy module). */
    private static final String FINANCIAL_GOAL = "FINANSIELLT_MAL";

    @Test
    void a_proposal_published() throws Exception {
        long base = id("select b.id from budget b join plan_period p on p.id = b.period_id "
                + "where p.name = 'Budget 2025–2027 (illustrativ grund)' order by b.version_no desc limit 1");
        String created = mvc.perform(post("/forslag").with(as("partiV")).with(csrf()).param("budgetId", String.valueOf(base))
                        .param("partyUnitId", String.valueOf(id("select id from org_unit where code = 'V'"))).param("title", "Att publicera")
                        .param("taxChangeOre", "10").param("pkvShare", "100").param("volumeShare", "100").param("taxBase2025", "9985000000")
                        .param("taxBase2026", "10324000000").param("taxBase2027", "10754000000"))
                .andReturn().getResponse().getRedirectedUrl();
        long proposal = Long.parseLong(created.substring("/forslag/".length()));
        AuditTrail published = AuditTrail.mark(jdbc);
        mvc.perform(post("/forslag/" + proposal + "/publicera").with(as("partiV")).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        published.changed("PROPOSAL", proposal, "partiV", "\"status\":\"UTKAST\"", "\"status\":\"PUBLICERAD\"");
    }
}
