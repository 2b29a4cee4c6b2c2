package se.styr.quality.ikplan;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.OrgUnit;
import se.styr.platform.Decisions;
import se.styr.platform.Problems;

/**
 * A body's risk analysis or internal-control plan goes to the body itself (the committee decides both with its budget,
 * DOMAIN §6): sent for decision it becomes a case of the committee ({@link Decisions.ReadyForDecision}, one
 * {@code quality_document_submission} a sending); when the minutes with the paragraph deciding it are approved,
 * {@link Decisions.Decided} stores the document as it then stands as its next decided version with the paragraph as
 * reference, exactly as a typed decision would. The quality module knows nothing of meetings.
 */
@Service
class DocumentDecisions {

    static final String RISK_ANALYSIS = "risk_analysis";
    static final String CONTROL_PLAN = "control_plan";

    private final QualityDocuments documents;
    private final PlanRepository repository;
    private final ControlPlanService plans;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DocumentDecisions(QualityDocuments documents, PlanRepository repository, ControlPlanService plans, Access access,
                      AuditLog audit, ApplicationEventPublisher events) {
        this.documents = documents;
        this.repository = repository;
        this.plans = plans;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    static String source(DocumentKind kind) {
        return kind == DocumentKind.RISKANALYS ? RISK_ANALYSIS : CONTROL_PLAN;
    }

    /** When the document was sent to its body and is still waiting for the minutes; null otherwise. */
    OffsetDateTime pendingSince(DocumentKind kind, long bodyId, int year) {
        return repository.pendingSubmission(bodyId, year, kind).map(PlanRepository.Submission::readyAt).orElse(null);
    }

    /** The document goes to its body as a case; until the minutes decide it, it cannot be decided by typing. */
    @Transactional
    long markReady(DocumentKind kind, long bodyId, int year) {
        OrgUnit body = plans.body(bodyId);
        access.require(Access.Action.EDIT_STRUCTURE, body.id());
        Problems.when(kind == null, "kind", "ikplan.validering.dokument");
        Problems.when(year < 2000 || year > 2100, "ar", "quality.validering.formular");
        Problems.when(repository.pendingSubmission(body.id(), year, kind).isPresent(), "kind", "ikplan.document.alreadySent");
        long id = repository.insertSubmission(body.municipalityId(), body.id(), year, kind, access.current().username());
        String title = documents.compile(kind, body.id(), year).title();
        audit.record(body.municipalityId(), "quality_document_submission", id, AuditLog.Action.ANDRAD,
                "Skickad till " + body.name() + " för beslut: " + title, Map.of("klarForBeslut", false),
                Map.of("klarForBeslut", true));
        events.publishEvent(new Decisions.ReadyForDecision(body.municipalityId(), body.id(), source(kind), id, title, year,
                access.current().displayName()));
        return id;
    }

    /**
     * The approved paragraph decides the document: no right is checked here, the minutes' justering is the authority. A
     * sending already decided is left as it is.
     */
    @EventListener
    @Transactional
    public void onDecided(Decisions.Decided e) {
        if (!RISK_ANALYSIS.equals(e.sourceType()) && !CONTROL_PLAN.equals(e.sourceType())) {
            return;
        }
        PlanRepository.Submission s = repository.submission(e.sourceId())
                .filter(x -> x.municipalityId() == e.municipalityId() && source(x.kind()).equals(e.sourceType())).orElse(null);
        if (s == null || s.decidedVersionId() != null) {
            return;
        }
        DocumentVersion v = documents.store(s.kind(), plans.body(s.bodyUnitId()), s.year(), e.decidedOn(), e.reference());
        repository.submissionDecided(s.id(), v.id());
    }
}
