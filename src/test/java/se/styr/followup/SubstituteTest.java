package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.accounts.Substitutes;
import se.styr.accounts.Substitution;
import se.styr.platform.ValidationException;

/** A substitute (vikarie) sees, reports and approves the tasks of the person they stand in for, for a period. */
@StyrIntegrationTest
@Transactional
class SubstituteTest extends MvcTestSupport {

    @Autowired
    Substitutes substitutes;
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

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long round() {
        return id("select id from followup_round where name = 'Delårsbokslut 2022'");
    }

    private long unit(String code) {
        return id("select id from org_unit where code = ?", code);
    }

    private long lssGoal() {
        return id("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'");
    }

    @Test
    void a_substitute_reports_for_the_unit_only_during_the_period() {
        SignedIn.as(users, "enhetschef2");
        assertThatThrownBy(() -> reporting.saveReport(round(), unit("VOF-HN"), lssGoal(),
                new Reporting.ReportInput("Som vikarie", null, null, null, null, null), 0))
                .isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "enhetschef");
        se.styr.AuditTrail named = se.styr.AuditTrail.mark(jdbc);
        Substitution s = substitutes.name("enhetschef2", today, today.plusDays(7));
        assertThat(s.substituteName()).isEqualTo("Hanna Enhetschef");
        named.changed("substitute", s.id(), "enhetschef", null, "Hanna Enhetschef");
        assertThat(substitutes.mine()).extracting(Substitution::id).containsExactly(s.id());

