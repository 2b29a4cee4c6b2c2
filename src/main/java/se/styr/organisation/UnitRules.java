package se.styr.organisation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which type of unit may sit under which. KF is the root and the only unit without a parent; KS, committees and party
 * groups sit under KF (committees and companies may also sit under KS, as in Alingsås); committees of a body
 * (utskott) under KF, KS or a committee; administrations under a body; departments and units inside an
 * administration (or a company's own organisation).
 */
public final class UnitRules {

    private static final Map<OrgUnitType, Set<OrgUnitType>> PARENTS = Map.of(
            OrgUnitType.KOMMUNFULLMAKTIGE, EnumSet.noneOf(OrgUnitType.class),
            OrgUnitType.KOMMUNSTYRELSE, EnumSet.of(OrgUnitType.KOMMUNFULLMAKTIGE),
            OrgUnitType.NAMND, EnumSet.of(OrgUnitType.KOMMUNFULLMAKTIGE, OrgUnitType.KOMMUNSTYRELSE),
            OrgUnitType.BOLAG, EnumSet.of(OrgUnitType.KOMMUNFULLMAKTIGE, OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.BOLAG),
            OrgUnitType.PARTIGRUPP, EnumSet.of(OrgUnitType.KOMMUNFULLMAKTIGE),
            OrgUnitType.UTSKOTT, EnumSet.of(OrgUnitType.KOMMUNFULLMAKTIGE, OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.NAMND),
            OrgUnitType.FORVALTNING, EnumSet.of(OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.NAMND, OrgUnitType.BOLAG),
            OrgUnitType.AVDELNING, EnumSet.of(OrgUnitType.FORVALTNING, OrgUnitType.AVDELNING, OrgUnitType.BOLAG),
            OrgUnitType.ENHET, EnumSet.of(OrgUnitType.FORVALTNING, OrgUnitType.AVDELNING, OrgUnitType.ENHET, OrgUnitType.BOLAG));

    private UnitRules() {
    }

    /** Whether a unit of this type may sit directly under a unit of that type. */
    public static boolean mayBeUnder(OrgUnitType child, OrgUnitType parent) {
        return PARENTS.get(child).contains(parent);
    }

    /** The types a unit under a unit of this type may have, in the enum's order (for a form's choices). */
    public static Set<OrgUnitType> allowedUnder(OrgUnitType parent) {
        Set<OrgUnitType> allowed = EnumSet.noneOf(OrgUnitType.class);
        PARENTS.forEach((child, parents) -> {
            if (parents.contains(parent)) {
                allowed.add(child);
            }
        });
        return allowed;
    }

    /** The types a unit may be given by an administrator: every type but the root's (there is one KF). */
    public static Set<OrgUnitType> assignable() {
        return EnumSet.complementOf(EnumSet.of(OrgUnitType.KOMMUNFULLMAKTIGE));
    }
}
