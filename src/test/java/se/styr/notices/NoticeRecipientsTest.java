package se.styr.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.QueryCounter;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.accounts.Access;
import se.styr.accounts.Responsibles;
import se.styr.accounts.Substitutes;
import se.styr.followup.TaskWorkflow;

/**
 * Who is told, on the demo's Alingsås without an SMTP server: the unit's own reporter, the approver above it, the
 * controller where a unit has no reporter, the substitutes of the day; and without SMTP the notices are on the start
 * page and nothing fails.
 */
@StyrIntegrationTest
@Transactional
class NoticeRecipientsTest {

    @Autowired
    Responsibles responsibles;
    @Autowired
    Substitutes substitutes;
    @Autowired
    TaskWorkflow workflow;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Mailer mailer;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private List<String> names(Access.Action action, String code, LocalDate day) {
        return responsibles.forUnits(action, List.of(unit(code)), day).get(unit(code)).stream()
                .map(p -> p.username() + (p.standingInFor() == null ? "" : " för " + p.standingInFor())).toList();
    }

    @Test
    void the_nearest_level_reports_and_approves() {
        assertThat(names(Access.Action.REPORT, "VOF-HN", today)).containsExactly("enhetschef");
        assertThat(names(Access.Action.APPROVE, "VOF-HN", today)).containsExactly("avdelningschef");
        assertThat(names(Access.Action.REPORT, "VOF-AO", today)).containsExactly("avdelningschef");
        assertThat(names(Access.Action.APPROVE, "VOF-AO", today)).containsExactly("forvaltningschef");
        // Funktionsstöd has no reporter of its own: its controller is told, and the head of the administration approves
        assertThat(names(Access.Action.REPORT, "VOF-FS", today)).containsExactly("controller");
        assertThat(names(Access.Action.APPROVE, "VOF-FS", today)).containsExactly("forvaltningschef");
    }

    @Test
    void a_substitute_is_told_on_the_days_named_but_never_to_approve_their_own_unit() {
        SignedIn.as(users, "enhetschef");
        substitutes.name("enhetschef2", today, today.plusDays(2));
        assertThat(names(Access.Action.REPORT, "VOF-HN", today)).containsExactly("enhetschef", "enhetschef2 för Erik Enhetschef");
        assertThat(names(Access.Action.REPORT, "VOF-HN", today.plusDays(3))).containsExactly("enhetschef");

        // Dana names Erik, whose own unit is below hers: he is told of the others' tasks, not of his own
        SignedIn.as(users, "avdelningschef");
        substitutes.name("enhetschef", today, today);
        assertThat(names(Access.Action.APPROVE, "VOF-HAGA1", today)).containsExactly("avdelningschef", "enhetschef för Dana Avdelningschef");
        assertThat(names(Access.Action.APPROVE, "VOF-HN", today)).containsExactly("avdelningschef");
    }

    @Test
    void every_unit_of_the_municipality_in_a_bounded_number_of_queries() {
        List<Long> all = jdbc.sql("select id from org_unit").query(Long.class).list();
        QueryCounter.reset();
        Map<Long, List<Responsibles.Person>> told = responsibles.forUnits(Access.Action.APPROVE, all, today);
        assertThat(QueryCounter.statements()).isLessThanOrEqualTo(3);
        assertThat(told).hasSize(all.size());
    }

    @Test
    void without_smtp_the_start_page_carries_the_notice_and_nothing_fails() throws Exception {
        assertThat(mailer.enabled()).isFalse();
        long task = jdbc.sql("""
                        select t.id from followup_task t join followup_round r on r.id = t.round_id join org_unit u on u.id = t.unit_id
                         where r.name = 'Delårsbokslut 2022' and u.code = 'VOF-HN' and t.part = 'MAL'""").query(Long.class).single();
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'enhetschef' where id = ?").param(task).update();
        SignedIn.as(users, "avdelningschef");
        workflow.sendBack(task, 0, "Komplettera analysen.");
        assertThat(dispatcher.dispatchDue("test")).isPositive();
        assertThat(jdbc.sql("select mail from notice where task_id = ?").param(task).query(String.class).list())
                .containsOnly("INGEN");

        mvc.perform(get("/").with(user(users.loadUserByUsername("enhetschef"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Att göra / Meddelanden")))
                .andExpect(content().string(Matchers.containsString(
                        "Dana Avdelningschef har skickat tillbaka uppgiften ”Måluppföljning, delårsbokslut: Hemtjänst Norr”")))
                .andExpect(content().string(Matchers.containsString("/uppfoljning/uppgift/" + task)));
        mvc.perform(get("/meddelanden").with(user(users.loadUserByUsername("enhetschef"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Komplettera analysen.")));
        mvc.perform(post("/meddelanden/lasta").with(csrf()).with(user(users.loadUserByUsername("enhetschef"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/").with(user(users.loadUserByUsername("enhetschef"))))
                .andExpect(content().string(Matchers.containsString("Inga nya meddelanden.")));
        mvc.perform(get("/konto/meddelanden").with(user(users.loadUserByUsername("enhetschef"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("E-post är inte inställt")));
        mvc.perform(get("/admin/utskick").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void a_person_changes_their_own_address_and_a_wrong_one_is_refused_in_swedish() throws Exception {
        var erik = user(users.loadUserByUsername("enhetschef"));
        mvc.perform(post("/konto/meddelanden").with(csrf()).with(erik)
                        .param("email", "inte en adress").param("digest", "true").param("personVersion", "0").param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Ange en e-postadress")));
        mvc.perform(post("/konto/meddelanden").with(csrf()).with(erik)
                        .param("email", "erik@alingsas.test").param("digest", "true").param("personVersion", "0").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select email from app_user where username = 'enhetschef'").query(String.class).single())
                .isEqualTo("erik@alingsas.test");
        assertThat(jdbc.sql("select digest from notice_setting s join app_user u on u.id = s.user_id where u.username = 'enhetschef'")
                .query(Boolean.class).single()).isTrue();
        // a stale form is a conflict, not a lost change
        mvc.perform(post("/konto/meddelanden").with(csrf()).with(erik)
                        .param("email", "erik2@alingsas.test").param("digest", "true").param("personVersion", "0").param("version", "1"))
                .andExpect(status().isConflict());
    }

    @Test
    void the_administrator_sets_a_persons_address() throws Exception {
        long erik = jdbc.sql("select id from app_user where username = 'enhetschef'").query(Long.class).single();
        int version = jdbc.sql("select version from app_user where id = ?").param(erik).query(Integer.class).single();
        mvc.perform(post("/personer/" + erik + "/uppgifter").with(csrf()).with(user(users.loadUserByUsername("admin")))
                        .param("displayName", "Erik Enhetschef").param("email", "erik.enhetschef@alingsas.test")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select email from app_user where id = ?").param(erik).query(String.class).single())
                .isEqualTo("erik.enhetschef@alingsas.test");
        mvc.perform(post("/personer/" + erik + "/uppgifter").with(csrf()).with(user(users.loadUserByUsername("controller")))
                        .param("displayName", "X").param("email", "x@alingsas.test").param("version", String.valueOf(version + 1)))
                .andExpect(status().isForbidden());
    }
}