        SignedIn.as(users, "enhetschef2");
        FollowupViews.StartPage start = work.start();
        assertThat(start.asSubstitute()).hasSize(1);
        assertThat(start.asSubstitute().get(0).substitution().displayName()).isEqualTo("Erik Enhetschef");
        assertThat(start.asSubstitute().get(0).toReport()).extracting(FollowupViews.TaskView::title)
                .contains("Måluppföljning, delårsbokslut: Hemtjänst Norr");
        // Their own tasks stay their own.
        assertThat(start.toReport()).extracting(FollowupViews.TaskView::title)
                .containsExactly("Måluppföljning, delårsbokslut: Haga hemtjänst 1");
        se.styr.AuditTrail written = se.styr.AuditTrail.mark(jdbc);
        Report saved = reporting.saveReport(round(), unit("VOF-HN"), lssGoal(),
                new Reporting.ReportInput("Som vikarie", null, null, null, null, null), 0);
        // The report and the audit log say who actually wrote it, and for whom.
        assertThat(saved.updatedBy()).isEqualTo("enhetschef2");
        assertThat(written.entries("followup_report", saved.id())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("enhetschef2");
            assertThat(e.summary()).contains("Hanna Enhetschef för Erik Enhetschef");
            assertThat(e.oldValue()).isNull();
            assertThat(e.newValue()).contains("Som vikarie");
        });

        // Removed, the substitute's rights end.
        SignedIn.as(users, "enhetschef");
        se.styr.AuditTrail removed = se.styr.AuditTrail.mark(jdbc);
        substitutes.remove(s.id());
        removed.changed("substitute", s.id(), "enhetschef", "Hanna Enhetschef", null);
        SignedIn.as(users, "enhetschef2");
        assertThat(work.start().asSubstitute()).isEmpty();
        assertThatThrownBy(() -> reporting.saveReport(round(), unit("VOF-HN"), lssGoal(),
                new Reporting.ReportInput("Igen", null, null, null, null, null), saved.version()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_substitute_for_a_department_manager_approves_the_units_below() {
        SignedIn.as(users, "avdelningschef");
        substitutes.name("forvaltningschef", today.minusDays(1), today);
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'", round(), unit("VOF-HN"));
        jdbc.sql("update followup_task set state = 'KLARMARKERAD' where id = ?").param(task).update();
        SignedIn.as(users, "forvaltningschef");
        assertThat(work.start().asSubstitute().get(0).toApprove()).extracting(v -> v.task().id()).contains(task);
        assertThat(workflow.approve(task, 0).approvedBy()).isEqualTo("forvaltningschef");
    }

    @Test
    void a_substitute_does_not_approve_the_task_of_their_own_unit() {
        // Dana (department Äldreomsorg) names Erik, manager of Hemtjänst Norr below it, while she is away
        SignedIn.as(users, "avdelningschef");
        substitutes.name("enhetschef", today, today);
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'", round(), unit("VOF-HN"));
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'enhetschef' where id = ?").param(task).update();
        SignedIn.as(users, "enhetschef");
        assertThatThrownBy(() -> workflow.approve(task, 0)).isInstanceOf(AccessDeniedException.class);
        assertThat(work.start().asSubstitute().get(0).toApprove()).extracting(v -> v.task().id()).doesNotContain(task);
        // his substitution still lets him approve the department's other units
        long haga = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'", round(), unit("VOF-HAGA1"));
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'enhetschef2' where id = ?").param(haga).update();
        assertThat(workflow.approve(haga, 0).approvedBy()).isEqualTo("enhetschef");
        // the audit log says on whose right the substitute acted
        assertThat(jdbc.sql("select actor || ': ' || summary from audit_entry where object_type = 'followup_task' and object_id = ? order by id desc limit 1")
                .param(haga).query(String.class).single())
                .isEqualTo("enhetschef: Godkänd: Måluppföljning, delårsbokslut: Haga hemtjänst 1 (Erik Enhetschef för Dana Avdelningschef)");
    }

    @Test
    void nobody_approves_a_task_they_marked_done_themselves() {
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'", round(), unit("VOF-HN"));
        // marked done by the department manager as Erik's substitute, say
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'avdelningschef' where id = ?").param(task).update();
        SignedIn.as(users, "avdelningschef");
        assertThatThrownBy(() -> workflow.approve(task, 0)).isInstanceOf(se.styr.platform.ValidationException.class)
                .satisfies(e -> assertThat(((se.styr.platform.ValidationException) e).problems())
                        .extracting(se.styr.platform.ValidationException.Problem::messageKey).containsExactly("uppf.validering.egenKlar"));
        SignedIn.as(users, "forvaltningschef");
        assertThat(workflow.approve(task, 0).state()).isEqualTo(TaskState.GODKAND);
    }

    @Test
    void naming_a_substitute_is_checked() {
        SignedIn.as(users, "enhetschef");
        assertThatThrownBy(() -> substitutes.name("enhetschef", today, today))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("vikarie.validering.sjalv"));
        assertThatThrownBy(() -> substitutes.name("okänd", today.plusDays(3), today))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey)
                        .containsExactly("vikarie.validering.person", "vikarie.validering.ordning"));
        assertThatThrownBy(() -> substitutes.name("enhetschef2", today.minusDays(9), today.minusDays(2)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("vikarie.validering.passerad"));
        assertThat(substitutes.mine()).isEmpty();
    }

    @Test
    void the_substitute_page_names_and_refuses_in_swedish() throws Exception {
        var enhetschef = user(users.loadUserByUsername("enhetschef"));
        mvc.perform(get("/vikarie").with(enhetschef)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hanna Enhetschef")));
        mvc.perform(post("/vikarie").with(csrf()).with(enhetschef).param("substitute", "enhetschef2")
                        .param("from", today.toString()).param("to", "inte ett datum"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Ange ett datum som ÅÅÅÅ-MM-DD.")));
        mvc.perform(post("/vikarie").with(csrf()).with(enhetschef).param("substitute", "enhetschef2")
                        .param("from", today.toString()).param("to", today.plusDays(2).toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/").with(user(users.loadUserByUsername("enhetschef2")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mina uppgifter som vikarie")))
                .andExpect(content().string(containsString("För Erik Enhetschef")));
    }
}
