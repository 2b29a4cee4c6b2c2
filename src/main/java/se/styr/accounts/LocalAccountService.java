package se.styr.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class LocalAccountService implements UserDetailsService {

    private final Accounts accounts;

    LocalAccountService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byUsername(username)
                .filter(a -> a.passwordHash() != null)
                .map(a -> new StyrPrincipal(accounts.currentUser(a), a.passwordHash(), a.active()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
