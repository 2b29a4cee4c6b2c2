package se.styr.accounts;

import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Connects an OIDC login to a Styr account: by the claim {@code preferred_username} matching the username,
 * else by a verified e-mail address. Roles always come from Styr, never from the identity provider, and a
 * person without an active account is refused.
 */
class OidcAccountMapper implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final Accounts accounts;

    OidcAccountMapper(Accounts accounts) {
        this(new OidcUserService(), accounts);
    }

    OidcAccountMapper(OAuth2UserService<OidcUserRequest, OidcUser> delegate, Accounts accounts) {
        this.delegate = delegate;
        this.accounts = accounts;
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
        Accounts.Account found = account.filter(Accounts.Account::active).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error("styr_no_account", "Du har inget aktivt konto i Styr. Kontakta kommunledningskontoret.", null)));
        return new StyrOidcUser(oidc, accounts.currentUser(found));
    }
}
