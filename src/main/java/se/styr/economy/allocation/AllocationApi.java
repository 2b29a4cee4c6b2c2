package se.styr.economy.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Problems;

/**
 * The resource allocation model as JSON, with the same rules, rights and audit as the page. Amounts are whole kronor,
 * percentages in percent; a 400 names the fields as the page does ({@code pkv_2022}, {@code group0_2021},
 * {@code base_ID}, {@code targeted0_motivation}, ...; numbers count from 0 in the model's lists).
 */
@RestController
@RequestMapping("/api/v1/budgets/{budgetId}/allocation")
@Tag(name = "Resursfördelning", description = "Resursfördelningsmodellen: nämndernas ramar ur PKV, befolkningsprognos, standardkostnader och riktade tilldelningar")
class AllocationApi {

    private final AllocationService allocations;

    AllocationApi(AllocationService allocations) {
        this.allocations = allocations;
    }

    @GetMapping
    @Operation(summary = "Budgetversionens modell med beräknade ramar per nämnd och år (version 0: inte sparad ännu)")
    AllocationService.View model(@PathVariable long budgetId) {
        return allocations.view(budgetId);
    }

    @PostMapping("/preview")
    @Operation(summary = "Räkna fram ramarna för en modell utan att spara något")
    AllocationResult preview(@PathVariable long budgetId, @RequestBody AllocationModel model) {
        return allocations.preview(budgetId, model);
    }

    record SaveBody(Integer version, AllocationModel model) {
    }

    @PutMapping
    @Operation(summary = "Spara modellen för ett budgetutkast (version = den som lästes, 0 för en ny modell)")
    AllocationService.View save(@PathVariable long budgetId, @RequestBody SaveBody body) {
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        Problems.when(body.model() == null, "model", "allocation.error.model");
        return allocations.save(budgetId, body.version(), body.model());
    }

    record ApplyBody(Integer version, Integer budgetVersion) {
    }

    @PostMapping("/apply")
    @Operation(summary = "Skriv in den sparade modellens ramar i budgetutkastets driftbudget; nämnder utan rad där redovisas")
    AllocationService.Applied apply(@PathVariable long budgetId, @RequestBody ApplyBody body) {
        Problems.when(body == null || body.version() == null || body.budgetVersion() == null, "version", "validering.version");
        return allocations.apply(budgetId, body.version(), body.budgetVersion());
    }
}
