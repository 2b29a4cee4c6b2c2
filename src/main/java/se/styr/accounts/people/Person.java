package se.styr.accounts.people;

import java.util.List;
import se.styr.accounts.Role;

/** A person's account as the administration pages and the API show it: never the password hash. */
public record Person(long id, String username, String displayName, String email, boolean active,
                     boolean mustChangePassword, int version, List<Grant> roles) {

    /** A role with its scope: the whole municipality (unitId null) or a unit and its subtree. */
    public record Grant(long id, Role role, Long unitId, String unitName, boolean fromOidc) {
    }

    Person withRoles(List<Grant> grants) {
        return new Person(id, username, displayName, email, active, mustChangePassword, version, grants);
    }
}
