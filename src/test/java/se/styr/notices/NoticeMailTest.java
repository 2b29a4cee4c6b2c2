package se.styr.notices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.EmptyDatabase;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.followup.FollowupService;
import se.styr.followup.Reporting;
import se.styr.followup.RoundType;
import se.styr.followup.TaskWorkflow;
import se.styr.platform.Paging;

/**
 * The notices by e-mail, through an SMTP server inside the test: each kind in Swedish with a link to the task, the
 * daily digest, reminders that are not sent twice, two senders that do not send the same mail twice, and a failed
 * mail retried. The demo's Delårsbokslut 2022 in a database of this class's own (the mails are committed).
 */
@StyrIntegrationTest
class NoticeMailTest {

    static final SmtpServer SMTP = SmtpServer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        EmptyDatabase.register(registry, "notices");
        SMTP.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MailOutbox outbox;
    @Autowired
    Reminders reminders;
    @Autowired
    NoticeTime time;
    @Autowired
    Notices notices;
    @Autowired
    TaskWorkflow workflow;
    @Autowired
    Reporting reporting;
    @Autowired
    FollowupService followup;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @BeforeEach
    void drain() {
        time.use(Clock.system(NoticeTime.SWEDEN));
        deliver();
        SMTP.clear();
    }

    @AfterEach
    void reset() {
        time.use(Clock.system(NoticeTime.SWEDEN));
        SecurityContextHolder.clearContext();
    }

    private void deliver() {
        dispatcher.dispatchDue("test");
        outbox.sendDue("test");
    }

    private long id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long task(String unitCode) {
        return id("""
                select t.id from followup_task t join followup_round r on r.id = t.round_id join org_unit u on u.id = t.unit_id
                 where r.name = 'Delårsbokslut 2022' and u.code = ? and t.part = 'MAL'""", unitCode);
    }

    private int version(long taskId) {
        return jdbc.sql("select version from followup_task where id = ?").param(taskId).query(Integer.class).single();
    }

    /** The unit writes an analysis on every goal of its task, so that it can be marked done. */
    private void reportAll(long taskId) {
        long round = id("select round_id from followup_task where id = ?", taskId);
        long unit = id("select unit_id from followup_task where id = ?", taskId);
        List<Long> goals = jdbc.sql("""
                        select s.object_id from followup_share s join goal_object o on o.id = s.object_id
                         where s.round_id = ? and s.unit_id = ? and o.kind in ('NAMNDMAL', 'ARBETSMILJOMAL')""")
                .params(round, unit).query(Long.class).list();
        assertThat(goals).isNotEmpty();
        for (long goal : goals) {
            reporting.saveReport(round, unit, goal, new Reporting.ReportInput("Arbetet går enligt plan.", null, null,
                    null, null, null), 0);
        }
    }

    private static String only(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        return SmtpServer.subject(mails.get(0)) + "\n" + SmtpServer.text(mails.get(0));
    }

    @Test
    void marked_done_sent_back_and_approved_each_reach_the_right_person_in_swedish_with_a_link() {
        long task = task("VOF-HN");
        String link = "http://styr.test/uppfoljning/uppgift/" + task;
        SignedIn.as(users, "enhetschef");
        reportAll(task);
        workflow.markDone(task, version(task));
        deliver();
        String toApprover = only(SMTP.to("avdelningschef@example.invalid"));
        assertThat(toApprover).contains("Att godkänna: Måluppföljning, delårsbokslut: Hemtjänst Norr")
                .contains("Hej Dana Avdelningschef,")
                .contains("Erik Enhetschef har klarmarkerat uppgiften ”Måluppföljning, delårsbokslut: Hemtjänst Norr” i Delårsbokslut 2022")
                .contains(link);
        assertThat(SMTP.to("enhetschef@example.invalid")).as("who marked it done is not told").isEmpty();
        assertThat(SmtpServer.html(SMTP.to("avdelningschef@example.invalid").get(0))).contains("<html lang=\"sv\"")
                .contains("<a href=\"" + link + "\"").contains("Hej Dana Avdelningschef,");

        SMTP.clear();
        SignedIn.as(users, "avdelningschef");
        workflow.sendBack(task, version(task), "Komplettera analysen av brukarnöjdheten.");
        deliver();
        assertThat(only(SMTP.to("enhetschef@example.invalid"))).contains("Återsänd: Måluppföljning, delårsbokslut: Hemtjänst Norr")
                .contains("Dana Avdelningschef har skickat tillbaka uppgiften")
                .contains("Komplettera analysen av brukarnöjdheten.").contains(link);
        assertThat(SMTP.to("avdelningschef@example.invalid")).isEmpty();

        SignedIn.as(users, "enhetschef");
        workflow.markDone(task, version(task));
        SignedIn.as(users, "avdelningschef");
        workflow.approve(task, version(task));
        SMTP.clear();
        deliver();
        assertThat(only(SMTP.to("enhetschef@example.invalid"))).contains("Godkänd: Måluppföljning, delårsbokslut: Hemtjänst Norr")
                .contains("Dana Avdelningschef har godkänt uppgiften").contains(link);
        // the approver's notice of the second marking done lapsed: the task was approved before it went out
        assertThat(SMTP.to("avdelningschef@example.invalid")).isEmpty();

        // the same notices are on the person's list
        SignedIn.as(users, "enhetschef");
        assertThat(notices.mine(false, new Paging(1, 10)).items()).extracting(Notice::kind)
                .contains(NoticeKind.GODKAND, NoticeKind.ATERSAND);
    }

