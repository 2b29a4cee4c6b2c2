package se.styr.accounts;

import java.util.List;

public record CurrentUser(long id, long municipalityId, String username, String displayName, List<RoleScope> roles) {

    /** A role, for the whole municipality (unitId null) or for one unit and the units below it. */
    public record RoleScope(Role role, Long unitId) {
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }
}
