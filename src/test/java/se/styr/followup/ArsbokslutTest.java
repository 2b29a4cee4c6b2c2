package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.AccountGroup;
import se.styr.economy.followup.AnnualAccounts;
import se.styr.economy.followup.ForecastAccuracy;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalState;
import se.styr.platform.Messages;
import se.styr.platform.ValidationException;

/**
 * Vård- och omsorgsnämndens årsbokslut 2022 on the demo: a round of type årsbokslut, the year's outcome read in for
 * December, goals and assignments on the annual two-level scale, the year's accounts with the bokslut columns and the
 * forecast accuracy of the year's submitted forecasts (March and May as the seed prints them: within the frame and
 * +10 000 tkr), the plan questions, the PDF, and deciding with tasks not approved. The seeds stop at the interim
 * report, so the outcome September–December is illustrative.
 */
@StyrIntegrationTest
@Transactional
class ArsbokslutTest extends MvcTestSupport {

    @Autowired
    FollowupService followup;
    @Autowired
    Reporting reporting;
    @Autowired
    AnnualReviews reviews;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    Messages messages;
    @Autowired
    se.styr.platform.SwedishFormat sv;

    private long round;

    private long unit(String code) {
        return id("select id from org_unit where code = ?", code);
    }

    private static List<String> keys(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::messageKey).toList();
    }

    /** The outcome of a month as read in from the accounts, for VON itself (as the demo's August outcome is). */
    private void outcome(int year, int month, long revenue, long staff, long premises, long services, long other, long grant) {
        Map<AccountGroup, Long> rows = new LinkedHashMap<>();
        rows.put(AccountGroup.VERKSAMHETENS_INTAKTER, revenue);
        rows.put(AccountGroup.PERSONALKOSTNADER, staff);
        rows.put(AccountGroup.LOKALHYROR, premises);
        rows.put(AccountGroup.KOP_AV_TJANSTER, services);
        rows.put(AccountGroup.OVRIGA_KOSTNADER, other);
        rows.put(AccountGroup.KOMMUNBIDRAG, grant);
        rows.forEach((g, amount) -> jdbc.sql("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (?, ?, ?, ?, ?)")
                .params(unit("VON"), year, month, g.name(), amount).update());
    }

    @BeforeEach
    void anAnnualRoundWithTheYearsOutcome() throws Exception {
        // The interim report's forecast is submitted, as it is by the time of the annual report.
        long august = id("select id from economic_report where org_unit_id = ? and year = 2022 and month = 8", unit("VON"));
        mvc.perform(put("/api/v1/economic-reports/" + august + "/forecast").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"submit\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("INLAMNAD"));
        // September–December 2022 and 2021 (illustrative): the year ends at 236 412 / −729 815 / −93 952 / −168 907 /
        // −95 254 tkr (2021: 233 600 / −700 100 / −91 700 / −149 500 / −87 600), the whole frame received.
        outcome(2022, 12, 81_316_000, -246_059_000, -31_949_000, -61_740_000, -36_547_000, 284_519_000);
        outcome(2021, 12, 77_104_000, -236_144_000, -30_597_000, -52_533_000, -30_293_000, 272_909_000);
        SignedIn.as(users, "controller");
        round = followup.open(new FollowupService.OpenRound(unit("VON"), RoundType.ARSBOKSLUT, null, LocalDate.of(2022, 12, 31),
                LocalDate.of(2023, 1, 10), LocalDate.of(2023, 1, 25), LocalDate.of(2023, 2, 1))).id();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long object(String kind) {
        return id("select min(o.object_id) from followup_object o join goal_object g on g.id = o.object_id where o.round_id = ? and g.kind = ?",
                round, kind);
    }

    @Test
    void goals_and_assignments_are_judged_on_the_annual_scale() {
        long goal = object("NAMNDMAL");
        long assignment = object("UPPDRAG");
        long admin = unit("VOF");
        assertThat(followup.instructions(followup.round(round)).get(Part.MAL)).contains("Helt uppfyllt eller Ej uppfyllt");
        assertThatThrownBy(() -> reporting.saveReport(round, admin, goal, new Reporting.ReportInput("Analys.",
                GoalState.I_HOG_GRAD_UPPFYLLT.name(), null, null, null, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.arsskala.mal"));
        reporting.saveReport(round, admin, goal, new Reporting.ReportInput("Målet är nått.", GoalState.HELT_UPPFYLLT.name(),
                null, null, null, null), 0);
        assertThatThrownBy(() -> reporting.saveReport(round, admin, assignment, new Reporting.ReportInput("Pågår.",
                null, null, null, AssignmentStatus.PABORJAD, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.arsskala.status"));
        assertThatThrownBy(() -> reporting.saveReport(round, admin, assignment, new Reporting.ReportInput("Klart.",
                GoalState.EJ_UPPFYLLT.name(), null, null, AssignmentStatus.FARDIG, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.arsskala.overens"));
        reporting.saveReport(round, admin, assignment, new Reporting.ReportInput("Uppdraget har genomförts.", null, null, null,
                AssignmentStatus.FARDIG, null), 0);

        CompiledReport report = compiler.compile(followup.round(round), null);
        assertThat(report.annualReport()).isTrue();
        CompiledReport.AssignmentEntry done = report.assignments().stream().filter(a -> a.assignment().id() == assignment).findFirst().orElseThrow();
        assertThat(done.status()).isEqualTo(AssignmentStatus.FARDIG);
        assertThat(done.assessment()).as("a finished assignment is fully met").isEqualTo(GoalState.HELT_UPPFYLLT);
        assertThat(report.goalsIntro()).contains("vid årsbokslut", "1 helt uppfyllt");
        assertThat(compiler.article(report)).contains("på skalan Helt uppfyllt och Ej uppfyllt", "Försenad och bedöms Ej uppfyllt");
    }

    @Test
    void the_economy_has_the_year_outcome_and_the_forecast_accuracy() throws Exception {
        AnnualAccounts a = compiler.compile(followup.round(round), null).annual();
        assertThat(a.operatingColumns()).containsExactly("BUDGET", "BOKSLUT", "AVVIKELSE", "BOKSLUT_FG", "DIFF_FG");
        assertThat(a.operating().columns()).containsExactly("Budget 2022", "Bokslut 2022", "Avv. bokslut/ budget 2022",
                "Bokslut 2021", "Diff. bokslut 2022/2021");
        assertThat(a.value("VERKSAMHETENS_INTAKTER", "BOKSLUT")).isEqualTo(236_412_000L);
        assertThat(a.value("VERKSAMHETENS_INTAKTER", "AVVIKELSE")).isEqualTo(236_412_000L - 195_144_000L);
        assertThat(a.value("VERKSAMHETENS_INTAKTER", "DIFF_FG")).isEqualTo(236_412_000L - 233_600_000L);
        assertThat(a.value("VERKSAMHETENS_NETTOKOSTNADER", "BUDGET")).isEqualTo(-853_556_000L);
        assertThat(a.value("VERKSAMHETENS_NETTOKOSTNADER", "BOKSLUT")).isEqualTo(-851_516_000L);
        assertThat(a.value("ARETS_RESULTAT", "BOKSLUT")).isEqualTo(2_040_000L);

        ForecastAccuracy acc = a.accuracy();
        assertThat(acc.outcomeDeviation()).isEqualTo(2_040_000L);
        assertThat(acc.occasions()).extracting(ForecastAccuracy.Occasion::month).containsExactly(3, 4, 5, 8);
        // May (seed 004 part 4 §3.10): "en positiv prognos om 10 miljoner" — 7 960 tkr more than the year gave.
        assertThat(acc.occasions()).extracting(ForecastAccuracy.Occasion::forecastDeviation)
                .containsExactly(0L, 0L, 10_000_000L, 0L);
        assertThat(acc.occasions()).extracting(ForecastAccuracy.Occasion::differenceFromOutcome)
                .containsExactly(-2_040_000L, -2_040_000L, 7_960_000L, -2_040_000L);
        assertThat(acc.at(4).title()).isEqualTo("Fördjupad månadsuppföljning per april 2022");

        // The municipality: VON is the only committee with forecasts and a bokslut in the demo.
        mvc.perform(get("/api/v1/forecast-accuracy").param("year", "2022").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months[2]").value(5))
                .andExpect(jsonPath("$.committees.items[0].committee").value("Vård- och omsorgsnämnden"))
                .andExpect(jsonPath("$.total.outcomeDeviation").value(2_040_000))
                .andExpect(jsonPath("$.total.occasions[2].differenceFromOutcome").value(7_960_000));
        mvc.perform(get("/api/v1/committees/" + unit("VON") + "/annual-accounts/2022").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accuracy.outcomeDeviation").value(2_040_000));
        mvc.perform(get("/ekonomi/prognossakerhet").param("ar", "2022").with(user(users.loadUserByUsername("politiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden")))
                .andExpect(content().string(containsString("Kommunen totalt")))
                .andExpect(content().string(containsString(sv.amount(7_960_000L, "tkr"))));
    }

    @Test
    void the_plan_questions_need_a_reason_when_the_plan_was_not_followed_and_are_audited() {
        assertThatThrownBy(() -> reviews.save(round, new AnnualReviews.Input(false, " ", true, null, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.planEjFoljd"));
        AnnualReview saved = reviews.save(round, new AnnualReviews.Input(false,
                "Kontrollen av delegationsbeslut gjordes i januari i stället för i december på grund av sjukfrånvaro.",
                true, null, "Prognosen i maj var för positiv: statsbidragen kunde inte tillgodoräknas fullt ut."), 0);
        assertThat(saved.version()).isEqualTo(1);
        assertThatThrownBy(() -> reviews.save(round, new AnnualReviews.Input(true, null, true, null, null), 0))
                .isInstanceOf(se.styr.platform.ConflictException.class);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'followup_annual_review' and object_id = ?")
                .param(round).query(Long.class).single()).isEqualTo(1);
        String article = compiler.article(compiler.compile(followup.round(round), null));
        assertThat(article).contains("Följde nämnden sin plan?", "Kontrollen av delegationsbeslut", "Prognosen i maj var för positiv",
                "Prognossäkerhet", "Avvikelse från bokslut", "Bokslut 2022");
        long interim = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        assertThatThrownBy(() -> reviews.save(interim, new AnnualReviews.Input(true, null, true, null, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.arsbokslut"));
    }

    @Test
    void the_report_renders_as_pdf() throws Exception {
        byte[] pdf = compiler.draftPdf(round);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00a0\\u202f]+", " ");
            assertThat(text).contains("Årsbokslut 2022", "Bokslut 2022", "Prognossäkerhet", "Avvikelse från bokslut",
                    "Månadsuppföljning per maj 2022", "10 000", "7 960");
        }
    }

    @Test
    void deciding_with_tasks_not_approved_asks_for_a_confirmation_and_records_it() throws Exception {
        Round r = followup.round(round);
        Unapproved open = Unapproved.of(compilerQueries(), r);
        assertThat(open.count()).isPositive();
        FollowupService.Decision unconfirmed = new FollowupService.Decision(LocalDate.of(2023, 2, 20), "VON § 12, 2023-02-20", null, false);
        assertThatThrownBy(() -> followup.decide(round, r.version(), unconfirmed, x -> "html"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(keys(e)).containsExactly("uppf.validering.ejGodkanda", "uppf.validering.planfragan");
                    assertThat(messages.text(e.problems().get(0).messageKey(), e.problems().get(0).args()))
                            .isEqualTo(open.count() + " av " + open.total() + " uppgifter är inte godkända. "
                                    + "Bekräfta att rapporten ändå ska beslutas.");
                });
        reviews.save(round, new AnnualReviews.Input(true, null, true, null, null), 0);
        int version = followup.round(round).version();

        // The page: refused with the Swedish message, then accepted with the box ticked.
        mvc.perform(post("/uppfoljning/" + round + "/beslut").with(csrf()).with(user(users.loadUserByUsername("controller")))
                        .param("version", "" + version).param("decidedOn", "2023-02-20").param("decisionRef", "VON § 12, 2023-02-20"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("uppgifter är inte godkända. Bekräfta att rapporten ändå ska beslutas.")))
                .andExpect(content().string(containsString("name=\"confirmUnapproved\"")));
        // The API: the same rule as problem+json.
        mvc.perform(post("/api/v1/rounds/" + round + "/decision").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"decidedOn\": \"2023-02-20\", \"decisionRef\": \"VON § 12, 2023-02-20\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.confirmUnapproved[0]").value(containsString("uppgifter är inte godkända")));
        mvc.perform(post("/api/v1/rounds/" + round + "/decision").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"decidedOn\": \"2023-02-20\", \"decisionRef\": \"VON § 12, 2023-02-20\", "
                                + "\"confirmUnapproved\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("BESLUTAD"));

        SignedIn.as(users, "controller");
        ReportVersion decided = followup.versions(round).get(0);
        assertThat(decided.unapprovedTasks()).isEqualTo(open.count());
        assertThat(followup.versionHtml(round, 1)).contains("beslutad trots att " + open.count() + " uppgifter inte var godkända");
        String audit = jdbc.sql("select summary from audit_entry where object_type = 'followup_round' and object_id = ? and summary like 'Beslutad%'")
                .param(round).query(String.class).single();
        assertThat(audit).contains("VON § 12, 2023-02-20", "beslutad trots att " + open.count() + " av " + open.total()
                + " uppgifter inte var godkända");
        mvc.perform(get("/api/v1/rounds/" + round + "/versions").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].unapprovedTasks").value(open.count()));
    }

    @Autowired
    RoundQueries roundQueries;

    private RoundQueries compilerQueries() {
        return roundQueries;
    }

    @Test
    void the_report_reads_a_bounded_number_of_statements_that_does_not_grow_with_the_committees() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("report", "controller /uppfoljning/" + round + "/rapport");
        pages.put("report PDF", "controller /uppfoljning/" + round + "/rapport.pdf");
        pages.put("forecast accuracy", "politiker /ekonomi/prognossakerhet?ar=2022");
        pages.put("annual accounts API", "politiker /api/v1/committees/" + unit("VON") + "/annual-accounts/2022");
        pages.put("annual review page", "controller /uppfoljning/" + round + "/arsbokslut");
        java.util.function.Consumer<String> fresh = page -> compiler.forget();
        QueryCounter.perPage(mvc, users, pages, fresh);
        Map<String, Integer> before = QueryCounter.perPage(mvc, users, pages, fresh);
        // Every other committee reports forecasts in April and August and has a bokslut.
        List<Long> committees = jdbc.sql("select id from org_unit where type in ('NAMND', 'KOMMUNSTYRELSE') and id <> ?")
                .param(unit("VON")).query(Long.class).list();
        long municipality = id("select municipality_id from org_unit where id = ?", unit("VON"));
        for (long c : committees) {
            for (int month : List.of(4, 8)) {
                jdbc.sql("""
                                insert into economic_report (municipality_id, org_unit_id, year, month, type, state, version)
                                values (?, ?, 2022, ?, 'MANADSUPPFOLJNING', 'INLAMNAD', 1)""")
                        .params(municipality, c, month).update();
                long report = id("select id from economic_report where org_unit_id = ? and year = 2022 and month = ?", c, month);
                jdbc.sql("insert into economic_report_row (report_id, account_group, budget, forecast) values (?, 'PERSONALKOSTNADER', -1000000, -1200000)")
                        .param(report).update();
            }
            jdbc.sql("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (?, 2022, 12, 'PERSONALKOSTNADER', -1100000)")
                    .param(c).update();
        }
        Map<String, Integer> after = QueryCounter.perPage(mvc, users, pages, fresh);
        System.out.println("SQL-satser, årsbokslut (demo → alla nämnder rapporterar): " + before + " → " + after);
        assertThat(before.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(60));
        assertThat(after).isEqualTo(before);
        assertThat(committees).hasSizeGreaterThan(3);
    }
}
