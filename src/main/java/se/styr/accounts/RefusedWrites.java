package se.styr.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.audit.AuditLog;

/** A write (not GET, HEAD or OPTIONS) refused with 403 to a signed-in person is written to the audit log, with why. */
@Component
class RefusedWrites {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Access access;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    RefusedWrites(Access access, AuditLog audit, TransactionTemplate transaction) {
        this.access = access;
        this.audit = audit;
        this.transaction = transaction;
    }

    void record(HttpServletRequest request, AccessDeniedException refused) {
        record(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()), refused);
    }

    @org.springframework.context.event.EventListener
    void refusedByApi(se.styr.platform.RequestRefused event) {
        record(event.method(), event.path(), event.reason());
    }

    private void record(String method, String path, AccessDeniedException refused) {
        if (READS.contains(method)) {
            return;
        }
        access.findCurrent().ifPresent(user -> {
            String why = refused instanceof CsrfException ? "formulärets säkerhetskod (CSRF) saknas eller har gått ut"
                    : refused.getMessage() == null || refused.getMessage().isBlank() || refused.getMessage().equals("Access Denied")
                    ? "behörighet saknas" : refused.getMessage();
            String summary = "Nekad: " + method + " " + (path.length() > 200 ? path.substring(0, 200) : path) + " – " + why;
            transaction.executeWithoutResult(t -> audit.record(user.municipalityId(), "request", null, AuditLog.Action.NEKAD,
                    summary, null, null));
        });
    }
}
