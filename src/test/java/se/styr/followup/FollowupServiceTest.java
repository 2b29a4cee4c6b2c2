package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalState;
import se.styr.goals.Kind;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.platform.ConflictException;
import se.styr.platform.ValidationException;

/**
 * The demo's Delårsbokslut 2022 for Vård- och omsorgsnämnden, built from seed 004: reporting, marking done,
 * approving and sending back, outcomes per unit, rights along the tree, and the decided, frozen report.
 */
@StyrIntegrationTest
@Transactional
class FollowupServiceTest {

    @Autowired
    FollowupService followup;
    @Autowired
    Reporting reporting;
    @Autowired
    TaskWorkflow workflow;
    @Autowired
    RoundPages pages;
    @Autowired
    WorkPages work;
    @Autowired
    Rounds rounds;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
        rounds.useClock(java.time.Clock.system(Rounds.SWEDEN));
    }

    private void as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private <T> T as(String username, Supplier<T> action) {
        as(username);
        return action.get();
    }

    private long roundId() {
        return jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private long object(Kind kind, String titleStart) {
        return jdbc.sql("select id from goal_object where kind = ? and title like ?").params(kind.name(), titleStart + "%")
                .query(Long.class).single();
    }

    private Task task(String unitCode, Part part) {
        return jdbc.sql("select id from followup_task where round_id = ? and unit_id = ? and part = ?")
                .params(roundId(), unit(unitCode), part.name()).query(Long.class).optional()
                .map(id -> pages.task(id).task().task()).orElseThrow();
    }

    private static List<String> keys(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::messageKey).toList();
    }

    private void reportOnEveryGoal(String unitCode) {
        FollowupViews.TaskPage page = pages.task(task(unitCode, Part.MAL).id());
        for (FollowupViews.ObjectLine line : page.objects()) {
            reporting.saveReport(roundId(), unit(unitCode), line.object().id(),
                    new Reporting.ReportInput("Analys från " + unitCode + " om " + line.object().title(), null, null, null, null, null),
                    line.report().version());
        }
    }

    @Test
    void the_demo_round_holds_the_seeds_goals_control_points_and_assignments_shared_down() {
        as("controller");
        FollowupViews.Overview o = pages.overview(roundId());
        assertThat(o.round().type()).isEqualTo(RoundType.DELARSBOKSLUT);
        assertThat(o.round().asOf()).isEqualTo(LocalDate.of(2022, 8, 31));
        assertThat(o.round().deadlineFor(se.styr.organisation.OrgUnitType.ENHET)).isEqualTo(LocalDate.of(2022, 8, 23));
        assertThat(o.round().deadlineFor(se.styr.organisation.OrgUnitType.AVDELNING)).isEqualTo(LocalDate.of(2022, 8, 30));
        Map<Part, Long> byPart = o.objects().stream().collect(java.util.stream.Collectors.groupingBy(FollowupViews.SharedObject::part,
                java.util.stream.Collectors.counting()));
        // 4 committee goals + the work-environment goal; control points 1, 2, 6 and 7 are due at the interim report, and
        // point 1's follow-up is moved to 2023 (the internal-control plan's deferral), so the round asks for 2, 6 and 7.
        assertThat(byPart).containsEntry(Part.MAL, 5L).containsEntry(Part.IK, 3L).containsEntry(Part.UPPDRAG, 7L);
        assertThat(byPart.get(Part.KVF)).isEqualTo(19L);
        // Goals are shared to VOF's 5 departments and 14 units.
        assertThat(o.objects().stream().filter(s -> s.part() == Part.MAL).map(FollowupViews.SharedObject::unitCount))
                .containsOnly(19);
        // 19 goal tasks, 5 department tasks for the critical factors, 2 for control points, 4 for assignments.
        assertThat(o.progress().total()).isEqualTo(19 + 5 + 2 + 4);
        // The deadlines of 2022 have passed: every task not done is overdue.
        assertThat(o.progress().overdue()).isEqualTo(o.progress().total());
    }

    @Test
    void a_unit_reports_marks_done_is_sent_back_corrects_and_is_approved() {
        long round = roundId();
        long lssGoal = object(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        Task norr = as("enhetschef", () -> task("VOF-HN", Part.MAL));
        // The browser test works on the same demo round and commits; only this test's audit entries count here.
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        assertThat(norr.state()).isEqualTo(TaskState.EJ_PABORJAD);

        // Marking done before every goal has an analysis names what is missing, and changes nothing.
        assertThatThrownBy(() -> workflow.markDone(norr.id(), norr.version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).hasSize(5)
                        .containsOnly("uppf.validering.ofullstandig"));

        // A unit cannot give a goal an assessment: that is the administration's.
        assertThatThrownBy(() -> reporting.saveReport(round, unit("VOF-HN"), lssGoal,
                new Reporting.ReportInput("Analys", GoalState.HELT_UPPFYLLT.name(), null, null, null, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("validering.val"));

        reportOnEveryGoal("VOF-HN");
        assertThat(task("VOF-HN", Part.MAL).state()).isEqualTo(TaskState.PAGAR);
        Task done = workflow.markDone(norr.id(), task("VOF-HN", Part.MAL).version());
        assertThat(done.state()).isEqualTo(TaskState.KLARMARKERAD);
        assertThat(done.doneBy()).isEqualTo("enhetschef");
        // Marked done, it cannot be changed by the reporter.
        assertThatThrownBy(() -> reporting.saveReport(round, unit("VOF-HN"), lssGoal,
                new Reporting.ReportInput("Ändrad", null, null, null, null, null), 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.klarmarkerad"));
        // Nor can the reporter approve their own unit.
        assertThatThrownBy(() -> workflow.approve(done.id(), done.version())).isInstanceOf(AccessDeniedException.class);

        // The department manager sees it on the start page, sends it back with a comment...
        as("avdelningschef");
        assertThat(work.start().toApprove()).extracting(v -> v.task().id()).contains(done.id());
        assertThatThrownBy(() -> workflow.sendBack(done.id(), done.version(), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.kommentar"));
        Task back = workflow.sendBack(done.id(), done.version(), "Komplettera analysen av e-postsvaren.");
        assertThat(back.state()).isEqualTo(TaskState.ATERSAND);

        // ...the reporter sees the comment on their start page, corrects and marks done again...
        as("enhetschef");
        assertThat(work.start().notices()).extracting(FollowupViews.Notice::text)
                .anyMatch(t -> t.contains("Komplettera analysen av e-postsvaren."));
        Report lss = pages.objectPage(round, unit("VOF-HN"), lssGoal).report();
        reporting.saveReport(round, unit("VOF-HN"), lssGoal,
                new Reporting.ReportInput("Kompletterad analys.", null, null, null, null, null), lss.version());
        Task again = workflow.markDone(back.id(), task("VOF-HN", Part.MAL).version());

        // ...and the department manager approves.
        as("avdelningschef");
        Task approved = workflow.approve(again.id(), again.version());
        assertThat(approved.state()).isEqualTo(TaskState.GODKAND);
        assertThat(approved.approvedBy()).isEqualTo("avdelningschef");
        // A stale version is a conflict, never a silent overwrite.
        assertThatThrownBy(() -> workflow.sendBack(again.id(), again.version(), "Gammal")).isInstanceOf(ConflictException.class);
        // Every state change is in the audit log: who, and the task before and after.
        List<Map<String, Object>> log = jdbc.sql("select actor, old_value, new_value from audit_entry"
                + " where object_type = 'followup_task' and object_id = ? and id > ? order by id").params(norr.id(), auditBefore)
                .query().listOfRows();
        assertThat(log).extracting(row -> row.get("actor")).containsExactly(
                "enhetschef", "enhetschef", "avdelningschef", "enhetschef", "avdelningschef");
        assertThat(log.get(2).get("old_value").toString()).contains("\"state\":\"KLARMARKERAD\"");
        assertThat(log.get(2).get("new_value").toString()).contains("\"state\":\"ATERSAND\"", "Komplettera analysen");
    }

    @Test
    void rights_follow_the_tree() {
        long round = roundId();
        long lssGoal = object(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        as("enhetschef");
        // A reporter writes only for their own unit: not a sibling, not the department above.
        assertThatThrownBy(() -> reporting.saveReport(round, unit("VOF-HAGA1"), lssGoal,
                new Reporting.ReportInput("x", null, null, null, null, null), 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.saveReport(round, unit("VOF-AO"), lssGoal,
                new Reporting.ReportInput("x", null, null, null, null, null), 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.saveOutcomes(round, object(Kind.NYCKELTAL, "Antal gruppboendeplatser"),
                List.of(new Reporting.OutcomeInput(unit("VOF-HN"), BigDecimal.ONE, null, null, null, null, null, 0))))
                .isInstanceOf(AccessDeniedException.class);
        // The department manager reads the units below (Underlag) but does not write their reports.
        as("avdelningschef");
        assertThat(pages.objectPage(round, unit("VOF-AO"), lssGoal).underlag())
                .extracting(r -> r.unit().name()).containsExactly("Hemtjänst Norr", "Haga hemtjänst 1", "Brunnen", "Förebyggandeenheten");
        assertThat(pages.objectPage(round, unit("VOF-HN"), lssGoal).editable()).isFalse();
        // A politician reads the round and its report but changes nothing.
        as("politiker");
        assertThat(pages.overview(round).objects()).isNotEmpty();
        assertThatThrownBy(() -> followup.saveTexts(round, 0, "x", Map.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void outcomes_per_unit_give_signal_and_trend_and_overrides_need_a_reason() {
        long round = roundId();
        long sickLeave = object(Kind.NYCKELTAL, "Sjukfrånvaro Dag 59");
        as("controller");
        // Sick leave should decrease; the target 2022 is 3,2 (seed). 3,5 against 3,8 the year before: red, decreasing.
        assertThatThrownBy(() -> reporting.saveOutcomes(round, sickLeave, List.of(new Reporting.OutcomeInput(
                unit("VOF-HN"), new BigDecimal("3.5"), null, new BigDecimal("3.8"), Signal.NARA_MALVARDE, null, " ", 0))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.orsak"));
        reporting.saveOutcomes(round, sickLeave, List.of(
                new Reporting.OutcomeInput(unit("VOF-HN"), new BigDecimal("3.5"), null, new BigDecimal("3.8"), null, null, null, 0),
                new Reporting.OutcomeInput(unit("VOF-HAGA1"), new BigDecimal("3.2"), null, new BigDecimal("3.2"), null, null, null, 0),
                new Reporting.OutcomeInput(unit("VOF-AO"), new BigDecimal("3.4"), null, null, null, Trend.MINSKAD,
                        "Jämfört med samma period förra året", 0)));
        FollowupViews.OutcomesPage page = pages.outcomes(round, sickLeave);
        Map<String, FollowupViews.FigureLine> byUnit = page.rows().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.unit().name(), FollowupViews.OutcomeRow::line));
        assertThat(byUnit.get("Hemtjänst Norr").target()).isEqualByComparingTo("3.2");
        assertThat(byUnit.get("Hemtjänst Norr").signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(byUnit.get("Hemtjänst Norr").trend()).isEqualTo(Trend.MINSKAD);
        assertThat(byUnit.get("Haga hemtjänst 1").signal()).isEqualTo(Signal.UTAN_ANMARKNING);
        assertThat(byUnit.get("Haga hemtjänst 1").trend()).isEqualTo(Trend.OFORANDRAD);
        assertThat(byUnit.get("Äldreomsorg").trend()).isEqualTo(Trend.MINSKAD);
        assertThat(byUnit.get("Äldreomsorg").trendOverridden()).isTrue();
        assertThat(byUnit.get("Brunnen").missing()).isTrue();
        // The department sees its units' outcomes on the Underlag tab.
        long workGoal = object(Kind.ARBETSMILJOMAL, "Långtidssjukfrånvaron");
        as("avdelningschef");
        FollowupViews.UnderlagRow norr = pages.objectPage(round, unit("VOF-AO"), workGoal).underlag().get(0);
        assertThat(norr.figures().get(0).outcome().outcome()).isEqualByComparingTo("3.5");
        // A second controller saving with the version both read is a conflict, not a lost edit.
        as("controller");
        int read = byUnit.get("Hemtjänst Norr").outcome().version();
        reporting.saveOutcomes(round, sickLeave, List.of(new Reporting.OutcomeInput(
                unit("VOF-HN"), new BigDecimal("3.6"), null, new BigDecimal("3.8"), null, null, null, read)));
        assertThatThrownBy(() -> reporting.saveOutcomes(round, sickLeave, List.of(new Reporting.OutcomeInput(
                unit("VOF-HN"), new BigDecimal("3.7"), null, new BigDecimal("3.8"), null, null, null, read))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void control_points_and_assignments_have_their_own_fields() {
        long round = roundId();
        long ik7 = jdbc.sql("select id from goal_object where kind = 'INTERNKONTROLLPUNKT' and position = 7").query(Long.class).single();
        long assignment = object(Kind.UPPDRAG, "Effektivisera personlig assistans");
        as("controller");
        Report saved = reporting.saveReport(round, unit("VOF"), ik7, new Reporting.ReportInput(null,
                ControlAssessment.MED_ANMARKNING.name(), "6 av 42 avvek.", "Checklista för utredningar.", null, null),
                pages.objectPage(round, unit("VOF"), ik7).report().version());
        assertThat(saved.assessment()).isEqualTo("MED_ANMARKNING");
        assertThat(saved.result()).isEqualTo("6 av 42 avvek.");
        assertThatThrownBy(() -> reporting.saveReport(round, unit("VOF"), assignment, new Reporting.ReportInput(
                "x", GoalState.EJ_UTVARDERAD.name(), null, null, AssignmentStatus.PABORJAD, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).contains("validering.val"));
    }

    @Test
    void sharing_can_change_but_not_away_from_a_unit_that_has_reported() {
        long round = roundId();
        long lssGoal = object(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        as("enhetschef");
        reporting.saveReport(round, unit("VOF-HN"), lssGoal, new Reporting.ReportInput("Analys", null, null, null, null, null), 0);
        as("controller");
        int version = followup.round(round).version();
        assertThatThrownBy(() -> followup.share(round, lssGoal, true, Set.of(unit("VOF-AO")), version))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsOnly("uppf.validering.harRapport"));
        // Sharing an assignment to one more department gives that department a task.
        long assignment = object(Kind.UPPDRAG, "Utveckla ekonomistyrning");
        followup.share(round, assignment, true, Set.of(unit("VOF-FK"), unit("VOF-HSV")), version);
        assertThat(task("VOF-HSV", Part.UPPDRAG).state()).isEqualTo(TaskState.EJ_PABORJAD);
        assertThatThrownBy(() -> followup.share(round, assignment, true, Set.of(unit("VOF-FK")), version))
                .isInstanceOf(ConflictException.class);
        // Control points 3, 4 and 5 are followed up at the annual report only; one can still be taken in.
        FollowupViews.Overview before = pages.overview(round);
        assertThat(before.addable()).extracting(GoalObject::position).containsExactly(3, 4, 5);
        long point3 = before.addable().get(0).id();
        followup.share(round, point3, true, Set.of(unit("VOF-FK")), before.round().version());
        FollowupViews.Overview after = pages.overview(round);
        assertThat(after.addable()).extracting(GoalObject::position).containsExactly(4, 5);
        assertThat(compiler.compile(after.round(), null).controls()).extracting(CompiledReport.ControlEntry::number)
                .containsExactly(1, 2, 3, 6, 7);
        // Taken out again, it leaves the round and the report.
        followup.share(round, point3, false, Set.of(), after.round().version());
        assertThat(pages.overview(round).addable()).extracting(GoalObject::position).containsExactly(3, 4, 5);
    }

    @Test
    void the_compiled_report_follows_the_seeds_interim_report() {
        as("politiker");
        Round round = followup.round(roundId());
        CompiledReport report = compiler.compile(round, null);
        assertThat(report.goalGroups()).extracting(g -> g.priorityGoal().title()).containsExactly(
                "I Alingsås finns goda livsmiljöer genom en långsiktig ekologisk, social och ekonomisk hållbar utveckling",
                "Alingsåsarna har inflytande, får god service och ett gott bemötande från kommunen");
        CompiledReport.GoalEntry lss = report.goalGroups().get(0).goals().get(0);
        assertThat(lss.number()).isEqualTo(1);
        assertThat(lss.assessment()).isEqualTo(GoalState.HELT_UPPFYLLT);
        CompiledReport.FigureRow places = lss.figures().get(0);
        // "Antal gruppboendeplatser LSS 80 72 72 64" (Mål 2022, Utfall 2022, 2021, 2020).
        assertThat(places.target()).isEqualByComparingTo("80");
        assertThat(places.outcomes()).extracting(b -> b == null ? null : b.intValue()).containsExactly(72, 72, 64);
        assertThat(places.signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(report.goalsIntro()).contains("4 mål", "1 helt uppfyllt", "3 ej utvärderad");
        assertThat(report.controls()).extracting(CompiledReport.ControlEntry::number).containsExactly(1, 2, 6, 7);
        assertThat(report.controlIntro()).isEqualTo("Vid delårsbokslut har 4 av nämndens 7 internkontrollpunkter följts upp. "
                + "2 är genomförda utan anmärkning eller med försumbar anmärkning, 2 med anmärkning och 0 saknar bedömning.");
        assertThat(report.assignments()).hasSize(7);
        String html = compiler.article(report);
        assertThat(html).contains("Delårsbokslut 2022", "Mål 2022", "Utfall 2020", "Lapplandsgatans serviceboende", "i.u.");
    }

    @Test
    void a_decided_report_is_frozen_and_a_correction_makes_a_new_version() {
        long round = roundId();
        long lssGoal = object(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        as("controller");
        Round r = followup.round(round);
        assertThatThrownBy(() -> followup.decide(round, r.version(), new FollowupService.Decision(LocalDate.of(2022, 8, 1), "", null, true), x -> "html"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e))
                        .containsExactly("uppf.validering.beslutsdatum", "uppf.validering.paragraf"));
        Round decided = followup.decide(round, r.version(), new FollowupService.Decision(LocalDate.of(2022, 9, 27), "VON § 80, 2022-09-27", null, true),
                x -> compiler.article(compiler.compile(x, null)));
        assertThat(decided.state()).isEqualTo(RoundState.BESLUTAD);
        String v1 = followup.versionHtml(round, 1);
        assertThat(v1).contains("Lapplandsgatans serviceboende");
        // Frozen: no report, outcome, share or task change is taken.
        as("enhetschef");
        assertThatThrownBy(() -> reporting.saveReport(round, unit("VOF-HN"), lssGoal,
                new Reporting.ReportInput("Sent", null, null, null, null, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.beslutad"));
        // A correction opens version 2; version 1 stays exactly as decided.
        as("controller");
        Round reopened = followup.reopen(round, decided.version(), "Rättelse av analysen för mål 1");
        assertThat(reopened.reportVersion()).isEqualTo(2);
        Report admin = pages.objectPage(round, unit("VOF"), lssGoal).report();
        reporting.saveReport(round, unit("VOF"), lssGoal, new Reporting.ReportInput("Rättad analys.",
                GoalState.HELT_UPPFYLLT.name(), null, null, null, null), admin.version());
        assertThatThrownBy(() -> followup.decide(round, reopened.version(), new FollowupService.Decision(LocalDate.of(2022, 10, 25), "VON § 95", null, true), x -> "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.rattelse"));
        followup.decide(round, reopened.version(), new FollowupService.Decision(LocalDate.of(2022, 10, 25), "VON § 95, 2022-10-25",
                "Analysen för mål 1", true), x -> compiler.article(compiler.compile(x, null)));
        assertThat(followup.versions(round)).extracting(ReportVersion::number).containsExactly(1, 2);
        assertThat(followup.versionHtml(round, 1)).isEqualTo(v1).doesNotContain("Rättad analys.");
        assertThat(followup.versionHtml(round, 2)).contains("Rättad analys.");
    }

    @Test
    void opening_a_round_shares_the_committees_objects_and_creates_tasks() {
        as("controller");
        long von = unit("VON");
        assertThatThrownBy(() -> followup.open(new FollowupService.OpenRound(von, RoundType.ARSBOKSLUT, null,
                LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 12), LocalDate.of(2023, 1, 11), LocalDate.of(2023, 1, 10))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e))
                        .containsExactly("uppf.validering.deadline.oppnar", "uppf.validering.deadline.ordning"));
        Round round = followup.open(new FollowupService.OpenRound(von, RoundType.ARSBOKSLUT, null,
                LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 12), LocalDate.of(2023, 1, 19), LocalDate.of(2023, 1, 26)));
        assertThat(round.name()).isEqualTo("Årsbokslut 2022");
        FollowupViews.Overview o = pages.overview(round.id());
        // At the annual report control points 2, 3, 4, 5 and 6 are followed up.
        assertThat(o.objects().stream().filter(s -> s.part() == Part.IK).map(s -> s.object().position()))
                .containsExactlyInAnyOrder(2, 3, 4, 5, 6);
        assertThat(o.units()).hasSize(19);
        // Before the day the tasks open, a unit cannot report yet; the task is not on its start page either.
        rounds.useClock(java.time.Clock.fixed(java.time.Instant.parse("2023-01-05T08:00:00Z"), Rounds.SWEDEN));
        as("enhetschef");
        long lssGoal = object(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        assertThatThrownBy(() -> reporting.saveReport(round.id(), unit("VOF-HN"), lssGoal,
                new Reporting.ReportInput("För tidigt", null, null, null, null, null), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("uppf.validering.inteOppnad"));
        assertThat(work.start().toReport()).extracting(v -> v.round().id()).doesNotContain(round.id());
        rounds.useClock(java.time.Clock.fixed(java.time.Instant.parse("2023-01-20T08:00:00Z"), Rounds.SWEDEN));
        assertThat(work.start().toReport()).filteredOn(v -> v.round().id() == round.id())
                .isNotEmpty().extracting(FollowupViews.TaskView::overdue).containsOnly(true);
        // Only a controller or administrator of the committee may open one.
        as("enhetschef");
        assertThatThrownBy(() -> followup.open(new FollowupService.OpenRound(von, RoundType.ARSBOKSLUT, null,
                LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 12), LocalDate.of(2023, 1, 19), LocalDate.of(2023, 1, 26))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
