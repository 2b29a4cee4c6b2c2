package se.styr.followup;

/** The follow-up of an internal-control point. */
public enum ControlAssessment {
    /** Kontrollen är genomförd utan anmärkning/med försumbar anmärkning. */
    UTAN_ANMARKNING,
    /** Kontrollen är genomförd med anmärkning. */
    MED_ANMARKNING
}
