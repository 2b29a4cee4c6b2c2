package se.styr.accounts;

import java.time.Duration;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.accounts.login.LoginThrottle;
import se.styr.audit.AuditLog;

/**
 * Failed logins (form and HTTP Basic) are counted by {@link LoginThrottle} and written to the audit log, with the
 * username tried as the actor; a successful login forgets the username's failures. Attempts refused because the
 * username or address is locked are not written one by one: the lock itself is, so an attacker cannot fill the log.
 */
@Component
class LoginEvents {

    private final LoginThrottle throttle;
    private final Accounts accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LoginEvents(LoginThrottle throttle, Accounts accounts, AuditLog audit, JdbcClient jdbc, TransactionTemplate transaction) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @EventListener
    void badPassword(AuthenticationFailureBadCredentialsEvent event) {
        refused(event, "Misslyckad inloggning (fel användarnamn eller lösenord)");
    }

    @EventListener
    void inactive(AuthenticationFailureDisabledEvent event) {
        refused(event, "Misslyckad inloggning (kontot är inaktiverat)");
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StyrPrincipal p && p.hadFailures()) {
            throttle.succeeded(p.getUsername());
        }
    }

    private void refused(AbstractAuthenticationFailureEvent event, String what) {
        String username = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        Optional<Duration> lock = throttle.failed(username, address);
        Optional<Accounts.Account> account = accounts.byUsername(username);
        Long municipality = account.map(Accounts.Account::municipalityId).orElseGet(this::onlyMunicipality);
        String summary = what + " för \"" + username + "\"" + (address == null ? "" : " från " + address)
                + lock.map(d -> "; inloggningen är spärrad i " + d.toMinutes() + " minuter").orElse("");
        transaction.executeWithoutResult(t -> audit.recordAs(username.isBlank() ? "(tomt)" : username, municipality, "login",
                account.map(Accounts.Account::id).orElse(null), AuditLog.Action.NEKAD, summary, null, null));
    }

    /** An unknown username belongs to no municipality; where there is only one, its log shows the attempt. */
    private Long onlyMunicipality() {
        var ids = jdbc.sql("select id from municipality order by id limit 2").query(Long.class).list();
        return ids.size() == 1 ? ids.get(0) : null;
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : LoginThrottle.clientAddress();
    }
}
