package se.styr.goals;

import java.util.Set;
import se.styr.organisation.OrgUnitType;

/** The objects of the goal chain (styrkedja), with the parents each may have and the bodies that may own it. */
public enum Kind {
    FOKUSOMRADE(false, Set.of(), Set.of(OrgUnitType.KOMMUNFULLMAKTIGE)),
    PRIORITERAT_MAL(false, Set.of("FOKUSOMRADE"), Set.of(OrgUnitType.KOMMUNFULLMAKTIGE)),
    INDIKATOR(true, Set.of("PRIORITERAT_MAL"), Set.of(OrgUnitType.KOMMUNFULLMAKTIGE)),
    NAMNDMAL(false, Set.of("PRIORITERAT_MAL"), Set.of(OrgUnitType.NAMND, OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.BOLAG)),
    ARBETSMILJOMAL(false, Set.of(), Set.of(OrgUnitType.NAMND, OrgUnitType.KOMMUNSTYRELSE)),
    NYCKELTAL(true, Set.of("NAMNDMAL", "ARBETSMILJOMAL", "KRITISK_FAKTOR"),
            Set.of(OrgUnitType.NAMND, OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.BOLAG, OrgUnitType.FORVALTNING)),
    UPPDRAG(false, Set.of("", "PRIORITERAT_MAL", "NAMNDMAL"),
            Set.of(OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.NAMND, OrgUnitType.BOLAG, OrgUnitType.FORVALTNING,
                    OrgUnitType.AVDELNING, OrgUnitType.ENHET)),
    /** Critical business factor (kritisk verksamhetsfaktor): decided by the administration, followed up by key figures. */
    KRITISK_FAKTOR(false, Set.of(),
            Set.of(OrgUnitType.NAMND, OrgUnitType.FORVALTNING, OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.BOLAG)),
    /** A point of the internal-control plan (internkontrollplan): a risk, what is checked, how, by whom and when. */
    INTERNKONTROLLPUNKT(false, Set.of(), Set.of(OrgUnitType.NAMND, OrgUnitType.KOMMUNSTYRELSE, OrgUnitType.BOLAG));

    private final boolean measure;
    private final Set<String> parents;
    private final Set<OrgUnitType> owners;

    Kind(boolean measure, Set<String> parents, Set<OrgUnitType> owners) {
        this.measure = measure;
        this.parents = parents;
        this.owners = owners;
    }

    /** Indicators and key figures carry outcomes and targets per year. */
    public boolean isMeasure() {
        return measure;
    }

    /** Goals get a summary state derived from their key figures. */
    public boolean isGoal() {
        return this == PRIORITERAT_MAL || this == NAMNDMAL || this == ARBETSMILJOMAL;
    }

    public boolean allowsNoParent() {
        return parents.isEmpty() || parents.contains("");
    }

    public boolean allowsParent(Kind parent) {
        return parent == null ? allowsNoParent() : parents.contains(parent.name());
    }

    public boolean allowsOwner(OrgUnitType type) {
        return owners.contains(type);
    }

    /** Kinds that may be created under an object of this kind. */
    public java.util.List<Kind> childKinds() {
        return java.util.Arrays.stream(values()).filter(k -> k.parents.contains(name())).toList();
    }
}
