package se.styr.goals.nextyear;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styr.goals.Kind;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** The next year as JSON: what a period would carry, the carry itself, and the internal-control drafts. */
@RestController
@RequestMapping("/api/v1/next-year")
@Tag(name = "Nästa år", description = "Styrkedjan förs över till nästa planperiod, med länk till föregångaren; internkontrollplanen som utkast")
class NextYearApi {

    private final CarryOver carry;
    private final Drafts drafts;

    NextYearApi(CarryOver carry, Drafts drafts) {
        this.carry = carry;
        this.drafts = drafts;
    }

    record BodyOutput(long bodyId, String body, Map<Kind, CarryOver.KindCount> kinds, boolean mayCarry) {
    }

    record OverviewOutput(PlanPeriod from, PlanPeriod target, String targetName, List<BodyOutput> bodies, long pendingDrafts) {
    }

    /** One object of the old period and what happens to it. */
    record ObjectOutput(long id, Kind kind, Long parentId, long ownerUnitId, String title, boolean carried, boolean offered,
                        boolean finished, boolean ownerActive, boolean parentCarried) {
    }

    record PreviewOutput(PlanPeriod from, PlanPeriod target, long bodyId, Map<Kind, CarryOver.KindCount> kinds,
                         Paging.Page<ObjectOutput> objects) {
    }

    record CarryInput(Long targetPeriodId, List<Long> objectIds) {
    }

    record DecisionInput(Integer version) {
        int required() {
            Problems.when(version == null, "version", "validering.version");
            return version;
        }
    }

    @GetMapping("/{fromPeriodId}")
    @Operation(summary = "Vad planperioden har att föra över, per organ och objekttyp")
    OverviewOutput overview(@PathVariable long fromPeriodId) {
        CarryOver.Overview o = carry.overview(fromPeriodId);
        return new OverviewOutput(o.from(), o.target(), o.targetName(), o.bodies().stream()
                .map(b -> new BodyOutput(b.body().id(), b.body().label(), b.kinds(), b.mayCarry())).toList(), o.pendingDrafts());
    }

    @GetMapping("/{fromPeriodId}/bodies/{bodyId}")
    @Operation(summary = "Förhandsgranskning för ett organ: antal per typ och objekten, en sida i taget, i styrkedjans ordning")
    PreviewOutput preview(@PathVariable long fromPeriodId, @PathVariable long bodyId, @ParameterObject Paging paging) {
        CarryOver.BodyPreview p = carry.preview(fromPeriodId, bodyId);
        List<ObjectOutput> all = new java.util.ArrayList<>();
        flatten(p.tree(), all);
        List<ObjectOutput> page = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new PreviewOutput(p.from(), p.target(), bodyId, p.kinds(), paging.of(all.size(), page));
    }

    private static void flatten(List<CarryOver.Choice> choices, List<ObjectOutput> into) {
        for (CarryOver.Choice c : choices) {
            OldObject r = c.row();
            into.add(new ObjectOutput(r.id(), r.kind(), r.parentId(), r.ownerUnitId(), r.title(), r.carried(), c.offered(),
                    r.finished(), r.ownerActive(), r.parentCarried()));
            flatten(c.children(), into);
        }
    }

    @PostMapping("/{fromPeriodId}/next-period")
    @Operation(summary = "Nästa planperiod: den som finns, annars skapas den (administratör eller controller för hela kommunen)")
    PlanPeriod nextPeriod(@PathVariable long fromPeriodId) {
        return carry.startNext(fromPeriodId);
    }

    @PostMapping("/{fromPeriodId}/carry")
    @Operation(summary = "För över valda objekt; redan överförda lämnas som de är, internkontrollpunkter blir utkast")
    CarryOver.Result carryOver(@PathVariable long fromPeriodId, @RequestBody CarryInput input) {
        return carry.carry(fromPeriodId, input.targetPeriodId(), input.objectIds() == null ? List.of() : input.objectIds());
    }

    @GetMapping("/internal-control-drafts")
    @Operation(summary = "Utkasten till nästa periods internkontrollplan, väntande först")
    Paging.Page<Drafts.Draft> drafts(@Parameter(description = "Den nya planperiodens id") @RequestParam long period,
                                     @Parameter(description = "UTKAST, BEKRAFTAD eller STRUKEN") @RequestParam(required = false) Drafts.State state,
                                     @ParameterObject Paging paging) {
        return drafts.list(period, state, paging);
    }

    @PostMapping("/internal-control-drafts/{id}/confirm")
    @Operation(summary = "Bekräfta ett utkast: punkten skapas i den nya perioden")
    Drafts.Draft confirm(@PathVariable long id, @RequestBody DecisionInput input) {
        return drafts.confirm(id, input.required());
    }

    @PostMapping("/internal-control-drafts/{id}/drop")
    @Operation(summary = "Stryk ett utkast ur den nya periodens plan")
    Drafts.Draft drop(@PathVariable long id, @RequestBody DecisionInput input) {
        return drafts.drop(id, input.required());
    }
}
