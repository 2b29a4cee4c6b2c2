package se.styr.accounts;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person who logged in through the municipality's identity provider and has a Styr account. */
class StyrOidcUser extends DefaultOidcUser implements HasCurrentUser {

    private final CurrentUser user;

    StyrOidcUser(OidcUser oidc, CurrentUser user) {
        super(StyrPrincipal.authorities(user), oidc.getIdToken(), oidc.getUserInfo());
        this.user = user;
    }

    @Override
    public CurrentUser styrUser() {
        return user;
    }

    /** Audit entries and the page header name the Styr account, not the provider's subject id. */
    @Override
    public String getName() {
        return user.username();
    }
}
