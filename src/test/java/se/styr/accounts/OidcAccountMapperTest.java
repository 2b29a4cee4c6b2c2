package se.styr.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An OIDC login becomes a Styr account with Styr's roles, or is refused. */
class OidcAccountMapperTest {

    private final Accounts accounts = mock(Accounts.class);
    private final OidcAccountMapper mapper = new OidcAccountMapper(request -> null, accounts);
    private final Accounts.Account controller = new Accounts.Account(7, 1, "controller", "Carl Controller",
            "controller@example.invalid", null, true);

    private static OidcUser login(Map<String, Object> claims) {
        var all = new java.util.HashMap<String, Object>(claims);
        all.put("sub", "idp-4711");
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void preferred_username_finds_the_account_and_roles_come_from_styr() {
        when(accounts.byUsername("controller")).thenReturn(Optional.of(controller));
        when(accounts.currentUser(controller)).thenReturn(new CurrentUser(7, 1, "controller", "Carl Controller",
                List.of(new CurrentUser.RoleScope(Role.CONTROLLER, 42L))));

        OidcUser user = mapper.map(login(Map.of("preferred_username", "controller")));

        assertThat(user.getName()).isEqualTo("controller");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CONTROLLER");
        assertThat(((HasCurrentUser) user).styrUser().roles()).containsExactly(new CurrentUser.RoleScope(Role.CONTROLLER, 42L));
    }

    @Test
    void a_verified_email_is_the_fallback() {
        when(accounts.byUsername("c.controller")).thenReturn(Optional.empty());
        when(accounts.byEmail("controller@example.invalid")).thenReturn(Optional.of(controller));
        when(accounts.currentUser(controller)).thenReturn(new CurrentUser(7, 1, "controller", "Carl Controller", List.of()));

        assertThat(mapper.map(login(Map.of("preferred_username", "c.controller", "email", "controller@example.invalid",
                "email_verified", true))).getName()).isEqualTo("controller");
    }

    @Test
    void an_unverified_email_or_unknown_person_is_refused_in_swedish() {
        when(accounts.byUsername("okand")).thenReturn(Optional.empty());
        when(accounts.byEmail("controller@example.invalid")).thenReturn(Optional.of(controller));

        assertThatThrownBy(() -> mapper.map(login(Map.of("preferred_username", "okand", "email", "controller@example.invalid",
                "email_verified", false))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("inget aktivt konto i Styr");
    }

    @Test
    void an_inactive_account_is_refused() {
        Accounts.Account inactive = new Accounts.Account(8, 1, "slutat", "Slutat", null, null, false);
        when(accounts.byUsername("slutat")).thenReturn(Optional.of(inactive));

        assertThatThrownBy(() -> mapper.map(login(Map.of("preferred_username", "slutat"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
