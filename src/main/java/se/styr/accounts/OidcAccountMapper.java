package se.styr.accounts;

import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import se.styr.accounts.people.OidcRoles;

/**
 * Connects an OIDC login to a Styr account: by the claim {@code preferred_username} matching the username,
 * else by a verified e-mail address. Roles come from Styr: those given by hand, and those the administrator's table
 * of claims ({@link OidcRoles}) gives, renewed at each login; the table also creates the account of a person it gives
 * a role. A person without an active account is refused.
 */
class OidcAccountMapper implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final Accounts accounts;
    private final OidcRoles roles;

    OidcAccountMapper(Accounts accounts, OidcRoles roles) {
        this(new OidcUserService(), accounts, roles);
    }

    /** Without the table of claims: roles only as given in Styr. */
    OidcAccountMapper(OAuth2UserService<OidcUserRequest, OidcUser> delegate, Accounts accounts) {
        this(delegate, accounts, null);
    }

    OidcAccountMapper(OAuth2UserService<OidcUserRequest, OidcUser> delegate, Accounts accounts, OidcRoles roles) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.roles = roles;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return map(delegate.loadUser(request));
    }

    OidcUser map(OidcUser oidc) {
        Optional<Accounts.Account> account = Optional.ofNullable(oidc.getPreferredUsername()).flatMap(accounts::byUsername);
        if (account.isEmpty() && oidc.getEmail() != null && Boolean.TRUE.equals(oidc.getEmailVerified())) {
            account = accounts.byEmail(oidc.getEmail());
        }
        if (roles != null && account.map(Accounts.Account::active).orElse(true)) {
            String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getEmail();
            Optional<Long> id = roles.apply(account.map(Accounts.Account::id).orElse(null), new OidcRoles.Login(username,
                    oidc.getFullName(), Boolean.TRUE.equals(oidc.getEmailVerified()) ? oidc.getEmail() : null, oidc.getClaims()));
            if (account.isEmpty() && id.isPresent()) {
                account = accounts.byUsername(username);
            }
        }
        Accounts.Account found = account.filter(Accounts.Account::active).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error("styr_no_account", "Du har inget aktivt konto i Styr. Kontakta kommunledningskontoret.", null)));
        return new StyrOidcUser(oidc, accounts.currentUser(found));
    }
}
