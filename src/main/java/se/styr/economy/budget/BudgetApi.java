package se.styr.economy.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.economy.EconomyTable;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** The municipality's budget as JSON: amounts in whole kronor, costs negative. */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "Budget", description = "Kommunens budget per planperiod och version: resultat-, balans-, kassaflödes-, drift- och investeringsbudget samt nämndernas budgetar")
class BudgetApi {

    private final BudgetService budgets;
    private final BudgetCells cells;

    BudgetApi(BudgetService budgets, BudgetCells cells) {
        this.budgets = budgets;
        this.cells = cells;
    }

    /** A budget version with every table computed. */
    record BudgetView(Budget budget, List<EconomyTable> tables, Map<Integer, BigDecimal> resultShare) {
        static BudgetView of(ComputedBudget c) {
            List<EconomyTable> tables = new java.util.ArrayList<>(c.municipalTables());
            tables.addAll(c.committees().values());
            Map<Integer, BigDecimal> share = new java.util.LinkedHashMap<>();
            c.budget().years().forEach(y -> share.put(y, c.resultShare(y)));
            return new BudgetView(c.budget(), tables, share);
        }
    }

    /** {@code version} is nullable so that a body without it is answered "validering.version", as in the other APIs. */
    record Cells(Integer version, Map<String, Long> cells) {
    }

    record Decision(Integer version, LocalDate decidedOn, String paragraph) {
    }

    record Versioned(Integer version) {
    }

    private static int version(Integer version) {
        Problems.when(version == null, "version", "validering.version");
        return version;
    }

    @GetMapping
    @Operation(summary = "Budgetversionerna, nyaste planperiod och version först, en sida i taget")
    Paging.Page<Budget> all(
            @Parameter(description = "Planperiodens id") @RequestParam(required = false) Long period,
            @Parameter(description = "Ett år som planperioden omfattar") @RequestParam(required = false) Integer year,
            @Parameter(description = "Utkast eller beslutad") @RequestParam(required = false) BudgetState state,
            @ParameterObject Paging paging) {
        return budgets.budgets(period, year, state, paging);
    }

    @GetMapping("/{id}")
    @Operation(summary = "En budgetversion med alla tabeller beräknade (belopp i kronor; tryckta siffror där de skiljer sig)")
    BudgetView one(@PathVariable long id) {
        return BudgetView.of(budgets.computed(id));
    }

    @PutMapping("/{id}/tables/{code}")
    @Operation(summary = "Spara inskrivna celler i en tabell",
            description = "Tabellkoder: RESULTAT, BALANS, KASSAFLODE, DRIFT, INVESTERING, NAMND-{enhetsid}. Cellerna heter "
                    + "RADNYCKEL_ÅR, t.ex. SKATTEINTAKTER_2022 eller L17_2023; beloppet i kronor, null tar bort. "
                    + "Beräknade rader kan inte skrivas. version är budgetens version som lästes.")
    BudgetView save(@PathVariable long id, @PathVariable String code, @RequestBody Cells in) {
        cells.saveCells(id, version(in.version()), code, in.cells() == null ? Map.of() : in.cells());
        return BudgetView.of(budgets.computed(id));
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Besluta budgetversionen; den låses")
    Budget decide(@PathVariable long id, @RequestBody Decision in) {
        budgets.decide(id, version(in.version()), in.decidedOn(), in.paragraph());
        return budgets.budget(id);
    }

    @PostMapping("/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Revidera en beslutad budget: nästa version skapas som utkast med samma siffror")
    Budget revise(@PathVariable long id, @RequestBody Versioned in) {
        return budgets.revise(id, version(in.version()));
    }
}
