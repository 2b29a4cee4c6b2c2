package se.styr.goals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import se.styr.accounts.Access;
import org.springdoc.core.annotations.ParameterObject;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** The goal chain as JSON, with the same rules, rights and audit as the pages. */
@RestController
@RequestMapping("/api/v1/objects")
@Tag(name = "Styrkedja", description = "Fokusområden, mål, indikatorer, nyckeltal, uppdrag, kritiska verksamhetsfaktorer och internkontrollpunkter")
class GoalApi {

    private final GoalService goals;
    private final ChainReader chain;
    private final Access access;

    GoalApi(GoalService goals, ChainReader chain, Access access) {
        this.goals = goals;
        this.chain = chain;
        this.access = access;
    }

    /** What a client sends to create or change an object; {@code version} is the one it read (ignored on create). */
    record ObjectInput(Kind kind, Long parentId, Long ownerUnitId, Long periodId, String title, String description,
                       Direction direction, String measureUnit, String source, String koladaId, Boolean steering,
                       BigDecimal nearTargetTolerance, Long linkedIndicatorId, String linkMotivation,
                       Integer agenda2030Goal, String agenda2030Target, Long givenByUnitId, LocalDate dueDate,
                       AssignmentStatus status, Perspective perspective, String frequency, String process,
                       Integer riskValue, String controlMethod, String responsible, FollowUpOccasion followUpOccasion,
                       Integer version) {

        GoalObject toObject(Long id, long municipalityId, GoalObject current) {
            Problems p = new Problems();
            p.check(kind != null || current != null, "kind", "validering.val");
            p.check(ownerUnitId != null, "ownerUnitId", "validering.agare.saknas");
            p.check(current == null || version != null, "version", "validering.version");
            p.throwIfAny();
            return new GoalObject(id, municipalityId, current != null ? current.kind() : kind, parentId, ownerUnitId,
                    periodId, 0, title, description, direction, measureUnit, source, koladaId, steering,
                    nearTargetTolerance, linkedIndicatorId, linkMotivation, agenda2030Goal, agenda2030Target,
                    current == null ? null : current.judgement(), current == null ? null : current.judgementText(),
                    givenByUnitId, dueDate, status, perspective, frequency, process, riskValue, controlMethod, responsible,
                    followUpOccasion, current != null && current.retired(), version == null ? 0 : version);
        }
    }

    record Assessed(Signal signal, Integer outcomeYear, BigDecimal outcome, Integer targetYear, BigDecimal target,
                    BigDecimal baseline, BigDecimal nearLimit, Trend trend) {
    }

    record ObjectOutput(GoalObject object, Assessed assessment, GoalState state, GoalState derivedState,
                        List<MeasureValue> values, List<Long> childIds, List<GoalViews.Earlier> history) {
    }

    record VersionInput(Integer version) {
        int required() {
            Problems.when(version == null, "version", "validering.version");
            return version;
        }
    }

    record MoveInput(Long parentId, Integer version) {
    }

    record ValuesInput(Integer version, List<MeasureValue> values) {
    }

    record JudgementInput(GoalState judgement, String judgementText, Integer version) {
    }

    record StatusInput(AssignmentStatus status, Integer version) {
    }

    @GetMapping
    @Operation(summary = "Objekten i kommunens styrkedja, en sida i taget, valfritt filtrerade")
    Paging.Page<GoalObject> list(
            @Parameter(description = "Objekttyp") @RequestParam(required = false) Kind kind,
            @Parameter(description = "Ett organ eller en enhet: objekten som den och enheterna under den äger")
            @RequestParam(required = false) Long body,
            @Parameter(description = "Planperiodens id") @RequestParam(required = false) Long period,
            @Parameter(description = "Ett år: objekten i planperioder som omfattar året") @RequestParam(required = false) Integer year,
            @Parameter(description = "Ord som ska finnas i titeln") @RequestParam(required = false) String q,
            @ParameterObject Paging paging) {
        return chain.list(kind, body, period, year, q, paging);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Ett objekt med värden, signal, trend och måluppfyllelse")
    ObjectOutput get(@PathVariable long id) {
        return output(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa ett objekt")
    ObjectOutput create(@RequestBody ObjectInput input) {
        return output(goals.create(input.toObject(null, access.municipalityId(), null)).id());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Ändra ett objekt (optimistisk låsning: skicka den version du läste)")
    ObjectOutput update(@PathVariable long id, @RequestBody ObjectInput input) {
        GoalObject current = goals.get(id);
        return output(goals.update(input.toObject(id, current.municipalityId(), current)).id());
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Flytta ett objekt till ett annat överordnat objekt")
    ObjectOutput move(@PathVariable long id, @RequestBody MoveInput input) {
        return output(goals.move(id, input.parentId(), new VersionInput(input.version()).required()).id());
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Avveckla ett objekt och allt under det")
    ObjectOutput retire(@PathVariable long id, @RequestBody VersionInput input) {
        return output(goals.retire(id, input.required()).id());
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Återaktivera ett avvecklat objekt")
    ObjectOutput reactivate(@PathVariable long id, @RequestBody VersionInput input) {
        return output(goals.reactivate(id, input.required()).id());
    }

    @PutMapping("/{id}/values")
    @Operation(summary = "Ersätt utfall och målvärden per år")
    ObjectOutput values(@PathVariable long id, @RequestBody ValuesInput input) {
        goals.setValues(id, new VersionInput(input.version()).required(), input.values() == null ? List.of() : input.values());
        return output(id);
    }

    @PutMapping("/{id}/judgement")
    @Operation(summary = "Professionell bedömning av måluppfyllelse (null: använd den härledda)")
    ObjectOutput judge(@PathVariable long id, @RequestBody JudgementInput input) {
        return output(goals.judge(id, new VersionInput(input.version()).required(), input.judgement(), input.judgementText()).id());
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Status för ett särskilt uppdrag")
    ObjectOutput status(@PathVariable long id, @RequestBody StatusInput input) {
        Problems.when(input.status() == null, "status", "validering.status.kravs");
        return output(goals.setStatus(id, new VersionInput(input.version()).required(), input.status()).id());
    }

    private ObjectOutput output(long id) {
        GoalViews.Details d = chain.details(id);
        GoalViews.Node n = d.node();
        Assessed assessed = n.headline() == null ? null : new Assessed(n.headline().signal(), n.headline().outcomeYear(),
                n.headline().outcome(), n.headline().targetYear(), n.headline().target(), n.headline().baseline(),
                n.headline().nearLimit(), n.trend());
        return new ObjectOutput(n.object(), assessed, n.object().kind().isGoal() ? n.state() : null, n.derivedState(),
                d.years().stream().map(GoalViews.YearRow::value).toList(),
                n.children().stream().map(c -> c.object().id()).toList(), d.history());
    }
}
