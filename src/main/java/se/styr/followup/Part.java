package se.styr.followup;

import se.styr.goals.Kind;

/** The parts of a round that each give a unit its own task, as in "Måluppföljning, delårsbokslut: Hemtjänst Norr". */
public enum Part {
    /** Committee goals and work-environment goals. */
    MAL,
    /** Critical business factors (kritiska verksamhetsfaktorer). */
    KVF,
    /** Internal-control points. */
    IK,
    /** Special assignments. */
    UPPDRAG,
    /**
     * Actions of other modules (immediate actions, measures of an action plan), shared down through
     * {@link RoundContributions}; no object of the goal chain belongs to this part.
     */
    ATGARD;

    static Part of(Kind kind) {
        return switch (kind) {
            case NAMNDMAL, ARBETSMILJOMAL -> MAL;
            case KRITISK_FAKTOR -> KVF;
            case INTERNKONTROLLPUNKT -> IK;
            case UPPDRAG -> UPPDRAG;
            default -> null;
        };
    }
}
