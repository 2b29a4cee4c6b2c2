package se.styr.followup;

import se.styr.goals.FollowUpOccasion;

/** The kinds of follow-up round in the year (årshjul), each a report the committee decides. */
public enum RoundType {
    MANADSUPPFOLJNING, FORDJUPAD_MANADSUPPFOLJNING, DELARSBOKSLUT, ARSBOKSLUT;

    /** Whether an internal-control point planned for this occasion is followed up in a round of this type. */
    boolean followsUp(FollowUpOccasion occasion) {
        return occasion != null && switch (this) {
            case DELARSBOKSLUT -> occasion.includesInterim();
            case ARSBOKSLUT -> occasion.includesAnnual();
            default -> false;
        };
    }

    /** Goals, critical factors and assignments are reported in the interim and annual reports. */
    boolean reportsGoals() {
        return this == DELARSBOKSLUT || this == ARSBOKSLUT;
    }
}
