package se.styr.economy.budget;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.platform.Decisions;
import se.styr.platform.Problems;

/**
 * The municipality's budget goes to the council (kommunfullmäktige, KF: the budget is KF's decision, Kommunallagen
 * 11 kap. 8 §): sent for decision it becomes a case of KF ({@link Decisions.ReadyForDecision}); when the minutes with the
 * paragraph deciding it are approved, {@link Decisions.Decided} decides the version with the paragraph as its
 * reference and its figures are frozen, exactly as a typed decision would. The economy knows nothing of meetings.
 */
@Service
class BudgetDecisions {

    static final String SOURCE = "budget";

    private final BudgetService budgets;
    private final BudgetRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    BudgetDecisions(BudgetService budgets, BudgetRepository repository, Organisation organisation, Access access,
                    AuditLog audit, ApplicationEventPublisher events) {
        this.budgets = budgets;
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /** When the version was sent to the council; null when it was not. */
    OffsetDateTime readyAt(long budgetId) {
        return repository.readyForDecision(budgetId);
    }

    /**
     * The draft version is sent to the council and becomes a case there (registered in the year before the period, when
     * the council decides it); it can no longer be decided by typing.
     */
    @Transactional
    Budget markReady(long budgetId, int version) {
        Budget budget = budgets.editable(budgetId, null);
        Problems.when(repository.readyForDecision(budgetId) != null, "version", "economy.error.alreadySent");
        OrgUnit council = organisation.units(budget.municipalityId(), Set.of(OrgUnitType.KOMMUNFULLMAKTIGE)).stream()
                .filter(u -> u.type() == OrgUnitType.KOMMUNFULLMAKTIGE && u.active()).findFirst().orElse(null);
        Problems.when(council == null, "version", "economy.error.noCouncil");
        budgets.lock(budget, version);
        repository.setReadyForDecision(budgetId, OffsetDateTime.now(ZoneOffset.UTC));
        audit.record(budget.municipalityId(), BudgetService.AUDIT_TYPE, budgetId, AuditLog.Action.ANDRAD,
                "Skickad till fullmäktige för beslut: " + budget.label(), Map.of("klarForBeslut", false),
                Map.of("klarForBeslut", true));
        events.publishEvent(new Decisions.ReadyForDecision(budget.municipalityId(), council.id(), SOURCE, budgetId,
                "Budget " + budget.label().replaceFirst("^Budget ", ""), budget.firstYear() - 1,
                access.current().displayName()));
        return budgets.budget(budgetId);
    }

    /**
     * The approved paragraph decides the version: no right is checked here, the minutes' justering is the authority. A
     * version already decided is left as it is.
     */
    @EventListener
    @Transactional
    public void onDecided(Decisions.Decided e) {
        if (!SOURCE.equals(e.sourceType())) {
            return;
        }
        BudgetRepository.Row row = repository.find(e.sourceId()).filter(r -> r.municipalityId() == e.municipalityId())
                .orElse(null);
        if (row == null || row.state() == BudgetState.BESLUTAD) {
            return;
        }
        repository.decide(row.id(), e.decidedOn(), e.reference(), access.current().username());
        repository.touch(row.id(), row.version());
        audit.record(row.municipalityId(), BudgetService.AUDIT_TYPE, row.id(), AuditLog.Action.ANDRAD,
                "Budget beslutad i protokollet: " + e.reference(), Map.of("status", row.state().name()),
                Map.of("status", BudgetState.BESLUTAD.name(), "datum", e.decidedOn().toString(), "paragraf", e.reference()));
    }
}
