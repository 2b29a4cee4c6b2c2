package se.styr.accounts;

import org.springframework.stereotype.Component;
import se.styr.organisation.OrganisationRights;

/** The organisation module's rights, from the acting person's roles: changing the structure is {@link Access.Action#EDIT_STRUCTURE}. */
@Component
class OrganisationRightsByRole implements OrganisationRights {

    private final Access access;

    OrganisationRightsByRole(Access access) {
        this.access = access;
    }

    @Override
    public long municipalityId() {
        return access.municipalityId();
    }

    @Override
    public void requireStructure(Long unitId) {
        access.require(Access.Action.EDIT_STRUCTURE, unitId);
    }

    @Override
    public boolean mayChangeStructure(Long unitId) {
        return access.may(Access.Action.EDIT_STRUCTURE, unitId);
    }

    @Override
    public void requireAdministrator() {
        access.require(Access.Action.ADMINISTER, null);
    }

    @Override
    public boolean isAdministrator() {
        return access.may(Access.Action.ADMINISTER, null);
    }

    @Override
    public String actorName() {
        CurrentUser user = access.findCurrent().orElse(null);
        String acting = se.styr.audit.ActingFor.current();
        return acting != null ? acting : user == null ? "system" : user.displayName();
    }
}
