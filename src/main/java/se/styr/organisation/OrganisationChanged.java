package se.styr.organisation;

import java.util.Map;

/**
 * Published inside the transaction of every change to the organisation (a unit, a plan period, the municipality's
 * settings): the audit log records it old → new, and a module that keeps unit names or periods can react to it.
 *
 * @param objectType {@code org_unit}, {@code plan_period} or {@code municipality}
 * @param before     the changed fields as they were (null when created)
 * @param after      the changed fields as they are now
 */
public record OrganisationChanged(long municipalityId, String objectType, long objectId, Kind kind, String summary,
                                  Map<String, Object> before, Map<String, Object> after) {

    public enum Kind { SKAPAD, ANDRAD, FLYTTAD, AVVECKLAD, ATERAKTIVERAD }
}
