package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.SignedIn;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.MeasureValue;

/**
 * The compiled report and its PDF are made once per change of the municipality's data: a second reader gets them from
 * the cache, and every kind of write the report shows (an administration's report and assessment, a task approved, a
 * key figure's values) raises the data version when it commits, so the next reader gets a report made afresh.
 *
 * <p>The writes here are committed, as in production, so the test has an in-memory database of its own (H2 only: the
 * data version lives in the database, which is why the design is right with several instances on one PostgreSQL).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:rapportcache;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ReportCacheTest extends MvcTestSupport {

    @Autowired
    ReportCompiler compiler;
    @Autowired
    AuditLog audit;
    @Autowired
    Reporting reporting;
    @Autowired
    TaskWorkflow workflow;
    @Autowired
    GoalService goals;
    @Autowired
    TransactionTemplate transactions;

    private long round;
    private long municipality;

    @BeforeEach
    void ids() {
        round = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        municipality = id("select municipality_id from followup_round where id = ?", round);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MvcResult read(String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername("politiker")))).andExpect(status().isOk()).andReturn();
    }

    private String report() throws Exception {
        return read("/uppfoljning/" + round + "/rapport").getResponse().getContentAsString();
    }

    @Test
    void a_second_reader_gets_the_report_and_its_pdf_without_compiling_or_rendering_again() throws Exception {
        report(); // whatever an earlier test left in the cache, this one is current
        read("/uppfoljning/" + round + "/rapport.pdf");
        int made = compiler.made();
        QueryCounter.reset();
        report();
        int cachedStatements = QueryCounter.statements();
        byte[] first = read("/uppfoljning/" + round + "/rapport.pdf").getResponse().getContentAsByteArray();
        byte[] second = read("/uppfoljning/" + round + "/rapport.pdf").getResponse().getContentAsByteArray();
        assertThat(compiler.made()).as("reports compiled and PDFs rendered").isEqualTo(made);
        assertThat(second).isEqualTo(first);

        compiler.forget();
        QueryCounter.reset();
        report();
        int compiledStatements = QueryCounter.statements();
        assertThat(compiler.made()).isEqualTo(made + 1);
        System.out.println("SQL-satser för rapporten: sammanställd " + compiledStatements + ", ur cachen " + cachedStatements);
        assertThat(cachedStatements).isLessThan(compiledStatements / 2);
    }

    @Test
    void every_committed_write_the_report_shows_raises_the_data_version_and_the_next_reader_gets_it() throws Exception {
        long admin = id("select admin_unit_id from followup_round where id = ?", round);
        long goal = id("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'");
        List<Long> stamps = new ArrayList<>();
        stamps.add(audit.dataVersion(municipality));
        assertThat(report()).doesNotContain("Analys skriven i testet");

        // the administration's analysis and assessment of a committee goal
        SignedIn.as(users, "controller");
        int version = jdbc.sql("select version from followup_report where round_id = ? and object_id = ? and unit_id = ?")
                .params(round, goal, admin).query(Integer.class).optional().orElse(0);
        reporting.saveReport(round, admin, goal, new Reporting.ReportInput("Analys skriven i testet", "DELVIS_UPPFYLLT", null,
                null, null, null), version);
        stamps.add(audit.dataVersion(municipality));
        int made = compiler.made();
        assertThat(report()).contains("Analys skriven i testet");
        assertThat(compiler.made()).isEqualTo(made + 1);

        // a unit's task approved by its department's manager
        long task = id("select id from followup_task where round_id = ? and part = 'MAL' and unit_id = (select id from org_unit where code = 'VOF-HN')", round);
        jdbc.sql("update followup_task set state = 'KLARMARKERAD' where id = ?").param(task).update();
        SignedIn.as(users, "avdelningschef");
        workflow.approve(task, (int) id("select version from followup_task where id = ?", task));
        stamps.add(audit.dataVersion(municipality));

        // a key figure's values in the goal chain
        SignedIn.as(users, "controller");
        long figure = id("select id from goal_object where kind = 'NYCKELTAL' and parent_id = ? order by position fetch first 1 rows only", goal);
        GoalObject kf = goals.get(figure);
        List<MeasureValue> values = new ArrayList<>(goals.values(figure).stream().filter(v -> v.year() != 2021).toList());
        values.add(new MeasureValue(2021, new BigDecimal("7777"), null));
        goals.setValues(figure, kf.version(), values);
        stamps.add(audit.dataVersion(municipality));
        made = compiler.made();
        assertThat(report()).containsPattern("7[\\s\\u00a0\\u202f]?777");
        assertThat(compiler.made()).isEqualTo(made + 1);

        // a write that is rolled back changes nothing
        SignedIn.as(users, "controller");
        transactions.executeWithoutResult(tx -> {
            reporting.saveReport(round, admin, goal, new Reporting.ReportInput("Ångrad analys", "DELVIS_UPPFYLLT", null, null, null, null),
                    jdbc.sql("select version from followup_report where round_id = ? and object_id = ? and unit_id = ?")
                            .params(round, goal, admin).query(Integer.class).single());
            assertThat(AuditLog.hasUncommittedWrites()).isTrue();
            tx.setRollbackOnly();
        });
        stamps.add(audit.dataVersion(municipality));

        assertThat(stamps.subList(0, 4)).as("data version after each committed write").doesNotHaveDuplicates().isSorted();
        assertThat(stamps.get(4)).as("after a rolled-back write").isEqualTo(stamps.get(3));
        made = compiler.made();
        assertThat(report()).doesNotContain("Ångrad analys");
        assertThat(compiler.made()).as("nothing changed, nothing compiled").isEqualTo(made);
    }
}
