package se.styr.accounts;

import java.io.Serializable;
import java.util.List;

/** The person acting. Serializable: it is kept in the session, which is stored in the database. */
public record CurrentUser(long id, long municipalityId, String username, String displayName, List<RoleScope> roles)
        implements Serializable {

    /** A role, for the whole municipality (unitId null) or for one unit and the units below it. */
    public record RoleScope(Role role, Long unitId) implements Serializable {
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }
}
