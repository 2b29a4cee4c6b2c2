package se.styr.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import se.styr.accounts.login.LoginThrottle;

@Service
class LocalAccountService implements UserDetailsService {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    LocalAccountService(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /** The account to check a password against, locked while its username or the client's address is throttled. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        LoginThrottle.State state = throttle.state(username, LoginThrottle.clientAddress());
        Accounts.Account account = accounts.byUsername(username).filter(a -> a.passwordHash() != null).orElse(null);
        if (account == null) {
            throw state.locked() ? new org.springframework.security.authentication.LockedException(username)
                    : new UsernameNotFoundException(username);
        }
        return new StyrPrincipal(accounts.currentUser(account), account.passwordHash(), account.active(), state.locked(),
                accounts.mustChangePassword(account.id()), state.userHasFailures());
    }
}
