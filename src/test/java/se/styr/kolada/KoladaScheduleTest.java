package se.styr.kolada;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/**
 * The weekly fetch ({@link KoladaSchedule}) against the local stand-in for Kolada: it is scheduled by the configured
 * cron expression and not at all when that is "-", a run imports every municipality's linked values and is recorded
 * in {@code kolada_run}, and while another instance holds the database lock ({@code shedlock}, name
 * {@code kolada-values}) it does not run here. Each test is rolled back at its end.
 */
@StyrIntegrationTest
@Transactional
class KoladaScheduleTest {

    static final KoladaStandIn KOLADA = KoladaStandIn.INSTANCE;
    static final String CRON = "0 15 3 * * TUE";

    @DynamicPropertySource
    static void kolada(DynamicPropertyRegistry registry) {
        registry.add("styr.kolada.base-url", KOLADA::baseUrl);
        registry.add("styr.kolada.timeout", () -> "PT1S");
        registry.add("styr.kolada.attempts", () -> "2");
        registry.add("styr.kolada.retry-delay", () -> "PT0.1S");
        registry.add("styr.kolada.years-back", () -> "3");
        registry.add("styr.kolada.schedule", () -> CRON);
    }

    @Autowired
    KoladaSchedule schedule;
    @Autowired
    ScheduledTaskHolder tasks;
    @Autowired
    LockProvider locks;
    @Autowired
    JdbcClient jdbc;

    long municipality;

    @BeforeEach
    void setUp() {
        KOLADA.mode = KoladaStandIn.Mode.OK;
        KOLADA.alingsas2021 = "91";
        municipality = jdbc.sql("select id from municipality where kolada_id = '1489'").query(Long.class).single();
    }

    @Test
    void the_fetch_is_scheduled_by_the_configured_cron_expression() {
        assertThat(koladaTasks(tasks.getScheduledTasks())).singleElement()
                .satisfies(t -> assertThat(((CronTask) t.getTask()).getExpression()).isEqualTo(CRON));
    }

    @Test
    void a_run_imports_every_municipalitys_values_and_is_recorded() {
        long runs = runs();
        schedule.fetch();
        assertThat(runs()).as("one run per municipality").isEqualTo(runs
                + jdbc.sql("select count(*) from municipality").query(Long.class).single());
        assertThat(jdbc.sql("select status from kolada_run where municipality_id = ? order by id desc fetch first 1 rows only")
                .param(municipality).query(String.class).single()).isEqualTo("KLAR");
        assertThat(jdbc.sql("select amount from kolada_value where kpi = 'U21468' and area = '1489' and year = 2021 and sex = 'T'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("91");
    }

    @Test
    void a_failing_kolada_is_recorded_and_does_not_stop_the_run() {
        KOLADA.mode = KoladaStandIn.Mode.ERROR_500;
        schedule.fetch();
        assertThat(jdbc.sql("select status from kolada_run where municipality_id = ? order by id desc fetch first 1 rows only")
                .param(municipality).query(String.class).single()).isEqualTo("FEL");
    }

    @Test
    void while_another_instance_holds_the_lock_the_fetch_does_not_run_here() {
        long runs = runs();
        SimpleLock other = locks.lock(new LockConfiguration(Instant.now(), "kolada-values", Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();
        schedule.fetch();
        assertThat(runs()).as("the other instance is running it").isEqualTo(runs);
        other.unlock();
        schedule.fetch();
        assertThat(runs()).as("once the lock is released, it runs").isGreaterThan(runs);
    }

    @Test
    void the_fetch_is_not_scheduled_when_the_schedule_is_a_dash() {
        new ApplicationContextRunner().withBean(ScheduledAnnotationBeanPostProcessor.class)
                .withBean(KoladaSchedule.class, () -> new KoladaSchedule(null, null))
                .withPropertyValues("styr.kolada.schedule=-")
                .run(c -> assertThat(koladaTasks(c.getBean(ScheduledAnnotationBeanPostProcessor.class).getScheduledTasks())).isEmpty());
        new ApplicationContextRunner().withBean(ScheduledAnnotationBeanPostProcessor.class)
                .withBean(KoladaSchedule.class, () -> new KoladaSchedule(null, null))
                .withPropertyValues("styr.kolada.schedule=0 0 5 * * *")
                .run(c -> assertThat(koladaTasks(c.getBean(ScheduledAnnotationBeanPostProcessor.class).getScheduledTasks())).hasSize(1));
    }

    private static List<ScheduledTask> koladaTasks(java.util.Set<ScheduledTask> all) {
        return all.stream().filter(t -> t.getTask().getRunnable().toString().contains("KoladaSchedule")).toList();
    }

    private long runs() {
        return jdbc.sql("select count(*) from kolada_run").query(Long.class).single();
    }
}
