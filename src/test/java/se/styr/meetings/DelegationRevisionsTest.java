package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * The revision of VON's delegation order from seed 004 (item 6, 2022.005 VON) as the demo drafts it: while a draft it
 * changes nothing; decided as "VON § 6" on 2022-09-27 and valid from 2022-10-01 it ends the old version of 3.2.3
 * (särskilt boende, biståndshandläggare) and starts the new (förvaltningschef) and the three new points; the decision
 * registered in August keeps pointing at the version valid then, and the page shows the history.
 */
@StyrIntegrationTest
@Transactional
class DelegationRevisionsTest extends MvcTestSupport {

    private long revision() {
        return jdbc.sql("select id from delegation_revision where title = 'Revidering av delegationsordningen 2022'")
                .query(Long.class).single();
    }

    private List<String> current(String code) {
        return jdbc.sql("select delegate from delegation_matter where code = ? and valid_to is null").param(code)
                .query(String.class).list();
    }

    private int version(long revision) {
        return jdbc.sql("select version from delegation_revision where id = ?").param(revision).query(Integer.class).single();
    }

    @Test
    void a_draft_changes_nothing_a_decided_revision_changes_the_order_from_its_day_and_keeps_the_history() throws Exception {
        long r = revision();
        long oldRow = jdbc.sql("select id from delegation_matter where code = '3.2.3'").query(Long.class).single();
        assertThat(current("3.2.3")).containsExactly("Biståndshandläggare");
        assertThat(current("3.2.5")).isEmpty();
        String page = mvc.perform(get("/namnd/delegation").with(as("sekreterare"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Revidering av delegationsordningen 2022", "Utkast – gäller inte", "Beslut om boendestöd");

        // a decision is required with its paragraph
        String refused = mvc.perform(post("/namnd/delegation/revideringar/{id}/beslut", r).param("version", "" + version(r))
                        .param("decisionRef", "antagen").param("decidedOn", "2022-09-27").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Ange beslutets paragraf som organ och paragraf");
        assertThat(current("3.2.5")).isEmpty();
        mvc.perform(post("/namnd/delegation/revideringar/{id}/beslut", r).param("version", "" + version(r))
                        .param("decisionRef", "VON § 6").param("decidedOn", "2022-09-27").with(as("politiker")).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/namnd/delegation/revideringar/{id}/beslut", r).param("version", "" + version(r))
                        .param("decisionRef", "VON § 6").param("decidedOn", "2022-09-27").param("validFrom", "2022-10-01")
                        .with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(current("3.2.3")).containsExactly("Förvaltningschef");
        assertThat(current("3.2.5")).containsExactly("Enhetschef myndighetsavdelningen");
        assertThat(current("3.2.6")).containsExactly("Enhetschef myndighetsavdelningen");
        assertThat(current("3.2.7")).containsExactly("Förvaltningschef");
        assertThat(jdbc.sql("select cast(valid_to as varchar(10)) from delegation_matter where id = ?").param(oldRow)
                .query(String.class).single()).isEqualTo("2022-09-30");
        // the August decision keeps its version of 3.2.3
        assertThat(jdbc.sql("select matter_id from delegated_decision where decided_on = '2022-08-04'").query(Long.class).single())
                .isEqualTo(oldRow);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'delegation_revision' and object_id = ? and summary like '%VON § 6%'")
                .param(r).query(Long.class).single()).isEqualTo(1);

        // a decision after the old version ended is refused against it; the new version takes it
        long newRow = jdbc.sql("select id from delegation_matter where code = '3.2.3' and valid_to is null").query(Long.class).single();
        String late = mvc.perform(post("/namnd/delegation/beslut").param("matterId", "" + oldRow).param("decidedOn", "2022-10-03")
                        .param("decidedBy", "Biståndshandläggare").param("summary", "Beviljat särskilt boende").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(late).contains("upphörde att gälla");
        mvc.perform(post("/namnd/delegation/beslut").param("matterId", "" + newRow).param("decidedOn", "2022-10-03")
                        .param("decidedBy", "Förvaltningschef").param("summary", "Beviljat särskilt boende").with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        page = mvc.perform(get("/namnd/delegation").with(as("sekreterare"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<strong>Beslutad</strong>", "VON § 6, 2022-09-27; gäller från 2022-10-01", "Tidigare versioner", "2022-09-30");

        // a decided revision cannot change
        String again = mvc.perform(post("/namnd/delegation/revideringar/{id}/andringar", r).param("kind", "NY").param("code", "9.9")
                        .param("matter", "X").param("delegate", "Y").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("Revideringen är redan beslutad");
    }

    @Test
    void a_new_draft_with_a_removal_is_not_valid_until_decided() throws Exception {
        long von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        mvc.perform(post("/namnd/delegation/revideringar").param("organ", "" + von).param("revTitle", "Korttidsboende tas bort")
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        long r = jdbc.sql("select id from delegation_revision where title = 'Korttidsboende tas bort'").query(Long.class).single();
        long matter = jdbc.sql("select id from delegation_matter where code = '3.2.4'").query(Long.class).single();
        mvc.perform(post("/namnd/delegation/revideringar/{id}/beslut", r).param("version", "" + version(r))
                        .param("decisionRef", "VON § 7").param("decidedOn", "2022-09-27").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/namnd/delegation/revideringar/{id}/andringar", r).param("kind", "BORTTAGEN").param("matterId", "" + matter)
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(current("3.2.4")).hasSize(1);
        mvc.perform(post("/namnd/delegation/revideringar/{id}/beslut", r).param("version", "" + version(r))
                        .param("decisionRef", "VON § 7").param("decidedOn", "2022-09-27").with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(current("3.2.4")).isEmpty();
        assertThat(jdbc.sql("select cast(valid_to as varchar(10)) from delegation_matter where id = ?").param(matter)
                .query(String.class).single()).isEqualTo("2022-09-26");
    }

    @Test
    void approving_the_minutes_that_decide_the_revisions_case_decides_it_with_the_paragraph() throws Exception {
        long r = revision();
        long m = jdbc.sql("select id from meeting where meets_on = '2022-09-27'").query(Long.class).single();
        java.util.function.IntSupplier meetingVersion = () -> jdbc.sql("select version from meeting where id = ?").param(m)
                .query(Integer.class).single();
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + meetingVersion.getAsInt())
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        int paragraph = jdbc.sql("select number from minutes_paragraph where meeting_id = ? and case_id = "
                + "(select id from meeting_case where year = 2022 and number = 5)").param(m).query(Integer.class).single();
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + meetingVersion.getAsInt())
                .with(as("justerare")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(current("3.2.5")).as("not valid before the minutes are approved").isEmpty();
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + meetingVersion.getAsInt())
                .with(as("ordforande")).with(csrf())).andExpect(status().is3xxRedirection());

        var row = jdbc.sql("select status, decision_ref, cast(decided_on as varchar(10)) as decided, decided_by from delegation_revision where id = ?")
                .param(r).query().singleRow();
        assertThat(row.get("status")).isEqualTo("BESLUTAD");
        assertThat(row.get("decision_ref")).isEqualTo("VON § " + paragraph);
        assertThat(row.get("decided")).isEqualTo("2022-09-27");
        assertThat(row.get("decided_by")).isEqualTo("ordforande");
        assertThat(current("3.2.3")).containsExactly("Förvaltningschef");
        assertThat(current("3.2.5")).containsExactly("Enhetschef myndighetsavdelningen");
    }

    @Test
    void a_revision_names_its_case_by_diarienummer() throws Exception {
        long von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        String refused = mvc.perform(post("/namnd/delegation/revideringar").param("organ", "" + von).param("revTitle", "Ny revidering")
                        .param("caseDnr", "2022.999 VON").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("2022.999 VON");
        mvc.perform(post("/namnd/delegation/revideringar").param("organ", "" + von).param("revTitle", "Ny revidering")
                .param("caseDnr", "2022.005 VON").with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select c.number from delegation_revision r join meeting_case c on c.id = r.case_id where r.title = 'Ny revidering'")
                .query(Integer.class).single()).isEqualTo(5);
    }
}
