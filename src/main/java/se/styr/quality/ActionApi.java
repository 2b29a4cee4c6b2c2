package se.styr.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Problems;

/** Economic action plans, and the actions' sharing and reporting in follow-up rounds, as JSON: the pages' rules and rights. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risker och åtgärder", description = "Risk- och väsentlighetsanalys: risker, riskmatris, hantering och omedelbara åtgärder")
class ActionApi {

    private final ActionService actions;
    private final ActionPlans plans;

    ActionApi(ActionService actions, ActionPlans plans) {
        this.actions = actions;
        this.plans = plans;
    }

    /** An amount in tkr, as sent, in whole kronor; finer than 1 kr is refused. */
    static Long kronor(BigDecimal tkr, String field) {
        if (tkr == null) {
            return null;
        }
        try {
            return tkr.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            Problems.single(field, "validering.tkr");
            return null;
        }
    }

    @GetMapping("/action-plans")
    @Operation(summary = "De ekonomiska handlingsplanerna")
    List<ActionPlan> plans() {
        return plans.list();
    }

    @GetMapping("/action-plans/{id}")
    @Operation(summary = "En handlingsplan uppföljd som helhet: åtgärderna, förväntad och uppnådd effekt (kronor per år) och summorna")
    ActionPlans.FollowUp plan(@PathVariable long id) {
        return plans.followUp(id);
    }

    record ShareRequest(Long roundId, List<Long> unitIds, Integer version) {
    }

    @PutMapping("/actions/{id}/shares")
    @Operation(summary = "Dela en åtgärd i en uppföljning till exakt dessa avdelningar och enheter (optimistisk låsning på åtgärden)")
    Map<Long, Set<Long>> share(@PathVariable long id, @RequestBody ShareRequest r) {
        actions.share(id, r.version(), r.roundId(), r.unitIds() == null ? Set.of() : new LinkedHashSet<>(r.unitIds()));
        return actions.shares(id);
    }

    /** {@code reachedEffect}: for a measure of an action plan, tkr per year. */
    record ReportRequest(Long roundId, Long unitId, ActionStatus status, String comment, BigDecimal reachedEffect, Integer version) {
    }

    @PutMapping("/actions/{id}/reports")
    @Operation(summary = "En enhets redovisning av en åtgärd i en uppföljning (version 0 för den första)")
    ActionReport report(@PathVariable long id, @RequestBody ReportRequest r) {
        Problems p = new Problems();
        p.check(r.roundId() != null, "roundId", "validering.val");
        p.check(r.unitId() != null, "unitId", "validering.val");
        p.check(r.version() != null, "version", "validering.version");
        p.throwIfAny();
        return actions.saveReport(id, r.roundId(), r.unitId(), r.version(),
                new ActionService.ReportInput(r.status(), r.comment(), kronor(r.reachedEffect(), "reachedEffect")));
    }
}
