package se.styr.transfer;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.accounts.Access;
import se.styr.accounts.Role;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Messages;

/** What every transfer import and export reads: the current municipality, its units and periods, the rights. */
@Component
class TransferContext {

    private final Access access;
    private final Organisation organisation;
    private final Messages messages;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    TransferContext(Access access, Organisation organisation, Messages messages, PlatformTransactionManager transactions) {
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    long municipalityId() {
        return access.municipalityId();
    }

    List<OrgUnit> units() {
        return organisation.units(access.municipalityId());
    }

    List<PlanPeriod> periods() {
        return organisation.periods(access.municipalityId());
    }

    Cells cells(ImportRun run) {
        return new Cells(run, messages, units(), periods());
    }

    ImportRun run(List<String> sheets) {
        return new ImportRun(messages, savepoint, sheets);
    }

    TransactionTemplate transaction() {
        return transaction;
    }

    String text(String key, Object... args) {
        return messages.text(key, args);
    }

    Messages messages() {
        return messages;
    }

    /**
     * Whether the current person may use the kind's import and export at all: the organisation and the people are the
     * administrator's; the goal chain the administrator's and the controllers' (each row then within their scope).
     */
    boolean may(TransferKind kind) {
        return access.findCurrent().map(u -> u.has(Role.ADMINISTRATOR)
                || (kind == TransferKind.STYRKEDJA && u.has(Role.CONTROLLER))).orElse(false);
    }

    void require(TransferKind kind) {
        if (!may(kind)) {
            throw new AccessDeniedException(messages.text("transfer.rights." + kind.name()));
        }
    }
}
