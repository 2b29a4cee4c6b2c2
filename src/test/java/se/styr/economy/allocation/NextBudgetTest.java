package se.styr.economy.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.audit.AuditEntry;
import se.styr.audit.AuditLog;
import se.styr.economy.StatementLine;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.BudgetState;
import se.styr.platform.ValidationException;

/**
 * The next budget from the last decided one, on the demo: Budget 2022–2024 decided, and Budget 2023–2025 started from
 * it with the frames of its resource allocation model carried one year on.
 */
@StyrIntegrationTest
@Transactional
class NextBudgetTest {

    @Autowired
    NextBudget next;
    @Autowired
    AllocationService allocations;
    @Autowired
    BudgetService budgets;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;

    long decided;
    long von;
    long sbn;
    long period;

    @BeforeEach
    void decideBudget2022AndAddTheNextPeriod() {
        SignedIn.as(users, "admin");
        decided = budgets.forYear(2022).orElseThrow().id();
        von = unit("VON");
        sbn = unit("SBN");
        jdbc.sql("insert into plan_period (municipality_id, name, first_year, last_year) values (?, 'Budget 2023–2025', 2023, 2025)")
                .param(budgets.municipalityId()).update();
        period = jdbc.sql("select id from plan_period where name = 'Budget 2023–2025'").query(Long.class).single();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private void decide() {
        budgets.decide(decided, budgets.budget(decided).version(), LocalDate.of(2021, 11, 24), "§ 180");
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    /** PKV 3,5 % for 2025 and every age group 1 % more inhabitants in 2025 than in 2024, as a forecast would say. */
    private NextBudget.Request filledIn() {
        AllocationModel model = allocations.view(decided).model();
        List<Map<Integer, Long>> population = new ArrayList<>();
        for (AllocationModel.AgeGroup g : model.ageGroups()) {
            Map<Integer, Long> persons = new HashMap<>();
            persons.put(2025, g.persons().get(2024) + g.persons().get(2024) / 100);
            population.add(persons);
        }
        return new NextBudget.Request(period, Map.of(2025, new BigDecimal("3.5")), population);
    }

    @Test
    void withoutADecidedBudgetThereIsNothingToStartFrom() {
        assertThatThrownBy(() -> next.preview(new NextBudget.Request(null, null, null)))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).problems().get(0).messageKey()).isEqualTo("nextBudget.error.noDecided");
    }

    @Test
    void thePreviewAsksForWhatTheNewYearLacksAndComputesTheFramesFromTheDecidedOnes() {
        decide();
        NextBudget.Preview empty = next.preview(new NextBudget.Request(null, null, null));
        assertThat(empty.period().name()).isEqualTo("Budget 2023–2025");
        assertThat(empty.result()).isNull();
        assertThat(empty.problems()).extracting(ValidationException.Problem::field).contains("pkv_2025", "group0_2025")
                .doesNotContain("pkv_2023", "pkv_2024", "group0_2024");

        NextBudget.Preview preview = next.preview(filledIn());
        assertThat(preview.problems()).isEmpty();
        NextBudget.Row vonRow = preview.rows().stream().filter(r -> r.orgUnitId() == von).findFirst().orElseThrow();
        // The decided frame of 2022 (seed 004: 853 556 tkr) is the base; 2023 adds 853 556 000 × 3,6 % × 50 %.
        assertThat(vonRow.oldFrame()).isEqualTo(853_556_000L);
        AllocationResult.Year y2023 = preview.result().committee(von).year(2023);
        assertThat(y2023.startingFrame()).isEqualTo(853_556_000L);
        assertThat(y2023.index()).isEqualTo(15_364_008L);
        // The population of 2022–2024 and VON's standard costs are the decided model's, so its volume for 2023 is too.
        assertThat(y2023.volume()).isEqualTo(allocations.view(decided).result().committee(von).year(2023).volume());
        assertThat(vonRow.frames().get(2023)).isEqualTo(853_556_000L + 15_364_008L + y2023.volume());
        assertThat(vonRow.change()).isEqualTo(vonRow.frames().get(2023) - 853_556_000L);
        assertThat(vonRow.plannedFrames()).containsKeys(2023, 2024).doesNotContainKey(2025);
        // SBN's temporary 1 500 tkr of 2023 is carried into its year and taken out the year after.
        assertThat(preview.result().committee(sbn).year(2023).temporary()).isEqualTo(1_500_000L);
        assertThat(preview.result().committee(sbn).year(2024).lessTemporary()).isEqualTo(1_500_000L);
        assertThat(budgets.current(period)).isEmpty();
    }

