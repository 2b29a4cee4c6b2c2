package se.styr.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person who logged in with a local account (form or HTTP Basic). */
record StyrPrincipal(CurrentUser styrUser, String passwordHash, boolean active) implements UserDetails, HasCurrentUser {

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.role().name()))
                .distinct().toList();
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
    public String getUsername() {
        return styrUser.username();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }
}
