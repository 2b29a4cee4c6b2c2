package se.styr.organisation;

/**
 * Who may change the organisation, as the accounts module decides it from the acting person's roles (implemented
 * there, so this module needs no account). A change to a unit needs the right over the unit it hangs under: a
 * controller scoped to a committee changes the units below the committee, not the committee itself.
 */
public interface OrganisationRights {

    /** The municipality of the person acting. */
    long municipalityId();

    /**
     * Refuses with an {@link org.springframework.security.access.AccessDeniedException} (Swedish reason) unless the
     * acting person may change the structure at and below this unit; null: the whole municipality.
     */
    void requireStructure(Long unitId);

    /** Whether the acting person may change the structure at and below this unit (null: the whole municipality). */
    boolean mayChangeStructure(Long unitId);

    /** Refuses unless the acting person is an administrator. */
    void requireAdministrator();

    boolean isAdministrator();

    /** The acting person's name as the history shows it ("Anna Ek", or "Anna Ek för Per Ny" as a substitute). */
    String actorName();
}