    @Test
    void creatingTheDraftWritesTheModelsFramesAndCarriesTheFiguresOfTheSharedYears() {
        decide();
        NextBudget.Preview preview = next.preview(filledIn());
        Budget created = next.create(filledIn());

        assertThat(created.periodName()).isEqualTo("Budget 2023–2025");
        assertThat(created.state()).isEqualTo(BudgetState.UTKAST);
        assertThat(created.taxRate()).isEqualByComparingTo("21.36");
        BudgetData data = budgets.data(created.id());
        assertThat(data.statementAmount(StatementLine.SKATTEINTAKTER, 2023)).isEqualTo(2_205_201_000L);
        assertThat(data.statementAmount(StatementLine.SKATTEINTAKTER, 2022)).isNull();
        assertThat(data.statementAmount(StatementLine.SKATTEINTAKTER, 2025)).isNull();

        // The new version's own model gives exactly the frames its operating budget holds.
        AllocationService.View model = allocations.view(created.id());
        assertThat(model.saved()).isTrue();
        assertThat(model.result().hasDifferences()).isFalse();
        for (int year = 2023; year <= 2025; year++) {
            assertThat(model.result().committee(von).year(year).budgetFrame())
                    .isEqualTo(preview.rows().stream().filter(r -> r.orgUnitId() == von).findFirst().orElseThrow().frames().get(year));
        }
        // The decided budget is as it was.
        assertThat(budgets.budget(decided).decided()).isTrue();
        assertThat(budgets.data(decided).frames().stream().filter(f -> von == (f.orgUnitId() == null ? -1 : f.orgUnitId()))
                .findFirst().orElseThrow().amounts().get(2023)).isNotEqualTo(preview.result().committee(von).year(2023).frame());

        List<AuditEntry> entries = audit.find(budgets.municipalityId(), AllocationService.AUDIT_TYPE, null, null, 0, 100).entries();
        AuditEntry entry = entries.stream().filter(e -> e.summary().contains("Budget 2023–2025")).findFirst().orElseThrow();
        assertThat(String.valueOf(entry.oldValue())).contains("Vård- och omsorgsnämnden 2022").contains("853\u00a0556");
        assertThat(String.valueOf(entry.newValue())).contains("Vård- och omsorgsnämnden 2025");

        // Only once: the period has its budget now.
        assertThatThrownBy(() -> next.create(filledIn())).isInstanceOf(ValidationException.class);
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingIsCreated() {
        decide();
        NextBudget.Request bad = new NextBudget.Request(period, Map.of(2025, new BigDecimal("45"), 2030, BigDecimal.ONE),
                List.of(Map.of(2025, -5L)));
        assertThatThrownBy(() -> next.create(bad)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(ValidationException.Problem::field)
                        .contains("pkv_2025", "pkv_2030", "group0_2025", "group1_2025"));
        assertThat(budgets.current(period)).isEmpty();
    }

    @Test
    void onlyThoseWhoKeepTheMunicipalBudgetMayCreateIt() {
        decide();
        for (String who : List.of("controller", "politiker", "enhetschef")) {
            SignedIn.as(users, who);
            assertThatThrownBy(() -> next.create(filledIn())).isInstanceOf(AccessDeniedException.class);
        }
        SignedIn.as(users, "admin");
        assertThat(budgets.current(period)).isEmpty();
    }

    @Test
    void theApiPreviewsAndCreatesAndRefusesInSwedish() throws Exception {
        decide();
        String body = """
                {"periodId": %d, "pkv": {"2025": 3.5}, "population": [%s]}""".formatted(period, population());
        mvc.perform(get("/api/v1/budgets/next").with(httpBasic("politiker", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.period.name").value("Budget 2023–2025"))
                .andExpect(jsonPath("$.errors.pkv_2025[0]").value("Ange PKV för 2025."));
        mvc.perform(post("/api/v1/budgets/next").with(httpBasic("politiker", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/budgets/next").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"periodId": %d, "pkv": {"2025": "tre"}}""".formatted(period)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/budgets/next").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"periodId": %d, "pkv": {"2025": 3.5}}""".formatted(period)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange antalet invånare")));
        mvc.perform(post("/api/v1/budgets/next").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.periodName").value("Budget 2023–2025"))
                .andExpect(jsonPath("$.state").value("UTKAST"));
    }

    @Test
    void thePageShowsOldAndNewFramesAndCreatesWithItsButton() throws Exception {
        decide();
        Map<String, String> form = new HashMap<>();
        form.put("periodId", String.valueOf(period));
        form.put("pkv_2025", "3,5");
        List<Map<Integer, Long>> population = filledIn().population();
        for (int g = 0; g < population.size(); g++) {
            form.put("group" + g + "_2025", String.valueOf(population.get(g).get(2025)));
        }
        var preview = get("/ekonomi/nasta-budget").with(user(users.loadUserByUsername("admin")));
        form.forEach((k, v) -> preview.param(k, v));
        mvc.perform(preview).andExpect(status().isOk())
                .andExpect(content().string(containsString("853\u00a0556")))
                .andExpect(content().string(containsString("Skapa budgetutkastet")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));
        var create = post("/ekonomi/nasta-budget").with(user(users.loadUserByUsername("admin"))).with(csrf());
        form.forEach((k, v) -> create.param(k, v));
        mvc.perform(create).andExpect(status().is3xxRedirection());
        SignedIn.as(users, "admin");
        assertThat(budgets.current(period)).isPresent();

        var bad = post("/ekonomi/nasta-budget").with(user(users.loadUserByUsername("admin"))).with(csrf()).param("periodId", String.valueOf(period))
                .param("pkv_2025", "x");
        mvc.perform(bad).andExpect(status().isBadRequest()).andExpect(content().string(containsString("Formuläret innehåller fel")));
    }

    private String population() {
        StringBuilder s = new StringBuilder();
        for (Map<Integer, Long> g : filledIn().population()) {
            s.append(s.isEmpty() ? "" : ",").append("{\"2025\": ").append(g.get(2025)).append("}");
        }
        return s.toString();
    }
}
