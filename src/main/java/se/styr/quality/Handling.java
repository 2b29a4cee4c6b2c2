package se.styr.quality;

import se.styr.goals.Kind;

/** How a risk is handled: nothing, an object of the goal chain, or an immediate action of this module. */
public enum Handling {
    INGEN(null),
    MAL(Kind.NAMNDMAL),
    INTERNKONTROLLPUNKT(Kind.INTERNKONTROLLPUNKT),
    KRITISK_FAKTOR(Kind.KRITISK_FAKTOR),
    UPPDRAG(Kind.UPPDRAG),
    OMEDELBAR_ATGARD(null);

    private final Kind kind;

    Handling(Kind kind) {
        this.kind = kind;
    }

    /** The kind of goal-chain object that carries this handling, or null. */
    public Kind kind() {
        return kind;
    }

    /** A goal may also be a work-environment goal; the other handlings take exactly their kind. */
    public boolean accepts(Kind k) {
        return k == kind || (this == MAL && k == Kind.ARBETSMILJOMAL);
    }

    /** Whether the register can create the handling object itself (a committee goal needs its priority goal first). */
    public boolean creatable() {
        return this == INTERNKONTROLLPUNKT || this == KRITISK_FAKTOR || this == UPPDRAG || this == OMEDELBAR_ATGARD;
    }
}
