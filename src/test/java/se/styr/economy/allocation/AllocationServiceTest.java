package se.styr.economy.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.audit.AuditEntry;
import se.styr.audit.AuditLog;
import se.styr.economy.EconomyTable;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.ComputedBudget;
import se.styr.platform.ConflictException;
import se.styr.platform.ValidationException;

/** The demo's model of Budget 2022–2024: seed figures, saving with its rules, and applying it to the budget. */
@StyrIntegrationTest
@Transactional
class AllocationServiceTest {

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

    long budgetId;
    long von;

    @BeforeEach
    void demoBudget() {
        SignedIn.as(users, "admin");
        budgetId = budgets.forYear(2022).orElseThrow().id();
        von = unit("VON");
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private List<AuditEntry> auditEntries() {
        return audit.find(budgets.budget(budgetId).municipalityId(), AllocationService.AUDIT_TYPE, null, null, 0, 100).entries();
    }

    private static AllocationModel withShare(AllocationModel m, String pkvShare) {
        return new AllocationModel(new BigDecimal(pkvShare), m.volumeShare(), m.pkv(), m.ageGroups(), m.committees(), m.targeted());
    }

    @Test
    void theDemoModelExplainsVonsFrame2022AndShowsTheGapToTheBudget() {
        SignedIn.as(users, "politiker");
        AllocationService.View view = allocations.view(budgetId);
        assertThat(view.saved()).isTrue();
        assertThat(view.mayEdit()).isFalse();
        AllocationResult.Year y = view.result().committee(von).year(2022);
        // seed: 818 729 tkr in 2021; index ≈ 18,0 and population ≈ 5,0 mnkr (illustrative inputs); political 5,5 + 6,0 mnkr
        assertThat(y.previousFrame()).isEqualTo(818_729_000);
        assertThat(y.index()).isEqualTo(18_012_038);
        assertThat(y.volume()).isEqualTo(4_968_000);
        assertThat(y.permanent()).isEqualTo(11_500_000);
        assertThat(y.frame()).isEqualTo(853_209_038);
        // the budget's 853 556 tkr (+34 827) is 347 tkr more than the parts explain: shown, not hidden
        assertThat(y.budgetFrame()).isEqualTo(853_556_000);
        assertThat(y.difference()).isEqualTo(346_962);
        assertThat(y.budgetFrame() - y.previousFrame()).isEqualTo(34_827_000);
        assertThat(view.result().committee(von).allocations()).extracting(AllocationModel.Targeted::motivation)
                .containsExactly("Nytt kostavtal", "Nytt LSS-boende Kvarnbacken");
        assertThat(view.result().committees()).hasSize(8);
        assertThat(view.result().withoutBudgetLine()).isEmpty();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        AllocationService.View before = allocations.view(budgetId);
        int entries = auditEntries().size();
        AllocationModel m = before.model();
        List<AllocationModel.AgeGroup> groups = new ArrayList<>(m.ageGroups());
        Map<Integer, Long> persons = new HashMap<>(groups.get(6).persons());
        persons.put(2023, -5L);
        groups.set(6, new AllocationModel.AgeGroup(groups.get(6).label(), persons));
        Map<Integer, BigDecimal> pkv = new HashMap<>(m.pkv());
        pkv.put(2022, new BigDecimal("31"));
        List<AllocationModel.Targeted> targeted = new ArrayList<>(m.targeted());
        targeted.add(new AllocationModel.Targeted(von, 2025, 1_000_000, false, ""));
        AllocationModel bad = new AllocationModel(new BigDecimal("250"), m.volumeShare(), pkv, groups, m.committees(), targeted);

        assertThatThrownBy(() -> allocations.save(budgetId, before.version(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("pkvShare", "pkv_2022", "group6_2023", "targeted3_year", "targeted3_motivation"));
        AllocationService.View after = allocations.view(budgetId);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.model()).isEqualTo(before.model());
        assertThat(auditEntries()).hasSize(entries);
    }

    @Test
    void aStaleVersionIsAConflict() {
        AllocationService.View view = allocations.view(budgetId);
        allocations.save(budgetId, view.version(), withShare(view.model(), "60"));
        assertThatThrownBy(() -> allocations.save(budgetId, view.version(), withShare(view.model(), "70")))
                .isInstanceOf(ConflictException.class);
        assertThat(allocations.view(budgetId).model().pkvShare()).isEqualByComparingTo("60");
    }

    @Test
    void savingIsAuditedAndRecomputes() {
        AllocationService.View view = allocations.view(budgetId);
        int entries = auditEntries().size();
        AllocationService.View saved = allocations.save(budgetId, view.version(), withShare(view.model(), "100"));
        assertThat(saved.version()).isEqualTo(view.version() + 1);
        // full PKV, as a party's proposal might give: twice the index
        assertThat(saved.result().committee(von).year(2022).index()).isEqualTo(36_024_076);
        List<AuditEntry> log = auditEntries();
        assertThat(log).hasSize(entries + 1);
        AuditEntry entry = log.get(0);
        assertThat(entry.summary()).startsWith("Resursfördelningsmodell ändrad: Budget 2022–2024, version 1: Andel av PKV som ges");
        assertThat(entry.oldValue()).containsEntry("Andel av PKV som ges", "50 %");
        assertThat(entry.newValue()).containsEntry("Andel av PKV som ges", "100 %").hasSize(1);
    }

    @Test
    void theMunicipalModelIsForAdministratorsAndMunicipalControllersOnly() {
        SignedIn.as(users, "controller");
        AllocationService.View view = allocations.view(budgetId);
        assertThat(view.mayEdit()).isFalse();
        assertThatThrownBy(() -> allocations.save(budgetId, view.version(), view.model())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> allocations.apply(budgetId, view.version(), view.budget().version())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void applyingWritesTheFramesAndReportsCommitteesWithoutALine() {
        AllocationService.View view = allocations.view(budgetId);
        long vn = unit("VN");
        List<AllocationModel.Committee> committees = new ArrayList<>(view.model().committees());
        committees.add(new AllocationModel.Committee(vn, 1_500_000L, BigDecimal.ONE, List.of()));
        AllocationModel m = view.model();
        AllocationService.View saved = allocations.save(budgetId, view.version(),
                new AllocationModel(m.pkvShare(), m.volumeShare(), m.pkv(), m.ageGroups(), committees, m.targeted()));
        assertThat(saved.result().withoutBudgetLine()).extracting(AllocationResult.CommitteeResult::name).containsExactly("Valnämnden");
        int entries = auditEntries().size();

        AllocationService.Applied applied = allocations.apply(budgetId, saved.version(), saved.budget().version());
        assertThat(applied.withoutLine()).containsExactly("Valnämnden");
        assertThat(applied.written()).hasSize(8).contains("Vård- och omsorgsnämnden");
        ComputedBudget budget = budgets.computed(budgetId);
        EconomyTable.Row vonRow = budget.frames().rows().stream().filter(r -> r.label().equals("Vård- och omsorgsnämnden")).findFirst().orElseThrow();
        assertThat(vonRow.values()).containsExactly(853_209_038L, 881_939_801L, 912_930_657L);
        // the model's frames now equal the budget's, so no difference is left
        assertThat(allocations.view(budgetId).result().hasDifferences()).isFalse();
        assertThat(auditEntries()).hasSize(entries + 1);
        assertThat(auditEntries().get(0).summary()).isEqualTo("Resursfördelningen tillämpad på driftbudgeten: Budget 2022–2024, version 1");
        assertThat(auditEntries().get(0).newValue()).containsEntry("Saknar rad i driftbudgeten", "Valnämnden");
        assertThat(audit.find(budget.budget().municipalityId(), BudgetService.AUDIT_TYPE, budgetId, null, 0, 1).entries().get(0).summary())
                .startsWith("Driftbudget ändrad");

        // applying what another person has since changed is refused
        assertThatThrownBy(() -> allocations.apply(budgetId, saved.version(), budgets.budget(budgetId).version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDecidedBudgetsModelIsFrozenAndItsRevisionStartsFromACopy() {
        Budget budget = budgets.budget(budgetId);
        budgets.decide(budgetId, budget.version(), LocalDate.of(2021, 11, 24), "§ 171");
        AllocationService.View decided = allocations.view(budgetId);
        assertThat(decided.mayEdit()).isFalse();
        assertThatThrownBy(() -> allocations.apply(budgetId, decided.version(), budgets.budget(budgetId).version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("allocation.error.applyDecided"));
        assertThatThrownBy(() -> allocations.save(budgetId, decided.version(), decided.model()))
                .isInstanceOf(ValidationException.class);

        Budget revised = budgets.revise(budgetId, budgets.budget(budgetId).version());
        AllocationService.View copy = allocations.view(revised.id());
        assertThat(copy.saved()).isFalse();
        assertThat(copy.version()).isZero();
        assertThat(copy.copiedFrom()).isEqualTo(1);
        assertThat(copy.result().committee(von).year(2022).frame()).isEqualTo(853_209_038);
        AllocationService.View saved = allocations.save(revised.id(), 0, withShare(copy.model(), "100"));
        assertThat(saved.saved()).isTrue();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(allocations.view(budgetId).model().pkvShare()).isEqualByComparingTo("50");
        // a second "first save" of the same version finds the model already there
        assertThatThrownBy(() -> allocations.save(revised.id(), 0, copy.model())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aNewBudgetStartsFromTheAgeGroupsAndTheFramesOfTheYearBefore() {
        long period = newPeriod(jdbc);
        Budget next = budgets.create(period);
        AllocationService.View view = allocations.view(next.id());
        assertThat(view.saved()).isFalse();
        assertThat(view.copiedFrom()).isNull();
        assertThat(view.result()).as("nothing to compute before the population is typed").isNull();
        assertThat(view.model().pkvShare()).isEqualByComparingTo("50");
        assertThat(view.model().ageGroups()).extracting(AllocationModel.AgeGroup::label)
                .containsExactly("0 år", "1–5 år", "6–15 år", "16–18 år", "19–64 år", "65–79 år", "80+ år");
        // the base year 2022 is governed by Budget 2022–2024: its frames are the suggested base frames
        assertThat(view.model().committees()).filteredOn(c -> c.orgUnitId() == von)
                .extracting(AllocationModel.Committee::baseFrame).containsExactly(853_556_000L);
        // Valnämnden had no frame: it is not in the model until a base frame is typed for it
        assertThat(view.model().committees()).filteredOn(c -> c.orgUnitId() == unit("VN")).isEmpty();
    }

    /** A plan period after the demo's, for a budget without a model. */
    static long newPeriod(JdbcClient jdbc) {
        jdbc.sql("""
                insert into plan_period (municipality_id, name, first_year, last_year)
                values ((select id from municipality where kolada_id = '1489'), 'Budget 2023–2025', 2023, 2025)""").update();
        return jdbc.sql("select id from plan_period where name = 'Budget 2023–2025'").query(Long.class).single();
    }
}
