package se.styr.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.styr.organisation.OrganisationChanged;

/** Records each change to the organisation in the audit log, inside the change's own transaction. */
@Component
class OrganisationChanges {

    private final AuditLog audit;

    OrganisationChanges(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(OrganisationChanged change) {
        audit.record(change.municipalityId(), change.objectType(), change.objectId(),
                AuditLog.Action.valueOf(change.kind().name()), change.summary(), change.before(), change.after());
    }
}
