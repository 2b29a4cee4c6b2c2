package se.styr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import se.styr.AuditTrail;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * Actions in the follow-up: an immediate action shared down to a unit in the delårsbokslut, the unit's task and report,
 * the report's section "Uppföljning av omedelbara åtgärder"; the economic action plan of seed 003 followed up as a whole;
 * rights, optimistic locking, the audit's old → new and Swedish problems on the pages and in the API.
 */
@StyrIntegrationTest
@Transactional
class ActionFollowupTest extends MvcTestSupport {

    @Autowired
    org.springframework.context.ApplicationContext context;

    private long von() {
        return id("select id from org_unit where code = 'VON'");
    }

    private long norr() {
        return id("select id from org_unit where code = 'VOF-HN'");
    }

    private long round() {
        return id("select id from followup_round where name = 'Delårsbokslut 2022'");
    }

    private long plan() {
        return id("select id from action_plan where title = 'Ekonomisk handlingsplan'");
    }

    private int version(long action) {
        return jdbc.sql("select version from quality_action where id = ?").param(action).query(Integer.class).single();
    }

    /** A risk of value 16 in VON's register 2022 and its immediate action, made as the controller does it. */
    private long immediateAction() throws Exception {
        mvc.perform(post("/kvalitet/risker").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022")
                        .param("description", "Larmen i särskilt boende fungerar inte vid strömavbrott.")
                        .param("probability", "4").param("consequence", "4").param("handling", ""))
                .andExpect(status().is3xxRedirection());
        long risk = id("select id from risk where body_unit_id = ? and year = 2022 and number = 18", von());
        mvc.perform(post("/kvalitet/risker/" + risk + "/hantering").with(as("controller")).with(csrf())
                        .param("version", "0").param("title", "Byt batterier i larmcentralerna")
                        .param("responsible", "Enhetschef särskilt boende").param("timetable", "Senast 2022-09-30"))
                .andExpect(status().is3xxRedirection());
        return id("select action_id from risk where id = ?", risk);
    }

