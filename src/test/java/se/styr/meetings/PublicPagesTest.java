package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/**
 * The public pages and open JSON need no login and expose nothing undecided: draft and illustrative budgets, risk
 * analyses and IK plans sent for decision but not decided, and a party's draft proposal answer 404 by id, on the page
 * and in the JSON alike. The pages are tables with captions.
 */
@StyrIntegrationTest
@Transactional
class PublicPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String anonymous(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void every_public_list_is_open_without_login_and_the_index_links_them() throws Exception {
        String index = anonymous("/publicerat");
        for (String path : List.of("/publicerat/anslagstavla", "/publicerat/rapporter", "/publicerat/budget",
                "/publicerat/kvalitet", "/publicerat/forslag")) {
            assertThat(index).contains("href=\"" + path + "\"");
            String page = anonymous(path);
            assertThat(page).contains("<html lang=\"sv\"").doesNotContain("Logga ut");
        }
        assertThat(index).contains("<caption>");
        assertThat(anonymous("/publicerat/budget")).contains("<caption>Beslutade budgetar</caption>");
        assertThat(anonymous("/publicerat/kvalitet")).contains("<caption>Beslutade riskanalyser och internkontrollplaner</caption>");
        for (String path : List.of("/api/v1/public/budgets", "/api/v1/public/quality-documents", "/api/v1/public/proposals",
                "/api/v1/public/anslagstavla", "/api/v1/public/reports")) {
            assertThat(anonymous(path)).startsWith(path.endsWith("proposals") ? "{" : "[");
        }
    }

    @Test
    void nothing_undecided_or_unpublished_is_reachable_by_id() throws Exception {
        // every budget of the demo is a draft (the real one and the illustrative bases): none is public
        List<Long> budgets = jdbc.sql("select id from budget where state = 'UTKAST'").query(Long.class).list();
        assertThat(budgets).isNotEmpty();
        for (long b : budgets) {
            mvc.perform(get("/publicerat/budget/{id}", b)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/public/budgets/{id}", b)).andExpect(status().isNotFound());
        }
        // an illustrative budget marked decided is still no one's budget: not public
        long illustrative = id("select min(b.id) from budget b join plan_period p on p.id = b.period_id where p.illustrative = true");
        jdbc.sql("update budget set state = 'BESLUTAD', decided_on = '2021-11-22', decided_paragraph = 'KF § 1' where id = ?")
                .param(illustrative).update();
        mvc.perform(get("/publicerat/budget/{id}", illustrative)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/budgets/{id}", illustrative)).andExpect(status().isNotFound());
        assertThat(anonymous("/api/v1/public/budgets")).isEqualTo("[]");

        // a risk analysis sent for decision but not decided has no public version: its sending's id is not one
        long von = id("select id from org_unit where code = 'VON'");
        jdbc.sql("""
                insert into quality_document_submission (municipality_id, body_unit_id, year, kind, ready_at, sent_by)
                values ((select municipality_id from org_unit where id = ?), ?, 2022, 'RISKANALYS', current_timestamp, 'admin')""")
                .params(von, von).update();
        long sent = id("select max(id) from quality_document_submission");
        for (long v : List.of(sent, sent + 1, 999_999L)) {
            mvc.perform(get("/publicerat/kvalitet/{id}", v)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/public/quality-documents/{id}", v)).andExpect(status().isNotFound());
        }
        assertThat(anonymous("/api/v1/public/quality-documents")).isEqualTo("[]");

        // a party's draft proposal (no published version) is not public
        long base = id("select min(id) from budget");
        long party = id("select min(id) from org_unit where type = 'PARTIGRUPP'");
        jdbc.sql("insert into proposal (municipality_id, budget_id, party_unit_id) values ((select municipality_id from budget where id = ?), ?, ?)")
                .params(base, base, party).update();
        long draft = id("select max(id) from proposal");
        jdbc.sql("""
                insert into proposal_version (proposal_id, version_no, state, title, tax_change_ore, pkv_share, volume_share)
                values (?, 1, 'UTKAST', 'Hemligt utkast', 0, 50, 100)""").param(draft).update();
        mvc.perform(get("/publicerat/forslag/{id}", draft)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/proposals/{id}", draft)).andExpect(status().isNotFound());
        assertThat(anonymous("/publicerat/forslag")).doesNotContain("Hemligt utkast");
        assertThat(anonymous("/api/v1/public/proposals")).doesNotContain("Hemligt utkast");
    }
}
