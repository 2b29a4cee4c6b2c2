package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * VON's meeting of 2022-09-27 from seed 004 in the demo, held in Styr: the secretary opens the minutes and records the
 * decision on the delårsbokslut, chair and adjuster approve, the report becomes decided with its paragraph, the minutes
 * are frozen and posted on the public notice board. Refused roles and anonymous access on the way.
 */
@StyrIntegrationTest
@Transactional
class MeetingPagesTest extends MvcTestSupport {

    private long vonMeeting() {
        return id("select id from meeting where meets_on = '2022-09-27'");
    }

    private int version(long meeting) {
        return jdbc.sql("select version from meeting where id = ?").param(meeting).query(Integer.class).single();
    }

    @Test
    void the_demo_holds_the_meeting_as_the_seed_prints_it() throws Exception {
        long m = vonMeeting();
        String page = mvc.perform(get("/namnd/sammantraden/{id}", m).with(as("sekreterare"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1.", "Upprop och val av justerare", "A/", "Information om larmupphandling", "H/",
                "Förvaltningschefens information", "2022.229 VON", "2022.227 VON", "2022.005 VON", "2022.199 VON",
                "2022.234 VON", "2022.018 VON", "10.", "2022.210 VON-010", "2022.210 VON-012");
        assertThat(page).doesNotContain("I/");
        String au = mvc.perform(get("/publicerat/anslagstavla/{id}", id("select id from meeting where meets_on = '2022-09-20'")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(au).contains("§ 67", "2022.228 VON", "Vård- och omsorgsnämndens arbetsutskott", "tjänstgör för Lars Ledamot");
        // the delårsbokslut round's report is the case 2022.229 VON
        assertThat(id("select source_id from meeting_case where number = 229"))
                .isEqualTo(id("select min(id) from followup_round where type = 'DELARSBOKSLUT'"));
        byte[] pdf = mvc.perform(get("/namnd/sammantraden/{id}/kallelse.pdf", m).with(as("politiker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void held_minuted_approved_the_report_is_decided_with_its_paragraph_and_posted() throws Exception {
        long m = vonMeeting();
        long round = id("select source_id from meeting_case where number = 229");
        // the agenda is reordered by its buttons: the delårsbokslut moves up one and back again
        long item = id("select id from agenda_item where meeting_id = ? and case_id = (select id from meeting_case where number = 229)", m);
        mvc.perform(post("/namnd/sammantraden/{id}/punkter/{item}/flytta", m, item).param("riktning", "upp")
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/sammantraden/{id}/punkter/{item}/flytta", m, item).param("riktning", "ned")
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());

        // a reader and a unit manager may not open the minutes, nor may anyone not signed in
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version(m)).with(as("politiker")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version(m)).with(as("enhetschef2")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version(m)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("select status from meeting where id = ?").param(m).query(String.class).single()).isEqualTo("PLANERAT");

        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version(m)).with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // every numbered item got its paragraph, §§ 1–10 (VON has none before in 2022); the AU's § 67 is its own series
        List<Integer> numbers = jdbc.sql("select number from minutes_paragraph where meeting_id = ? order by number").param(m)
                .query(Integer.class).list();
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        long para = id("select id from minutes_paragraph where meeting_id = ? and case_id = (select id from meeting_case where number = 229)", m);
        int number = jdbc.sql("select number from minutes_paragraph where id = ?").param(para).query(Integer.class).single();
        assertThat(number).isEqualTo(5);
        // the case's förslag till beslut is the paragraph's starting proposal
        assertThat(jdbc.sql("select proposal from minutes_paragraph where id = ?").param(para).query(String.class).single())
                .isEqualTo("Vård- och omsorgsnämnden fastställer delårsbokslutet 2022.");

        mvc.perform(post("/namnd/sammantraden/{id}/protokoll/{p}", m, para).param("version", "0").param("title", "Delårsbokslut för vård- och omsorgsnämnden 2022")
                        .param("outcome", "BESLUT").param("decision", "")
                        .with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Ange beslutet")));
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll/{p}", m, para).param("version", "0").param("title", "Delårsbokslut för vård- och omsorgsnämnden 2022")
                        .param("outcome", "BESLUT").param("decision", "1. Vård- och omsorgsnämnden fastställer delårsbokslutet 2022.")
                        .param("reservations", "Ledamoten (KD) reserverar sig till förmån för eget förslag.")
                        .param("sendTo", "Kommunstyrelsen").with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // 2022.199 is sent back (återremiss): it goes back to a later agenda
        long sentBack = id("select id from minutes_paragraph where meeting_id = ? and case_id = (select id from meeting_case where number = 199)", m);
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll/{p}", m, sentBack).param("version", "0").param("title", "Återkallande")
                .param("outcome", "ATERREMISS").with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());

        // nothing is public before justering
        mvc.perform(get("/publicerat/anslagstavla/{id}", m)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/anslagstavla/{id}", m)).andExpect(status().isNotFound());
        mvc.perform(get("/publicerat/anslagstavla")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("2022-09-27"))));

        // the secretary is not the adjuster; the adjuster approves, then the chair
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("sekreterare")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("justerare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select state from followup_round where id = ?").param(round).query(String.class).single()).isEqualTo("OPPEN");
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("ordforande")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // the decision flowed back: the round is decided, its version kept with the paragraph as reference
        assertThat(jdbc.sql("select state from followup_round where id = ?").param(round).query(String.class).single()).isEqualTo("BESLUTAD");
        assertThat(jdbc.sql("select decision_ref from followup_report_version where round_id = ?").param(round).query(String.class).single())
                .isEqualTo("VON § 5, 2022-09-27");
        assertThat(jdbc.sql("select status from meeting_case where number = 229").query(String.class).single()).isEqualTo("BESLUTAT");
        assertThat(jdbc.sql("select status from meeting_case where number = 199").query(String.class).single()).isEqualTo("REGISTRERAT");
        mvc.perform(get("/uppfoljning/{id}/rapport/version/1", round).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("VON § 5, 2022-09-27")));

        // frozen: a change is a Swedish 409, for the secretary and the administrator alike
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll/{p}", m, para).param("version", "1").param("title", "Ändrat")
                        .param("outcome", "BESLUT").param("decision", "Något annat").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Protokollet är justerat och kan inte ändras")));
        mvc.perform(post("/namnd/sammantraden/{id}/punkter", m).param("kind", "PUNKT").param("title", "Sent tillägg")
                .with(as("admin")).with(csrf())).andExpect(status().isConflict());
        assertThat(jdbc.sql("select title from minutes_paragraph where id = ?").param(para).query(String.class).single())
                .isEqualTo("Delårsbokslut för vård- och omsorgsnämnden 2022");

        // the certified extract of § 5, and the public notice board without login, with the appeal date
        mvc.perform(get("/namnd/sammantraden/{id}/protokoll/{p}/utdrag", m, para).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Utdragsbestyrkande")))
                .andExpect(content().string(containsString("fastställer delårsbokslutet 2022")));
        java.time.LocalDate today = java.time.LocalDate.now(MinutesService.SWEDEN);
        mvc.perform(get("/publicerat/anslagstavla")).andExpect(status().isOk())
                .andExpect(content().string(containsString(today.plusWeeks(3).toString())));
        mvc.perform(get("/publicerat/anslagstavla/{id}", m)).andExpect(status().isOk())
                .andExpect(content().string(containsString("§ 5")))
                .andExpect(content().string(containsString("Ledamoten (KD) reserverar sig")));
        mvc.perform(get("/api/v1/public/anslagstavla")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].lastDayOfAppeal").value(today.plusWeeks(3).toString()));
        // the decided report is public too, exactly as decided, with its paragraph
        mvc.perform(get("/publicerat/rapporter")).andExpect(status().isOk())
                .andExpect(content().string(containsString("VON § 5, 2022-09-27")));
        mvc.perform(get("/publicerat/rapporter/{id}/version/1", round)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut")));
    }

    @Test
    void the_public_board_shows_approved_minutes_only_and_needs_no_login() throws Exception {
        String board = mvc.perform(get("/publicerat/anslagstavla")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("2022-09-20", "2022-10-13").doesNotContain("2022-09-27", "Logga ut");
        // the planned meeting, its cases, and the internal pages are not public
        mvc.perform(get("/publicerat/anslagstavla/{id}", vonMeeting())).andExpect(status().isNotFound());
        // no report is decided in the demo: none is public
        mvc.perform(get("/publicerat/rapporter")).andExpect(status().isOk()).andExpect(content().string(containsString("Inga.")));
        mvc.perform(get("/publicerat/rapporter/{id}/version/1", id("select min(id) from followup_round"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/anslagstavla/{id}", vonMeeting())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/public/anslagstavla")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].postedOn").value("2022-09-22"))
                .andExpect(jsonPath("$[0].lastDayOfAppeal").value("2022-10-13"));
        for (String page : List.of("/namnd/sammantraden", "/namnd/arenden", "/namnd/delegation",
                "/namnd/sammantraden/" + vonMeeting(), "/namnd/sammantraden/" + vonMeeting() + "/kallelse.pdf")) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void a_report_marked_ready_for_decision_becomes_a_case_and_cannot_be_decided_by_typing() throws Exception {
        long round = id("select min(id) from followup_round where type = 'DELARSBOKSLUT'");
        int v = jdbc.sql("select version from followup_round where id = ?").param(round).query(Integer.class).single();
        mvc.perform(get("/uppfoljning/{id}/rapport", round).with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skicka till nämnden för beslut")));
        // the demo's case is the round's: marking it ready finds it and registers no other
        mvc.perform(post("/uppfoljning/{id}/klar-for-beslut", round).param("version", "" + v).with(as("politiker")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/uppfoljning/{id}/klar-for-beslut", round).param("version", "" + v).with(as("controller")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select number from meeting_case where source_type = 'followup_round' and source_id = ?").param(round)
                .query(Integer.class).list()).containsExactly(229);
        // now the typed decision is refused and its form is gone
        mvc.perform(get("/uppfoljning/{id}/rapport", round).with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skickad till nämnden")))
                .andExpect(content().string(not(containsString("name=\"decisionRef\""))));
        int after = jdbc.sql("select version from followup_round where id = ?").param(round).query(Integer.class).single();
        mvc.perform(post("/uppfoljning/{id}/beslut", round).param("version", "" + after).param("decidedOn", "2022-09-27")
                .param("decisionRef", "VON § 80").param("confirmUnapproved", "true").with(as("controller")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("justerade protokollet")));
        // a report with no case yet gets one, with the next number of VON's year, in the same transaction
        jdbc.sql("update followup_round set ready_for_decision_at = null where id = ?").param(round).update();
        jdbc.sql("delete from agenda_item where case_id = (select id from meeting_case where number = 229)").update();
        jdbc.sql("delete from minutes_paragraph where case_id = (select id from meeting_case where number = 229)").update();
        jdbc.sql("delete from meeting_case where number = 229").update();
        mvc.perform(post("/uppfoljning/{id}/klar-for-beslut", round).param("version", "" + after).with(as("controller")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select number from meeting_case where source_type = 'followup_round' and source_id = ?").param(round)
                .query(Integer.class).single()).isEqualTo(235);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'meeting_case' and summary like 'Ärende 2022.235 VON%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cases_delegation_and_messages_are_kept_by_the_secretary_only() throws Exception {
        long von = id("select id from org_unit where code = 'VON'");
        mvc.perform(post("/namnd/arenden").param("organ", "" + von).param("ar", "2022").param("title", "Ny riktlinje")
                .with(as("controller")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/namnd/arenden").param("organ", "" + von).param("ar", "2022").param("title", "Ny riktlinje")
                .param("officer", "Anna Handläggare").with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select title from meeting_case where body_unit_id = ? and year = 2022 and number = 235").param(von)
                .query(String.class).single()).isEqualTo("Ny riktlinje");
        long matter = id("select id from delegation_matter where code = '3.2.3'");
        mvc.perform(post("/namnd/delegation/beslut").param("matterId", "" + matter).param("decidedOn", "2021-12-01")
                .param("decidedBy", "Biståndshandläggare").param("summary", "Beviljat").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("då delegationen började gälla")));
        mvc.perform(post("/namnd/delegation/beslut").param("matterId", "" + matter).param("decidedOn", "2022-08-30")
                .param("decidedBy", "Biståndshandläggare").param("summary", "Beviljat särskilt boende").with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // the report of delegated decisions in August is in the kallelse's period: four decisions
        assertThat(id("select count(*) from delegated_decision d join delegation_matter m on m.id = d.matter_id "
                + "where m.body_unit_id = ? and d.decided_on between '2022-08-01' and '2022-08-31'", von)).isEqualTo(4);
        long m = vonMeeting();
        mvc.perform(post("/namnd/sammantraden/{id}/meddelanden", m).param("dnr", "2022.210 VON-099").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("2022.210 VON-099")));
        mvc.perform(post("/namnd/sammantraden/{id}/meddelanden", m).param("dnr", "2022.210 VON-010").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("redan på listan")));
        for (String page : List.of("/namnd/sammantraden", "/namnd/arenden", "/namnd/delegation", "/namnd/arenden/"
                + id("select id from meeting_case where number = 229"), "/namnd/sammantraden/" + m + "/protokoll")) {
            mvc.perform(get(page).with(as("politiker"))).andExpect(status().isOk());
        }
    }

    @Test
    void the_working_committees_next_meeting_goes_on_from_paragraph_68_and_decides_nothing_for_the_committee() throws Exception {
        long au = id("select id from org_unit where code = 'VONAU'");
        mvc.perform(post("/namnd/sammantraden").param("organ", "" + au).param("meetsOn", "2022-10-11").param("startsAt", "13.00")
                .param("place", "Brunnsgården").param("chairName", "Olle Ordförande").param("chairUsername", "ordforande")
                .param("adjusterName", "Jenny Justerare").param("adjusterUsername", "justerare")
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        long m = id("select id from meeting where meets_on = '2022-10-11'");
        assertThat(jdbc.sql("select starts_at from meeting where id = ?").param(m).query(String.class).single()).isEqualTo("13:00");
        long delars = id("select id from meeting_case where number = 229");
        mvc.perform(post("/namnd/sammantraden/{id}/punkter", m).param("kind", "ARENDE").param("caseId", "" + delars)
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/sammantraden/{id}/punkter", m).param("kind", "ARENDE").with(as("sekreterare")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Välj ärendet")));
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll", m).param("version", "" + version(m)).with(as("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long para = id("select id from minutes_paragraph where meeting_id = ?", m);
        assertThat(jdbc.sql("select number from minutes_paragraph where id = ?").param(para).query(Integer.class).single()).isEqualTo(68);
        mvc.perform(post("/namnd/sammantraden/{id}/protokoll/{p}", m, para).param("version", "0").param("title", "Delårsbokslut")
                .param("outcome", "BESLUT").param("decision", "Arbetsutskottet föreslår nämnden att fastställa delårsbokslutet 2022.")
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("ordforande")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("ordforande")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("redan justerat")));
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("justerare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // approved and posted, but the working committee only prepared the case: the committee still decides it
        assertThat(jdbc.sql("select status from meeting where id = ?").param(m).query(String.class).single()).isEqualTo("JUSTERAT");
        assertThat(jdbc.sql("select status from meeting_case where id = ?").param(delars).query(String.class).single()).isEqualTo("PA_DAGORDNING");
        assertThat(jdbc.sql("select state from followup_round where id = (select source_id from meeting_case where id = ?)").param(delars)
                .query(String.class).single()).isEqualTo("OPPEN");
        mvc.perform(post("/namnd/sammantraden/{id}/justera", m).param("version", "" + version(m)).with(as("justerare")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("kan inte ändras")));
    }
}
