package se.styr.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.goals.FollowUpOccasion;
import se.styr.goals.Perspective;
import se.styr.platform.Paging;
import se.styr.platform.Problems;
import se.styr.quality.ikplan.RegisterCarry;

/** The risk register and its immediate actions as JSON, with the same rules, rights and audit as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risker och åtgärder", description = "Risk- och väsentlighetsanalys: risker, riskmatris, hantering och omedelbara åtgärder")
class RiskApi {

    private final RiskService risks;
    private final ActionService actions;
    private final RegisterCarry carried;

    RiskApi(RiskService risks, ActionService actions, RegisterCarry carried) {
        this.risks = risks;
        this.actions = actions;
        this.carried = carried;
    }

    /**
     * A risk with its value, band, the suggested handling and whether the chosen one departs from it, and, for a risk
     * carried from last year's register, last year's assessment beside this year's ({@code previous}, else null).
     */
    record RiskOutput(Risk risk, int value, RiskScale.Band band, Handling suggested, boolean departs, Previous previous) {
        static RiskOutput of(Risk r, Risk last) {
            return new RiskOutput(r, r.value(), r.band(), r.suggested(), r.departs(), last == null ? null : Previous.of(last));
        }
    }

    /** Last year's assessment of a carried risk: the risk it continues, its year, levels, value and band. */
    record Previous(long riskId, int year, int number, int probability, int consequence, int value, RiskScale.Band band) {
        static Previous of(Risk r) {
            return new Previous(r.id(), r.year(), r.number(), r.probability(), r.consequence(), r.value(), r.band());
        }
    }

    /** The risk as output, with last year's value when it was carried (one statement). */
    private RiskOutput output(Risk r) {
        return RiskOutput.of(r, carried.previousOf(List.of(r.id())).get(r.id()));
    }

    /** What a client sends for a risk; body and year only on create, version only on change. */
    record RiskRequest(Long bodyUnitId, Integer year, Area area, String process, String description, Integer probability,
                       Integer consequence, Handling handling, String handlingReason, String assessedBy, LocalDate assessedOn,
                       Integer version) {

        RiskInput input() {
            Handling chosen = handling == null && RiskScale.valid(probability) && RiskScale.valid(consequence)
                    ? RiskScale.suggested(probability, consequence) : handling;
            return new RiskInput(area, process, description, probability, consequence, chosen, handlingReason, assessedBy, assessedOn);
        }

        int requiredVersion() {
            Problems.when(version == null, "version", "validering.version");
            return version;
        }
    }

    record LinkRequest(Long goalObjectId, Integer version) {
    }

    record HandlingRequest(String title, String responsible, Perspective perspective, String checked, String method,
                           FollowUpOccasion followUpOccasion, String timetable, Integer version) {
    }

    record MatrixCell(int probability, int consequence, int value, RiskScale.Band band, List<Integer> riskNumbers) {
    }

    /** {@code expectedEffect}: for a measure of an action plan, tkr per year (up to three decimals). */
    record ActionRequest(String what, String why, String responsible, String timetable, ActionStatus status,
                         java.math.BigDecimal expectedEffect, Integer version) {
    }

    @GetMapping("/risks")
    @Operation(summary = "Riskerna, en sida i taget, valfritt för ett organ och ett år")
    Paging.Page<RiskOutput> list(@Parameter(description = "Nämndens, styrelsens eller bolagets id") @RequestParam(required = false) Long body,
                                 @Parameter(description = "Året för riskanalysen") @RequestParam(required = false) Integer year,
                                 @ParameterObject Paging paging) {
        Paging.Page<Risk> page = risks.page(body, year, paging);
        java.util.Map<Long, Risk> previous = carried.previousOf(page.items().stream().map(Risk::id).toList());
        return new Paging.Page<>(page.page(), page.size(), page.total(),
                page.items().stream().map(r -> RiskOutput.of(r, previous.get(r.id()))).toList());
    }

    @GetMapping("/risks/{id}")
    @Operation(summary = "En risk med riskvärde, nivå och föreslagen hantering")
    RiskOutput get(@PathVariable long id) {
        return output(risks.get(id));
    }

    @GetMapping("/risks/matrix")
    @Operation(summary = "Riskmatrisen 4×4 för ett organ och ett år: riskvärde, nivå och riskernas nummer per ruta")
    List<MatrixCell> matrix(@RequestParam long body, @RequestParam int year) {
        RiskMatrix m = RiskMatrix.of(risks.register(body, year).stream().map(Risk.Row::risk).toList());
        return m.rows().stream().flatMap(r -> r.cells().stream())
                .map(c -> new MatrixCell(c.probability(), c.consequence(), c.value(), c.band(), c.numbers())).toList();
    }

    @PostMapping("/risks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Lägg till en risk; utan hantering väljs den som riktlinjen föreslår för riskvärdet")
    RiskOutput create(@RequestBody RiskRequest request) {
        Problems p = new Problems();
        p.check(request.bodyUnitId() != null, "bodyUnitId", "quality.validering.organ");
        p.check(request.year() != null, "year", "quality.validering.ar", String.valueOf(RiskRules.FIRST_YEAR), String.valueOf(RiskRules.LAST_YEAR));
        p.throwIfAny();
        return output(risks.create(request.bodyUnitId(), request.year(), request.input()));
    }

    @PutMapping("/risks/{id}")
    @Operation(summary = "Ändra en risk (optimistisk låsning: skicka den version du läste)")
    RiskOutput update(@PathVariable long id, @RequestBody RiskRequest request) {
        return output(risks.update(id, request.requiredVersion(), request.input()));
    }

    @DeleteMapping("/risks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ta bort en risk")
    void delete(@PathVariable long id, @RequestParam int version) {
        risks.remove(id, version);
    }

    @PutMapping("/risks/{id}/link")
    @Operation(summary = "Koppla risken till objektet i styrkedjan som hanterar den, eller ta bort kopplingen (goalObjectId null)")
    RiskOutput link(@PathVariable long id, @RequestBody LinkRequest request) {
        Problems.when(request.version() == null, "version", "validering.version");
        return output(request.goalObjectId() == null ? risks.unlink(id, request.version())
                : risks.link(id, request.version(), request.goalObjectId()));
    }

    @PostMapping("/risks/{id}/handling")
    @Operation(summary = "Skapa det som hanterar risken (internkontrollpunkt, kritisk verksamhetsfaktor, uppdrag eller omedelbar åtgärd) och koppla det")
    RiskOutput createHandling(@PathVariable long id, @RequestBody HandlingRequest r) {
        Problems.when(r.version() == null, "version", "validering.version");
        return output(risks.createHandling(id, r.version(), new HandlingDraft(r.title(), r.responsible(), r.perspective(),
                r.checked(), r.method(), r.followUpOccasion(), r.timetable())));
    }

    @GetMapping("/actions")
    @Operation(summary = "Åtgärderna, en sida i taget, valfritt för ett organ och ett år")
    Paging.Page<QualityAction> actions(@RequestParam(required = false) Long body, @RequestParam(required = false) Integer year,
                                       @ParameterObject Paging paging) {
        return actions.page(body, year, paging);
    }

    @GetMapping("/actions/{id}")
    @Operation(summary = "En åtgärd")
    QualityAction action(@PathVariable long id) {
        return actions.get(id);
    }

    @PutMapping("/actions/{id}")
    @Operation(summary = "Ändra en åtgärd, till exempel dess status (optimistisk låsning)")
    QualityAction updateAction(@PathVariable long id, @RequestBody ActionRequest r) {
        Problems.when(r.version() == null, "version", "validering.version");
        return actions.update(id, r.version(), new ActionService.ActionInput(r.what(), r.why(), r.responsible(), r.timetable(), r.status(),
                ActionApi.kronor(r.expectedEffect(), "expectedEffect")));
    }
}