    @Test
    void a_new_round_tells_its_units_and_reminds_them_once_before_and_once_after_the_deadline() {
        SignedIn.as(users, "controller");
        long von = id("select id from org_unit where code = 'VON'");
        followup.open(new FollowupService.OpenRound(von, RoundType.DELARSBOKSLUT, "Delårsbokslut test",
                LocalDate.of(2022, 8, 31), today, today.plusDays(2), today.plusDays(5)));
        deliver();
        // Hemtjänst Norr reports on goals and on critical factors: two tasks, two mails
        List<String> opened = all(SMTP.to("enhetschef@example.invalid"));
        assertThat(opened).hasSize(2);
        assertThat(opened).anySatisfy(m -> assertThat(m).contains("Ny uppgift i Styr: Måluppföljning, delårsbokslut: Hemtjänst Norr")
                .contains("har öppnats").contains("Sista dag: " + MailTexts.date(today.plusDays(2))));

        SMTP.clear();
        assertThat(reminders.scan()).isPositive();
        deliver();
        List<String> reminded = all(SMTP.to("enhetschef@example.invalid"));
        assertThat(reminded).hasSize(2);
        assertThat(reminded).anySatisfy(m -> assertThat(m)
                .contains("Påminnelse: Måluppföljning, delårsbokslut: Hemtjänst Norr ska vara klar " + MailTexts.date(today.plusDays(2)))
                .contains("ska vara klarmarkerad senast"));
        assertThat(SMTP.to("avdelningschef@example.invalid")).as("the department's deadline is five days away").isEmpty();
        SMTP.clear();
        assertThat(reminders.scan()).as("reminded once").isZero();

        time.use(Clock.fixed(ZonedDateTime.now(NoticeTime.SWEDEN).plusDays(3).toInstant(), NoticeTime.SWEDEN));
        assertThat(reminders.scan()).isPositive();
        deliver();
        assertThat(SMTP.to("enhetschef@example.invalid")).extracting(SmtpServer::subject)
                .containsExactlyInAnyOrder("Försenad: Måluppföljning, delårsbokslut: Hemtjänst Norr",
                        "Försenad: Uppföljning kritiska verksamhetsfaktorer, delårsbokslut: Hemtjänst Norr");
        SMTP.clear();
        assertThat(reminders.scan()).isZero();
        deliver();
        assertThat(SMTP.to("enhetschef@example.invalid")).as("late only once").isEmpty();
    }

    @Test
    void a_task_that_leaves_its_round_keeps_its_notice_without_a_link_and_its_mail_is_not_sent() {
        SignedIn.as(users, "controller");
        long round = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        long assignment = id("select id from goal_object where kind = 'UPPDRAG' and title = 'Utveckla ekonomistyrning'");
        long fk = id("select id from org_unit where code = 'VOF-FK'");
        long hn = id("select id from org_unit where code = 'VOF-HN'");
        followup.share(round, assignment, true, java.util.Set.of(fk, hn), followup.round(round).version());
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'UPPDRAG'", round, hn);
        dispatcher.dispatchDue("test");
        assertThat(jdbc.sql("select mail from notice where task_id = ?").param(task).query(String.class).list())
                .as("Hemtjänst Norr's reporter is told of the new task").containsExactly("VANTAR");

        followup.share(round, assignment, true, java.util.Set.of(fk), followup.round(round).version());
        assertThat(jdbc.sql("select count(*) from followup_task where id = ?").param(task).query(Long.class).single()).isZero();
        outbox.sendDue("test");
        assertThat(SMTP.to("enhetschef@example.invalid")).as("no mail about a task that is gone").isEmpty();
        SignedIn.as(users, "enhetschef");
        Notice kept = notices.mine(true, new Paging(1, 50)).items().stream().filter(n -> n.taskId() == task).findFirst().orElseThrow();
        assertThat(kept.link()).as("no link to a page that no longer exists").isNull();
        assertThat(kept.mail()).isEqualTo(MailState.INGEN);
    }

    private static List<String> all(List<MimeMessage> mails) {
        return mails.stream().map(m -> SmtpServer.subject(m) + "\n" + SmtpServer.text(m)).toList();
    }

