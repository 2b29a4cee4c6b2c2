package se.styr.economy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.economy.StatementLine;
import se.styr.platform.ConflictException;
import se.styr.platform.ValidationException;

/** Editing the demo's Budget 2022–2024: derived lines follow, rights follow the tree, a decided version is frozen. */
@StyrIntegrationTest
@Transactional
class BudgetServiceTest {

    @Autowired
    BudgetService budgets;
    @Autowired
    BudgetFigures figures;
    @Autowired
    BudgetCells cells;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    long id;
    long von;
    long sn;

    @BeforeEach
    void load() {
        SignedIn.as(users, "admin");
        id = budgets.forYear(2022).orElseThrow().id();
        von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        sn = jdbc.sql("select id from org_unit where code = 'SN'").query(Long.class).single();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private int version() {
        return budgets.budget(id).version();
    }

    private long frameLine(long unit) {
        return budgets.data(id).frames().stream().filter(f -> Long.valueOf(unit).equals(f.orgUnitId())).findFirst().orElseThrow().id();
    }

    @Test
    void aTaxChangeFlowsIntoTheResultAndIsAuditedOldToNew() {
        ComputedBudget before = budgets.computed(id);
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();

        cells.saveCells(id, version(), "RESULTAT", Map.of("SKATTEINTAKTER_2023", 2_215_201_000L));

        ComputedBudget after = budgets.computed(id);
        assertThat(after.line(StatementLine.ARETS_RESULTAT, 2023)).isEqualTo(before.line(StatementLine.ARETS_RESULTAT, 2023) + 10_000_000);
        // equity carries the result into the next year, and the balance sheet's total with it
        assertThat(after.line(StatementLine.EGET_KAPITAL, 2024)).isEqualTo(before.line(StatementLine.EGET_KAPITAL, 2024) + 10_000_000);
        assertThat(after.line(StatementLine.ARETS_RESULTAT, 2022)).isEqualTo(before.line(StatementLine.ARETS_RESULTAT, 2022));
        Map<String, Object> entry = jdbc.sql("select actor, object_type, old_value, new_value from audit_entry where id > ?")
                .param(auditBefore).query().singleRow();
        assertThat(entry.get("actor")).isEqualTo("admin");
        assertThat(entry.get("object_type")).isEqualTo("BUDGET");
        assertThat(entry.get("old_value").toString()).contains("Skatteintäkter 2023", "2\u00a0205\u00a0201 tkr");
        assertThat(entry.get("new_value").toString()).contains("2\u00a0215\u00a0201 tkr");
    }

    @Test
    void aCommitteesGrantFlowsIntoTheOperatingBudgetTheResultAndItsDetailBudget() {
        ComputedBudget before = budgets.computed(id);
        cells.saveCells(id, version(), "DRIFT", Map.of("L" + frameLine(von) + "_2022", 854_556_000L));

        ComputedBudget after = budgets.computed(id);
        assertThat(after.frames().row(BudgetCalculator.SUM_FRAMES).values().get(0)).isEqualTo(2_473_187_000L);
        assertThat(after.line(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR, 2022))
                .isEqualTo(before.line(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR, 2022) - 1_000_000);
        assertThat(after.line(StatementLine.ARETS_RESULTAT, 2022)).isEqualTo(before.line(StatementLine.ARETS_RESULTAT, 2022) - 1_000_000);
        EconomyTable detail = after.committees().get(von);
        assertThat(detail.row("KOMMUNBIDRAG").values().get(1)).isEqualTo(854_556_000L);
        // the committee's own budget now shows a surplus of the million until it is distributed
        assertThat(detail.row("ARETS_RESULTAT").values().get(1)).isEqualTo(1_000_000L);
    }

    @Test
    void derivedLinesWrongSignsAndYearsOutsideThePeriodAreRefusedAndNothingIsWritten() {
        int version = version();
        assertThatThrownBy(() -> cells.saveCells(id, version, "RESULTAT", Map.of(
                "SKATTEINTAKTER_2022", 1L, "ARETS_RESULTAT_2022", 5L)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(ValidationException.Problem::field)
                        .containsExactly("ARETS_RESULTAT_2022"));
        assertThatThrownBy(() -> figures.saveStatement(id, version, Map.of(StatementLine.AVSKRIVNINGAR, Map.of(2022, 88_997_000L))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).messageKey()).isEqualTo("economy.error.costSign"));
        assertThatThrownBy(() -> figures.saveStatement(id, version, Map.of(StatementLine.SKATTEINTAKTER, Map.of(2025, 1L))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).messageKey()).isEqualTo("economy.error.year"));
        assertThatThrownBy(() -> figures.saveCommittee(id, version, von, Map.of(AccountGroup.KOMMUNBIDRAG, Map.of(2022, 1L))))
                .isInstanceOf(ValidationException.class);
        assertThat(budgets.computed(id).line(StatementLine.SKATTEINTAKTER, 2022)).isEqualTo(2_132_879_000L);
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void aStaleVersionIsAConflict() {
        int read = version();
        cells.saveCells(id, read, "RESULTAT", Map.of("SKATTEINTAKTER_2022", 2_132_880_000L));
        assertThatThrownBy(() -> cells.saveCells(id, read, "RESULTAT", Map.of("SKATTEINTAKTER_2022", 2_132_881_000L)))
                .isInstanceOf(ConflictException.class);
        assertThat(budgets.computed(id).line(StatementLine.SKATTEINTAKTER, 2022)).isEqualTo(2_132_880_000L);
    }

    @Test
    void aCommitteeControllerKeepsOnlyTheirOwnCommitteesDetailBudget() {
        SignedIn.as(users, "controller");
        cells.saveCells(id, version(), "NAMND-" + von, Map.of("PERSONALKOSTNADER_2023", -741_347_000L));
        assertThat(budgets.computed(id).committees().get(von).row("VERKSAMHETENS_KOSTNADER").values().get(2)).isEqualTo(-1_084_318_000L);
        assertThatThrownBy(() -> cells.saveCells(id, version(), "NAMND-" + sn, Map.of("PERSONALKOSTNADER_2023", -1L)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cells.saveCells(id, version(), "RESULTAT", Map.of("SKATTEINTAKTER_2023", 1L)))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "politiker");
        assertThat(cells.editableCells(budgets.computed(id), "RESULTAT")).isEmpty();
    }

    @Test
    void aDecidedBudgetIsFrozenAndARevisionIsANewVersion() {
        ComputedBudget decidedFigures = budgets.computed(id);
        assertThatThrownBy(() -> budgets.decide(id, version(), null, " "))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(ValidationException.Problem::field)
                        .containsExactly("decidedOn", "paragraph"));
        budgets.decide(id, version(), LocalDate.of(2021, 11, 24), "§ 180");
        assertThat(budgets.budget(id).decided()).isTrue();
        assertThat(cells.editableCells(budgets.computed(id), "RESULTAT")).isEmpty();
        assertThatThrownBy(() -> figures.saveStatement(id, version(), Map.of(StatementLine.SKATTEINTAKTER, Map.of(2022, 1L))))
                .isInstanceOf(se.styr.platform.ConflictException.class)
                .satisfies(e -> assertThat(((se.styr.platform.ConflictException) e).messageKey()).isEqualTo("economy.error.frozen"));

        Budget revised = budgets.revise(id, version());
        assertThat(revised.versionNo()).isEqualTo(2);
        assertThat(revised.decided()).isFalse();
        assertThat(budgets.forYear(2023).orElseThrow().id()).as("the decided version governs until the revision is decided").isEqualTo(id);
        ComputedBudget copy = budgets.computed(revised.id());
        assertThat(copy.lines()).isEqualTo(decidedFigures.lines());
        assertThat(copy.committees().get(von).rows()).extracting(EconomyTable.Row::values)
                .isEqualTo(decidedFigures.committees().get(von).rows().stream().map(EconomyTable.Row::values).toList());
        assertThat(copy.investments().row(BudgetCalculator.SUM_INVESTMENTS).values())
                .isEqualTo(decidedFigures.investments().row(BudgetCalculator.SUM_INVESTMENTS).values());

        cells.saveCells(revised.id(), revised.version(), "RESULTAT", Map.of("SKATTEINTAKTER_2022", 2_000_000_000L));
        assertThat(budgets.computed(id).line(StatementLine.SKATTEINTAKTER, 2022)).as("version 1 unchanged").isEqualTo(2_132_879_000L);
        assertThatThrownBy(() -> budgets.revise(id, budgets.budget(id).version())).isInstanceOf(ValidationException.class);
    }

    @Test
    void aSubLineTakesOverItsParentsAmountsSoTheTotalStays() {
        ComputedBudget before = budgets.computed(id);
        long ks = budgets.data(id).investments().stream().filter(l -> l.label().equals("Kommunstyrelsen")).findFirst().orElseThrow().id();
        long sub = figures.addInvestmentLine(id, version(), null, ks, "Gator och vägar", false);
        ComputedBudget after = budgets.computed(id);
        assertThat(after.investments().row(BudgetCalculator.SUM_INVESTMENTS).values())
                .isEqualTo(before.investments().row(BudgetCalculator.SUM_INVESTMENTS).values());
        assertThat(after.investments().row("L" + ks).derived()).isTrue();
        assertThat(after.investments().row("L" + sub).values().get(0)).isEqualTo(71_520_000L);
        assertThatThrownBy(() -> cells.saveCells(id, version(), "INVESTERING", Map.of("L" + ks + "_2022", 1L)))
                .isInstanceOf(ValidationException.class);
    }
}
