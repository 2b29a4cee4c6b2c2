package se.styr.economy.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.economy.budget.Budget;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Messages;
import se.styr.platform.ValidationException;

/** The next budget as JSON: previewed (old frame → new frame per committee) and created from the last decided one. */
@RestController
@RequestMapping("/api/v1/budgets/next")
@Tag(name = "Nästa budget", description = "Nästa planperiods budget utgår från den senast beslutade; ramarna räknas fram med resursfördelningsmodellen")
class NextBudgetApi {

    private final NextBudget next;
    private final Messages messages;

    NextBudgetApi(NextBudget next, Messages messages) {
        this.next = next;
        this.messages = messages;
    }

    /**
     * The preview: {@code errors} by field (in Swedish) says what must be typed or corrected before the budget can be
     * created; {@code result} is null until then.
     */
    record View(Budget source, List<PlanPeriod> periods, PlanPeriod period, List<Integer> years, AllocationModel model,
                AllocationResult result, List<NextBudget.Row> rows, Map<String, List<String>> errors) {
    }

    private View view(NextBudget.Preview p) {
        return new View(p.source(), p.periods(), p.period(), p.years(), p.model(), p.result(), p.rows(),
                p.problems().isEmpty() ? Map.of() : messages.byField(new ValidationException(p.problems())));
    }

    @GetMapping
    @Operation(summary = "Förhandsvisa nästa budget ur den senast beslutade, med den beslutade modellens värden")
    View preview(@Parameter(description = "Planperiodens id (utan: den första möjliga)") @RequestParam(required = false) Long periodId) {
        return view(next.preview(new NextBudget.Request(periodId, null, null)));
    }

    @PostMapping("/preview")
    @Operation(summary = "Förhandsvisa nästa budget med inskrivna värden (PKV per år, invånare per åldersgrupp och år); inget sparas")
    View preview(@RequestBody NextBudget.Request in) {
        return view(next.preview(in == null ? new NextBudget.Request(null, null, null) : in));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa nästa budget som utkast: den beslutade budgetens innehåll, modellen och de beräknade ramarna")
    Budget create(@RequestBody NextBudget.Request in) {
        return next.create(in == null ? new NextBudget.Request(null, null, null) : in);
    }
}
