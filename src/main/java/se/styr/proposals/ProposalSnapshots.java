package se.styr.proposals;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Versions loaded as published but without a snapshot (the demo data's proposals) get it when the application is
 * ready, computed as the user who published them, so the public pages need no login.
 */
@Component
class ProposalSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ProposalSnapshots.class);

    private final ProposalRepository repository;
    private final ProposalService proposals;
    private final UserDetailsService users;

    ProposalSnapshots(ProposalRepository repository, ProposalService proposals, UserDetailsService users) {
        this.repository = repository;
        this.proposals = proposals;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void complete() {
        for (Map.Entry<Long, String> version : repository.withoutSnapshot()) {
            try {
                UserDetails user = users.loadUserByUsername(version.getValue());
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                proposals.completePublication(version.getKey());
            } catch (RuntimeException e) {
                log.warn("Budgetförslag {} kunde inte publiceras färdigt: {}", version.getKey(), e.getMessage());
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
