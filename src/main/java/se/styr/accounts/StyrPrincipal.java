package se.styr.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person who logged in with a local account (form or HTTP Basic). The password hash is needed only to check the
 * password: Spring Security erases it after a successful login, so the session stored in the database never holds it.
 */
final class StyrPrincipal implements UserDetails, HasCurrentUser, CredentialsContainer {

    private final CurrentUser styrUser;
    private String passwordHash;
    private final boolean active;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final boolean hadFailures;

    StyrPrincipal(CurrentUser styrUser, String passwordHash, boolean active) {
        this(styrUser, passwordHash, active, false, false, false);
    }

    /**
     * @param locked             too many failed logins: refused before the password is checked
     * @param mustChangePassword the password is a one-time password an administrator set
     * @param hadFailures        earlier failed logins to forget when this one succeeds
     */
    StyrPrincipal(CurrentUser styrUser, String passwordHash, boolean active, boolean locked, boolean mustChangePassword,
                  boolean hadFailures) {
        this.styrUser = styrUser;
        this.passwordHash = passwordHash;
        this.active = active;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.hadFailures = hadFailures;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    boolean hadFailures() {
        return hadFailures;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.role().name()))
                .distinct().toList();
    }

    @Override
    public CurrentUser styrUser() {
        return styrUser;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(styrUser);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String getUsername() {
        return styrUser.username();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StyrPrincipal p && p.getUsername().equals(getUsername());
    }

    @Override
    public int hashCode() {
        return getUsername().hashCode();
    }
}
