package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import se.styr.economy.excel.ImportFiles;

/**
 * Two people write the same thing at the same instant, each in a transaction of their own on a thread of its own,
 * released together by a barrier: exactly one wins, the other is told in Swedish that someone else was first (409),
 * nothing half-written remains and the audit log tells the winner's story only. A database of its own with the demo,
 * so that the writes disturb no other test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("db")
class ParallelWritesTest extends MvcTestSupport {

    /** The start of every conflict message, the API's and the forms' own. */
    private static final String CONFLICT = "Någon annan har ";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "parallel");
    }

    /** An answer: status and body. */
    record Answer(int status, String body) {
        /** Saved: 200 from the API, the redirect after a form. */
        boolean won() {
            return status == 200 || status == 302;
        }
    }

    /** Runs both requests at the same instant and returns their answers in the order given. */
    private List<Answer> together(RequestBuilder first, RequestBuilder second) throws Exception {
        List<Object> results = atOnce(List.of(() -> answer(first), () -> answer(second)));
        for (Object r : results) {
            if (r instanceof Exception e) {
                throw new AssertionError("a request was not answered: an exception reached the servlet", e);
            }
        }
        return results.stream().map(Answer.class::cast).toList();
    }

    private Answer answer(RequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        return new Answer(r.getResponse().getStatus(), r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Calls each task on a thread of its own, released together; a task's exception is its result. */
    private static List<Object> atOnce(List<Callable<Object>> tasks) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        return task.call();
                    } catch (Exception e) {
                        return e;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one of the two answers is a 200 and the other the Swedish conflict; returns which one won (0 or 1). */
    private static int oneWinsOneConflicts(List<Answer> answers) {
        assertThat(answers).filteredOn(Answer::won).as("winners among %s", answers.stream().map(Answer::status).toList()).hasSize(1);
        assertThat(answers).extracting(Answer::status).contains(409);
        Answer lost = answers.get(0).won() ? answers.get(1) : answers.get(0);
        assertThat(lost.body()).contains(CONFLICT);
        assertThat(SwedishAnswers.internal(lost.body())).isNull();
        return answers.get(0).won() ? 0 : 1;
    }

    private long round() {
        return id("select id from followup_round where name = 'Delårsbokslut 2022'");
    }

    private long unit(String code) {
        return id("select id from org_unit where code = ?", code);
    }

    @Test
    void two_first_saves_of_the_same_report_one_is_saved_the_other_is_told() throws Exception {
        long object = id("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'");
        long unit = unit("VOF-HN");
        String url = "/api/v1/rounds/" + round() + "/units/" + unit + "/objects/" + object + "/report";
        AuditTrail audit = AuditTrail.mark(jdbc);
        List<Answer> answers = together(
                put(url).with(httpBasic("enhetschef", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"analysis\":\"Den första analysen\"}"),
                put(url).with(httpBasic("enhetschef", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"analysis\":\"Den andra analysen\"}"));
        String winner = oneWinsOneConflicts(answers) == 0 ? "Den första analysen" : "Den andra analysen";

        List<Map<String, Object>> rows = jdbc.sql("select id, analysis, version from followup_report where round_id = ? "
                + "and unit_id = ? and object_id = ?").params(round(), unit, object).query().listOfRows();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("analysis")).isEqualTo(winner));
        audit.changed("followup_report", ((Number) rows.get(0).get("id")).longValue(), "enhetschef", null, winner);
    }

    @Test
    void approve_and_send_back_at_once_only_one_happens() throws Exception {
        long task = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'", round(), unit("VOF-HN"));
        jdbc.sql("update followup_task set state = 'KLARMARKERAD', done_by = 'enhetschef', version = version + 1 where id = ?")
                .param(task).update();
        int version = jdbc.sql("select version from followup_task where id = ?").param(task).query(Integer.class).single();
        AuditTrail audit = AuditTrail.mark(jdbc);
        List<Answer> answers = together(
                post("/api/v1/tasks/" + task + "/approve").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"),
                post("/api/v1/tasks/" + task + "/send-back").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + ",\"comment\":\"Komplettera\"}"));
        String state = oneWinsOneConflicts(answers) == 0 ? "GODKAND" : "ATERSAND";

        assertThat(jdbc.sql("select state from followup_task where id = ?").param(task).query(String.class).single()).isEqualTo(state);
        assertThat(jdbc.sql("select version from followup_task where id = ?").param(task).query(Integer.class).single()).isEqualTo(version + 1);
        audit.changed("followup_task", task, "controller", "KLARMARKERAD", state);
    }

    @Test
    void two_saves_of_the_same_budget_table_one_is_saved_the_other_is_told() throws Exception {
        long budget = id("select b.id from budget b join plan_period p on p.id = b.period_id where p.name = 'Budget 2022–2024' "
                + "order by b.version_no desc limit 1");
        int version = jdbc.sql("select version from budget where id = ?").param(budget).query(Integer.class).single();
        String url = "/api/v1/budgets/" + budget + "/tables/RESULTAT";
        AuditTrail audit = AuditTrail.mark(jdbc);
        List<Answer> answers = together(
                put(url).with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"cells\":{\"SKATTEINTAKTER_2024\":2300000000}}"),
                put(url).with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"cells\":{\"SKATTEINTAKTER_2024\":2400000000}}"));
        String winner = oneWinsOneConflicts(answers) == 0 ? "2 300 000 tkr" : "2 400 000 tkr";

        assertThat(jdbc.sql("select version from budget where id = ?").param(budget).query(Integer.class).single()).isEqualTo(version + 1);
        AuditTrail.Entry entry = audit.changed("BUDGET", budget, "admin", "Skatteintäkter 2024\":\"2 297 073 tkr", winner);
        assertThat(AuditTrail.readable(entry.newValue())).doesNotContain(winner.equals("2 300 000 tkr") ? "2 400 000 tkr" : "2 300 000 tkr");
    }

    @Test
    void two_saves_of_the_same_proposal_one_is_saved_the_other_is_told() throws Exception {
        long base = id("select b.id from budget b join plan_period p on p.id = b.period_id "
                + "where p.name = 'Budget 2025–2027 (illustrativ grund)' order by b.version_no desc limit 1");
        String created = mvc.perform(post("/forslag").with(as("partiV")).with(csrf()).param("budgetId", String.valueOf(base))
                        .param("partyUnitId", String.valueOf(unit("V"))).param("title", "Samtidigt").param("taxChangeOre", "30")
                        .param("pkvShare", "100").param("volumeShare", "100").param("taxBase2025", "9985000000")
                        .param("taxBase2026", "10324000000").param("taxBase2027", "10754000000"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(created).matches("/forslag/\\d+");
        long proposal = Long.parseLong(created.substring("/forslag/".length()));
        AuditTrail audit = AuditTrail.mark(jdbc);
        List<Answer> answers = together(proposalSave(proposal, 31), proposalSave(proposal, 32));
        int winner = oneWinsOneConflicts(answers) == 0 ? 31 : 32;

        assertThat(jdbc.sql("select tax_change_ore from proposal_version where id = ?").param(proposal).query(Integer.class).single())
                .isEqualTo(winner);
        audit.changed("PROPOSAL", proposal, "partiV", "\"taxChangeOre\":30", "\"taxChangeOre\":" + winner);
    }

    private MockHttpServletRequestBuilder proposalSave(long proposal, int ore) {
        return post("/forslag/" + proposal).with(as("partiV")).with(csrf()).param("version", "0").param("title", "Samtidigt")
                .param("taxChangeOre", String.valueOf(ore)).param("pkvShare", "100").param("volumeShare", "100")
                .param("taxBase2025", "9985000000").param("taxBase2026", "10324000000").param("taxBase2027", "10754000000");
    }

    @Test
    void two_imports_of_outcomes_at_once_leave_one_whole_file_not_a_mix_and_no_server_error() throws Exception {
        String unit = "VOF-HN";
        byte[] first = ImportFiles.outcomes(List.of(List.of(unit, 2024, 1, "Lokalhyror", -111), List.of(unit, 2024, 2, "Lokalhyror", -112)));
        byte[] second = ImportFiles.outcomes(List.of(List.of(unit, 2024, 1, "Lokalhyror", -221), List.of(unit, 2024, 2, "Lokalhyror", -222)));
        List<Answer> answers = together(
                MockMvcRequestBuilders.multipart("/api/v1/outcomes/import").file(file(first)).with(httpBasic("controller", "styr-demo")),
                MockMvcRequestBuilders.multipart("/api/v1/outcomes/import").file(file(second)).with(httpBasic("controller", "styr-demo")));

        assertThat(answers).extracting(Answer::status).allMatch(s -> s == 200 || s == 409);
        assertThat(answers).extracting(Answer::status).contains(200);
        for (Answer a : answers) {
            assertThat(SwedishAnswers.internal(a.body())).as(a.body()).isNull();
        }
        List<Long> amounts = jdbc.sql("select o.amount from economic_outcome o join org_unit u on u.id = o.org_unit_id "
                        + "where u.code = ? and o.year = 2024 and o.month in (1, 2) and o.account_group = 'LOKALHYROR' order by o.month")
                .param(unit).query(Long.class).list();
        assertThat(amounts).as("both months from one file").isIn(List.of(-111_000L, -112_000L), List.of(-221_000L, -222_000L));
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "utfall.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }
}