    @Test
    void a_person_who_chose_the_digest_gets_one_mail_a_day_with_everything() {
        SignedIn.as(users, "enhetschef2");
        Notices.Settings s = notices.settings();
        notices.save(s.email(), true, s.personVersion(), s.version());
        long task = task("VOF-HAGA1");
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'enhetschef2' where id = ?").param(task).update();
        SignedIn.as(users, "avdelningschef");
        workflow.sendBack(task, version(task), "Saknar analys av sjukfrånvaron.");
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'enhetschef2' where id = ?").param(task).update();
        workflow.approve(task, version(task));
        deliver();
        assertThat(SMTP.to("enhetschef2@example.invalid")).as("waits for the digest").isEmpty();

        time.use(Clock.fixed(ZonedDateTime.now(NoticeTime.SWEDEN).plusDays(1).withHour(7).withMinute(5).toInstant(),
                NoticeTime.SWEDEN));
        assertThat(outbox.sendDigests("a")).isEqualTo(1);
        assertThat(outbox.sendDigests("b")).as("sent once").isZero();
        String digest = only(SMTP.to("enhetschef2@example.invalid"));
        assertThat(digest).contains("Styr: 2 nya meddelanden om dina uppgifter")
                .contains("Dana Avdelningschef har skickat tillbaka uppgiften ”Måluppföljning, delårsbokslut: Haga hemtjänst 1”")
                .contains("Saknar analys av sjukfrånvaron.")
                .contains("Dana Avdelningschef har godkänt uppgiften ”Måluppföljning, delårsbokslut: Haga hemtjänst 1”")
                .contains("http://styr.test/uppfoljning/uppgift/" + task);
        SignedIn.as(users, "enhetschef2");
        s = notices.settings();
        notices.save(s.email(), false, s.personVersion(), s.version());
    }

    private long waitingMails(int count) {
        long user = id("select id from app_user where username = 'politiker'");
        long municipality = id("select municipality_id from app_user where id = ?", user);
        long first = 0;
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    insert into notice_event (municipality_id, kind, task_id, due_at, created_at, claimed_by, handled_at)
                    values (?, 'GODKAND', ?, current_timestamp, current_timestamp, 'test', current_timestamp)""")
                    .params(municipality, 1000 + i).update();
            long event = id("select max(id) from notice_event");
            first = first == 0 ? event : first;
            jdbc.sql("""
                    insert into notice (municipality_id, event_id, user_id, kind, task_id, task_title, round_name,
                      actor_name, created_at, mail, mail_to)
                    values (?, ?, ?, 'GODKAND', ?, ?, 'Delårsbokslut 2022', 'Dana Avdelningschef', ?, 'VANTAR', ?)""")
                    .params(municipality, event, user, 1000 + i, "Uppgift " + i, time.now().minusMinutes(1),
                            "mottagare" + i + "@kommun.test").update();
        }
        return first;
    }

    @Test
    void two_senders_at_once_send_each_mail_once() throws Exception {
        long event = waitingMails(40);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> await(start, () -> outbox.sendDue("instans-a")));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> await(start, () -> outbox.sendDue("instans-b")));
        start.countDown();
        assertThat(a.get() + b.get()).isEqualTo(40);
        assertThat(SMTP.received()).hasSize(40);
        assertThat(SMTP.received().stream().map(m -> SmtpServer.subject(m)).distinct()).hasSize(40);
        assertThat(jdbc.sql("select count(*) from notice where event_id >= ? and mail = 'SKICKAD'").param(event)
                .query(Long.class).single()).isEqualTo(40);
    }

    private static int await(CountDownLatch start, java.util.function.IntSupplier run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run.getAsInt();
    }

    @Test
    void a_failed_mail_is_tried_again_later_and_the_administrator_sees_it() {
        long event = waitingMails(1);
        SMTP.stop();
        try {
            assertThat(outbox.sendDue("x")).isZero();
        } finally {
            SMTP.restart();
        }
        Notice failed = jdbc.sql("select id from notice where event_id = ?").param(event).query(Long.class).list().stream()
                .findFirst().map(id -> {
                    SignedIn.as(users, "admin");
                    return notices.outbox(null, new Paging(1, 50)).mails().items().stream().filter(n -> n.id() == id)
                            .findFirst().orElseThrow();
                }).orElseThrow();
        assertThat(failed.mail()).isEqualTo(MailState.VANTAR);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.nextAttemptAt()).isAfter(time.now());

        assertThat(outbox.sendDue("y")).as("not before the next attempt is due").isZero();
        time.use(Clock.fixed(ZonedDateTime.now(NoticeTime.SWEDEN).plusMinutes(2).toInstant(), NoticeTime.SWEDEN));
        assertThat(outbox.sendDue("z")).isEqualTo(1);
        assertThat(SMTP.received()).hasSize(1);
    }

    @Test
    void backoff_doubles_up_to_six_hours() {
        assertThat(MailOutbox.backoff(1)).hasMinutes(1);
        assertThat(MailOutbox.backoff(2)).hasMinutes(2);
        assertThat(MailOutbox.backoff(4)).hasMinutes(8);
        assertThat(MailOutbox.backoff(20)).hasHours(6);
    }
}