    @Test
    void the_demo_holds_seed_003s_plan_with_its_eight_measures_and_no_invented_effects() throws Exception {
        List<Map<String, Object>> measures = jdbc.sql("""
                        select position, what, responsible, timetable, expected_effect from quality_action where plan_id = ?
                        order by position""").param(plan()).query().listOfRows();
        assertThat(measures).extracting(m -> m.get("what")).containsExactly("Nämndbuffertar mot oförutsedda kostnader",
                "Genomlysningar och metod för ständiga förbättringar", "Effektivisera den politiska målstyrningen",
                "Omstrukturerings-/omställningsfond", "Lokaleffektivitet", "Översyn av inköpsorganisation",
                "Utdelning/koncernbidrag från koncernen Alingsås Energi", "Aktieägartillskott till Alingsåshem lokaler AB");
        assertThat(measures.get(0).get("responsible")).isEqualTo("Samtliga förvaltningschefer.");
        assertThat(measures.get(0).get("timetable")).isEqualTo("Nämndbuffertar ska vara införda senast sista året i mandatperioden, dvs 2026.");
        assertThat(measures.get(7).get("timetable")).isEqualTo("Beslut i kommunfullmäktige första halvåret 2024.");
        // the one amount a year the seed gives: 10 miljoner kronor årligen from Alingsås Energi
        assertThat(measures).filteredOn(m -> m.get("expected_effect") != null).hasSize(1)
                .allSatisfy(m -> assertThat(((Number) m.get("expected_effect")).longValue()).isEqualTo(10_000_000L));
        assertThat(id("select count(*) from quality_action where plan_id is null")).as("no immediate action in the seeds").isZero();

        mvc.perform(get("/kvalitet/handlingsplaner/" + plan()).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kommunstyrelsen")))
                .andExpect(content().string(containsString("Koncernredovisningschef.")))
                .andExpect(content().string(containsString("10\u00a0000")))
                .andExpect(content().string(containsString("7 saknar beloppsatt effekt")))
                .andExpect(content().string(not(containsString("Ny åtgärd i planen"))));
        mvc.perform(get("/api/v1/action-plans/" + plan()).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures.length()").value(8))
                .andExpect(jsonPath("$.expectedTotal").value(10_000_000))
                .andExpect(jsonPath("$.reachedTotal").value(0))
                .andExpect(jsonPath("$.withoutExpected").value(7));
        // the report of a round without immediate actions says so, in the seed's words
        mvc.perform(get("/uppfoljning/" + round() + "/rapport").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uppföljning av omedelbara åtgärder")))
                .andExpect(content().string(containsString(
                        "I Vård- och omsorgsnämndens risk- och väsentlighetsanalys för 2022 identifierades inga behov av omedelbara åtgärder.")));
    }

    @Test
    void an_immediate_action_is_shared_to_a_unit_reported_in_its_task_and_printed_in_the_report() throws Exception {
        long action = immediateAction();
        long norr = norr();
        long round = round();
        AuditTrail audit = AuditTrail.mark(jdbc);
        mvc.perform(post("/kvalitet/atgarder/" + action + "/delning").with(as("controller")).with(csrf())
                        .param("version", String.valueOf(version(action))).param("roundId", String.valueOf(round))
                        .param("units", String.valueOf(norr)))
                .andExpect(status().is3xxRedirection());
        audit.changed("action_share", action, "controller", "[]", "[" + norr + "]");
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'ATGARD'", round, norr);
        assertThat(id("select count(*) from followup_task where round_id = ? and part = 'ATGARD'", round)).isEqualTo(1);

        String reportPath = "/kvalitet/atgarder/" + action + "/uppfoljning/" + round + "/enhet/" + norr;
        mvc.perform(get("/uppfoljning/uppgift/" + task).with(as("enhetschef")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uppföljning omedelbara åtgärder, delårsbokslut: Hemtjänst Norr")))
                .andExpect(content().string(containsString(reportPath)))
                .andExpect(content().string(containsString("Byt batterier i larmcentralerna")));
        // marking done before the action is reported is refused, naming what is missing
        mvc.perform(post("/uppfoljning/uppgift/" + task + "/klarmarkera").with(as("enhetschef")).with(csrf()).param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Byt batterier i larmcentralerna")));

        // a report without what was done is refused in Swedish
        mvc.perform(post(reportPath).with(as("enhetschef")).with(csrf()).param("version", "0").param("status", "GENOMFORD"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv vad som gjorts")));
        audit = AuditTrail.mark(jdbc);
        mvc.perform(post(reportPath).with(as("enhetschef")).with(csrf()).param("version", "0").param("status", "GENOMFORD")
                        .param("comment", "Batterierna är bytta i alla larmcentraler; larmen provades vid ett strömavbrott i juni."))
                .andExpect(status().is3xxRedirection());
        long report = id("select id from action_report where action_id = ? and unit_id = ?", action, norr);
        audit.changed("action_report", report, "enhetschef", null, "GENOMFORD");
        assertThat(jdbc.sql("select state from followup_task where id = ?").param(task).query(String.class).single()).isEqualTo("PAGAR");
        // a stale version is a conflict, not a lost report
        mvc.perform(post(reportPath).with(as("enhetschef")).with(csrf()).param("version", "0").param("status", "PABORJAD")
                        .param("comment", "Annat"))
                .andExpect(status().isConflict());
        audit = AuditTrail.mark(jdbc);
        mvc.perform(put("/api/v1/actions/" + action + "/reports").with(as("enhetschef")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"unitId\":" + norr + ",\"status\":\"GENOMFORD\",\"comment\":"
                                + "\"Batterierna är bytta och larmen provade.\",\"version\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        audit.changed("action_report", report, "enhetschef", "larmen provades vid ett strömavbrott", "larmen provade.");
        // an immediate action has no economic effect: refused in Swedish as problem+json
        mvc.perform(put("/api/v1/actions/" + action + "/reports").with(as("enhetschef")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"unitId\":" + norr + ",\"status\":\"GENOMFORD\",\"comment\":\"x\","
                                + "\"reachedEffect\":12.5,\"version\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("En omedelbar åtgärd har ingen ekonomisk effekt")));
        mvc.perform(put("/api/v1/actions/" + action + "/reports").with(as("enhetschef")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"unitId\":" + norr + ",\"status\":\"GENOMFORD\",\"comment\":\"x\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // the unit that has reported stays in the sharing
        mvc.perform(post("/kvalitet/atgarder/" + action + "/delning").with(as("controller")).with(csrf())
                        .param("version", String.valueOf(version(action))).param("roundId", String.valueOf(round)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hemtjänst Norr har redan redovisat åtgärden")));

        mvc.perform(post("/uppfoljning/uppgift/" + task + "/klarmarkera").with(as("enhetschef")).with(csrf())
                        .param("version", String.valueOf(id("select version from followup_task where id = ?", task))))
                .andExpect(status().is3xxRedirection());
        // the task is closed: no more changes to the report
        mvc.perform(post(reportPath).with(as("enhetschef")).with(csrf()).param("version", "2").param("status", "PABORJAD")
                        .param("comment", "Ändrat"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("klarmarkerad eller godkänd")));

        mvc.perform(get("/uppfoljning/" + round + "/rapport").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uppföljning av omedelbara åtgärder")))
                .andExpect(content().string(containsString("identifierades behov av en omedelbar åtgärd")))
                .andExpect(content().string(containsString("Byt batterier i larmcentralerna")))
                .andExpect(content().string(containsString("Batterierna är bytta och larmen provade.")))
                .andExpect(content().string(not(containsString("identifierades inga behov"))));
        mvc.perform(get("/kvalitet/atgarder/" + action).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut 2022")))
                .andExpect(content().string(containsString("Batterierna är bytta och larmen provade.")))
                .andExpect(content().string(not(containsString("Spara delningen"))));
    }

    @Test
    void sharing_and_reporting_are_refused_to_those_without_the_right_and_nothing_is_written() throws Exception {
        long action = immediateAction();
        long norr = norr();
        long round = round();
        AuditTrail audit = AuditTrail.mark(jdbc);
        for (String who : List.of("politiker", "enhetschef", "enhetschef2")) {
            mvc.perform(post("/kvalitet/atgarder/" + action + "/delning").with(as(who)).with(csrf())
                            .param("version", "1").param("roundId", String.valueOf(round)).param("units", String.valueOf(norr)))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/actions/" + action + "/shares").with(as(who)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"roundId\":" + round + ",\"unitIds\":[" + norr + "],\"version\":1}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        audit.nothingWritten();
        // a unit that does not report in the round is refused by name, in Swedish
        long klk = id("select id from org_unit where parent_id = (select id from org_unit where code = 'KS') and type = 'FORVALTNING'");
        String klkName = jdbc.sql("select name from org_unit where id = ?").param(klk).query(String.class).single();
        mvc.perform(put("/api/v1/actions/" + action + "/shares").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"unitIds\":[" + klk + "],\"version\":" + version(action) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Enheten " + klkName + " kan inte rapportera i den här uppföljningen")));
        audit.nothingWritten();
        mvc.perform(put("/api/v1/actions/" + action + "/shares").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"unitIds\":[" + norr + "],\"version\":" + version(action) + "}"))
                .andExpect(status().isOk());
        String reportPath = "/kvalitet/atgarder/" + action + "/uppfoljning/" + round + "/enhet/" + norr;
        audit = AuditTrail.mark(jdbc);
        for (String who : List.of("politiker", "enhetschef2")) {
            mvc.perform(post(reportPath).with(as(who)).with(csrf()).param("version", "0").param("status", "GENOMFORD")
                            .param("comment", "Klart"))
                    .andExpect(status().isForbidden());
            mvc.perform(get(reportPath).with(as(who))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Spara redovisningen"))));
        }
        audit.nothingWritten();
        // an action is reported only by the units it is shared to
        long haga = id("select id from org_unit where name = 'Haga hemtjänst 1'");
        mvc.perform(get("/kvalitet/atgarder/" + action + "/uppfoljning/" + round + "/enhet/" + haga).with(as("enhetschef2")))
                .andExpect(status().isNotFound());
        // a stale version of the action is a conflict
        mvc.perform(post("/kvalitet/atgarder/" + action + "/delning").with(as("controller")).with(csrf())
                        .param("version", "0").param("roundId", String.valueOf(round)))
                .andExpect(status().isConflict());
        // taking the unit out again (nothing reported) removes its task
        mvc.perform(post("/kvalitet/atgarder/" + action + "/delning").with(as("controller")).with(csrf())
                        .param("version", String.valueOf(version(action))).param("roundId", String.valueOf(round)))
                .andExpect(status().is3xxRedirection());
        assertThat(id("select count(*) from followup_task where round_id = ? and part = 'ATGARD'", round)).isZero();
    }

    @Test
    void a_measure_of_the_plan_is_followed_up_in_tkr_planned_against_reached() throws Exception {
        long measure = id("select id from quality_action where plan_id = ? and position = 1", plan());
        // the plan is Kommunstyrelsen's: VON's controller may not change it
        mvc.perform(post("/kvalitet/atgarder/" + measure).with(as("controller")).with(csrf()).param("version", "0")
                        .param("what", "Nämndbuffertar mot oförutsedda kostnader").param("status", "PABORJAD"))
                .andExpect(status().isForbidden());
        AuditTrail audit = AuditTrail.mark(jdbc);
        mvc.perform(post("/kvalitet/atgarder/" + measure).with(as("admin")).with(csrf()).param("version", "0")
                        .param("what", "Nämndbuffertar mot oförutsedda kostnader").param("responsible", "Samtliga förvaltningschefer.")
                        .param("status", "PABORJAD").param("expectedEffect", "2 500,5"))
                .andExpect(status().is3xxRedirection());
        assertThat(id("select expected_effect from quality_action where id = ?", measure)).isEqualTo(2_500_500L);
        audit.changed("quality_action", measure, "admin", "EJ_PABORJAD", "2500500");
        // finer than a krona is refused in Swedish
        mvc.perform(post("/kvalitet/atgarder/" + measure).with(as("admin")).with(csrf()).param("version", "1")
                        .param("what", "Nämndbuffertar").param("status", "PABORJAD").param("expectedEffect", "1,2345"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("högst tre decimaler")));
        mvc.perform(get("/kvalitet/handlingsplaner/" + plan()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12\u00a0500,5")))
                .andExpect(content().string(containsString("Ny åtgärd i planen")));
        mvc.perform(post("/kvalitet/handlingsplaner/" + plan() + "/atgarder").with(as("admin")).with(csrf())
                        .param("what", "Samordnad upphandling av livsmedel").param("responsible", "Ekonomichef")
                        .param("timetable", "2025").param("expectedEffect", "1 000").param("status", "EJ_PABORJAD"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/action-plans/" + plan()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures.length()").value(9))
                .andExpect(jsonPath("$.measures[8].measure.position").value(9))
                .andExpect(jsonPath("$.expectedTotal").value(13_500_500));
        mvc.perform(post("/kvalitet/handlingsplaner/" + plan()).with(as("admin")).with(csrf()).param("version", "5")
                        .param("title", "Ekonomisk handlingsplan"))
                .andExpect(status().isConflict());
    }

    @Test
    void a_plans_measure_is_shared_reported_with_its_effect_and_summed_in_the_report_and_on_the_plan() throws Exception {
        AuditTrail audit = AuditTrail.mark(jdbc);
        mvc.perform(post("/kvalitet/handlingsplaner").with(as("controller")).with(csrf()).param("body", String.valueOf(von()))
                        .param("year", "2022").param("title", "Handlingsplan för budget i balans 2022"))
                .andExpect(status().is3xxRedirection());
        long plan = id("select id from action_plan where title = 'Handlingsplan för budget i balans 2022'");
        audit.changed("action_plan", plan, "controller", null, "Handlingsplan för budget i balans 2022");
        mvc.perform(post("/kvalitet/handlingsplaner/" + plan + "/atgarder").with(as("controller")).with(csrf())
                        .param("what", "Färre timvikarier i hemtjänsten").param("responsible", "Avdelningschef äldreomsorg")
                        .param("timetable", "Hösten 2022").param("expectedEffect", "1 200").param("status", "EJ_PABORJAD"))
                .andExpect(status().is3xxRedirection());
        long measure = id("select id from quality_action where plan_id = ?", plan);
        long round = round();
        long norr = norr();
        mvc.perform(post("/kvalitet/atgarder/" + measure + "/delning").with(as("controller")).with(csrf())
                        .param("version", "0").param("roundId", String.valueOf(round)).param("units", String.valueOf(norr)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/kvalitet/atgarder/" + measure + "/uppfoljning/" + round + "/enhet/" + norr).with(as("enhetschef")).with(csrf())
                        .param("version", "0").param("status", "PABORJAD").param("comment", "Schemat är omlagt från september.")
                        .param("reachedEffect", "450,5"))
                .andExpect(status().is3xxRedirection());
        assertThat(id("select reached_effect from action_report where action_id = ?", measure)).isEqualTo(450_500L);
        mvc.perform(get("/uppfoljning/" + round + "/rapport").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uppföljning av Handlingsplan för budget i balans 2022")))
                .andExpect(content().string(containsString("Hemtjänst Norr: Påbörjad. Schemat är omlagt från september.")))
                .andExpect(content().string(containsString("1\u00a0200")))
                .andExpect(content().string(containsString("450,5")))
                // the immediate actions' section is still there, saying there are none
                .andExpect(content().string(containsString("identifierades inga behov av omedelbara åtgärder")));
        mvc.perform(get("/api/v1/action-plans/" + plan).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expectedTotal").value(1_200_000))
                .andExpect(jsonPath("$.reachedTotal").value(450_500))
                .andExpect(jsonPath("$.measures[0].reportedStatus").value("PABORJAD"))
                .andExpect(jsonPath("$.measures[0].roundName").value("Delårsbokslut 2022"));
        mvc.perform(get("/kvalitet/handlingsplaner/" + plan).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Påbörjad (Delårsbokslut 2022)")))
                .andExpect(content().string(containsString("Hemtjänst Norr: Schemat är omlagt från september.")));
    }

    @Test
    void the_action_pages_the_task_and_the_report_read_a_number_of_statements_that_does_not_grow() throws Exception {
        long municipality = id("select municipality_id from org_unit where code = 'VON'");
        long round = round();
        long norr = norr();
        long plan = id("select id from action_plan where title = 'Ekonomisk handlingsplan'");
        jdbc.sql("insert into action_plan (municipality_id, body_unit_id, year, title) values (?, ?, 2022, 'Växande plan')")
                .params(municipality, von()).update();
        long growing = id("select id from action_plan where title = 'Växande plan'");
        java.util.function.IntConsumer addMeasure = i -> {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into quality_action (municipality_id, body_unit_id, year, what, status, plan_id, position, expected_effect)
                    values (?, ?, 2022, ?, 'PABORJAD', ?, ?, ?)""")
                    .params(municipality, von(), "Åtgärd " + i, growing, i, 1000L * i).update(key, "id");
            long action = key.getKey().longValue();
            jdbc.sql("insert into action_share (round_id, action_id, unit_id) values (?, ?, ?)").params(round, action, norr).update();
            jdbc.sql("insert into action_report (round_id, action_id, unit_id, status, comment, reached_effect, version) values (?, ?, ?, 'PABORJAD', ?, ?, 1)")
                    .params(round, action, norr, "Redovisat " + i, 500L * i).update();
        };
        addMeasure.accept(1);
        jdbc.sql("insert into followup_task (round_id, unit_id, part, state) values (?, ?, 'ATGARD', 'PAGAR')").params(round, norr).update();
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'ATGARD'", round, norr);
        long first = id("select id from quality_action where plan_id = ?", growing);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("plans", "politiker /kvalitet/handlingsplaner");
        pages.put("plan", "politiker /kvalitet/handlingsplaner/" + growing);
        pages.put("seed plan", "politiker /kvalitet/handlingsplaner/" + plan);
        pages.put("measure", "controller /kvalitet/atgarder/" + first);
        pages.put("report of a unit", "enhetschef /kvalitet/atgarder/" + first + "/uppfoljning/" + round + "/enhet/" + norr);
        pages.put("task", "enhetschef /uppfoljning/uppgift/" + task);
        pages.put("committee's report", "politiker /uppfoljning/" + round + "/rapport");
        pages.put("API plan", "politiker /api/v1/action-plans/" + growing);
        se.styr.followup.ReportCompilerBridge reports = new se.styr.followup.ReportCompilerBridge(context);
        se.styr.QueryCounter.perPage(mvc, users, pages, page -> reports.forget());
        Map<String, Integer> small = se.styr.QueryCounter.perPage(mvc, users, pages, page -> reports.forget());
        for (int i = 2; i <= 40; i++) {
            addMeasure.accept(i);
        }
        Map<String, Integer> grown = se.styr.QueryCounter.perPage(mvc, users, pages, page -> reports.forget());
        System.out.println("SQL-satser per åtgärdssida (1 → 40 åtgärder med redovisning): " + small + " → " + grown);
        assertThat(grown).isEqualTo(small);
        mvc.perform(get("/api/v1/action-plans/" + growing).with(as("politiker")))
                .andExpect(jsonPath("$.expectedTotal").value(1000L * 40 * 41 / 2))
                .andExpect(jsonPath("$.reachedTotal").value(500L * 40 * 41 / 2));
    }
}
