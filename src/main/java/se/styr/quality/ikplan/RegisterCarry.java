package se.styr.quality.ikplan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.ChainCarried;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Problems;
import se.styr.quality.Risk;

/**
 * The risk register carried into the next year for reassessment: each risk not carried before is copied with last
 * year's probability, consequence and handling (its link to a handling object is left for the new plan), and points at
 * the risk it continues, so the register shows last year's value beside this year's. Carried when the goal chain is
 * carried into the next plan period ({@link ChainCarried}), or by hand for one body; carrying twice carries nothing.
 */
@Service
public class RegisterCarry {

    static final String AUDIT_TYPE = "risk";

    private final PlanRepository repository;
    private final ControlPlanService plans;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;

    RegisterCarry(PlanRepository repository, ControlPlanService plans, Organisation organisation, Access access, AuditLog audit) {
        this.repository = repository;
        this.plans = plans;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
    }

    /** Last year's risk for each risk of the register that was carried, by the risk's id. */
    public Map<Long, Risk> previous(long bodyId, int year) {
        return repository.predecessors(access.municipalityId(), bodyId, year);
    }

    /** Last year's risk for each of these risks that was carried, by the risk's id; one statement whatever their number. */
    public Map<Long, Risk> previousOf(java.util.Collection<Long> riskIds) {
        return repository.predecessorsOf(access.municipalityId(), riskIds);
    }

    /** Carries one body's register of the year into the next year; returns how many risks were carried. */
    @Transactional
    public int carry(long bodyId, int year) {
        OrgUnit body = plans.body(bodyId);
        access.require(Access.Action.EDIT_STRUCTURE, body.id());
        Problems.when(year < 1990 || year >= 2100, "ar", "validering.ar.utanfor", "1990", "2099");
        return carry(access.municipalityId(), Set.of(body.id()), year, year + 1);
    }

    /** The next-year flow carried the chain of these units: their bodies' registers come along, in the same transaction. */
    @EventListener
    void on(ChainCarried carried) {
        Set<Long> bodies = organisation.bodies(carried.municipalityId()).stream().map(OrgUnit::id)
                .filter(carried.ownerUnitIds()::contains).collect(Collectors.toSet());
        carry(carried.municipalityId(), bodies, carried.fromYear(), carried.toYear());
    }

    private int carry(long m, Set<Long> bodies, int year, int toYear) {
        if (bodies.isEmpty() || toYear <= year) {
            return 0;
        }
        List<Long> created = repository.carry(m, bodies, year, toYear);
        Map<Long, Risk> byId = repository.risks(m, bodies, toYear).stream().collect(Collectors.toMap(Risk::id, r -> r));
        for (Long id : created) {
            Risk r = byId.get(id);
            audit.record(m, AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Risk " + toYear + " nr " + r.number() + ": " + r.description()
                    + " (överförd från " + year + " för ny bedömning)", null, r);
        }
        return created.size();
    }
}
