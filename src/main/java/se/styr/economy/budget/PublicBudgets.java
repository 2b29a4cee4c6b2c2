package se.styr.economy.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import se.styr.economy.EconomyTable;
import se.styr.platform.NotFoundException;

/**
 * Decided budgets without login, as a page and as open JSON: only versions in state BESLUTAD of a real plan period are
 * read ({@link BudgetService#decidedForPublic}), so a draft or an illustrative budget answers 404 like an unknown id.
 * Who decided it is the paragraph, not a user name.
 */
@Controller
@Tag(name = "Budget (öppna data)", description = "Beslutade budgetversioner, öppet utan inloggning")
class PublicBudgets {

    private final JdbcClient jdbc;
    private final BudgetService budgets;

    PublicBudgets(JdbcClient jdbc, BudgetService budgets) {
        this.jdbc = jdbc;
        this.budgets = budgets;
    }

    /** A decided version as the public list shows it. */
    record Decided(long id, String municipality, String period, int versionNo, LocalDate decidedOn, String reference,
                   String url) {
    }

    /** A decided version with every table computed, amounts in kronor. */
    record Published(long id, String period, int versionNo, BigDecimal taxRate, LocalDate decidedOn, String reference,
                     List<EconomyTable> tables) {
    }

    private List<Decided> decided() {
        return jdbc.sql("""
                        select b.id, m.name, p.name, b.version_no, b.decided_on, b.decided_paragraph
                        from budget b join plan_period p on p.id = b.period_id join municipality m on m.id = b.municipality_id
                        where b.state = 'BESLUTAD' and p.illustrative = false
                        order by b.decided_on desc, b.id desc""")
                .query((rs, n) -> new Decided(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6),
                        "/api/v1/public/budgets/" + rs.getLong(1))).list();
    }

    private ComputedBudget computed(long id) {
        return budgets.decidedForPublic(id).orElseThrow(() -> new NotFoundException("Budgeten", id));
    }

    @GetMapping("/publicerat/budget")
    String list(Model model) {
        model.addAttribute("budgets", decided());
        return "economy/public-budgets";
    }

    @GetMapping("/publicerat/budget/{id}")
    String show(@PathVariable long id, Model model) {
        ComputedBudget computed = computed(id);
        model.addAttribute("budget", computed.budget());
        model.addAttribute("computed", computed);
        model.addAttribute("unit", "tkr");
        return "economy/public-budget";
    }

    @GetMapping("/api/v1/public/budgets")
    @ResponseBody
    @Operation(summary = "Beslutade budgetversioner, senast beslutade först")
    List<Decided> all() {
        return decided();
    }

    @GetMapping("/api/v1/public/budgets/{id}")
    @ResponseBody
    @Operation(summary = "En beslutad budgetversion med alla tabeller beräknade (belopp i kronor)")
    Published one(@PathVariable long id) {
        ComputedBudget c = computed(id);
        List<EconomyTable> tables = new ArrayList<>(c.municipalTables());
        tables.addAll(c.committees().values());
        Budget b = c.budget();
        return new Published(b.id(), b.periodName(), b.versionNo(), b.taxRate(), b.decidedOn(), b.decidedParagraph(), tables);
    }
}
