package se.styr.quality.ikplan;

/** The two documents a committee decides with its budget: the risk analysis and the internal-control plan. */
public enum DocumentKind {
    RISKANALYS, IK_PLAN
}
