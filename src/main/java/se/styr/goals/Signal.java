package se.styr.goals;

/** Signal colour of a key figure against its target. */
public enum Signal {
    /** Grey: no target or no outcome. */
    INGET_VARDE,
    /** Red. */
    MED_ANMARKNING,
    /** Yellow. */
    NARA_MALVARDE,
    /** Green. */
    UTAN_ANMARKNING
}
