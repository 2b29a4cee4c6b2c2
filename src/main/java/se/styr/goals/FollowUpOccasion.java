package se.styr.goals;

/** When an internal-control point is followed up: at the interim report (delårsbokslut), the annual report, or both. */
public enum FollowUpOccasion {
    DELARSBOKSLUT, ARSBOKSLUT, DELARS_OCH_ARSBOKSLUT;

    /** Followed up in the interim report (delårsbokslut). */
    public boolean includesInterim() {
        return this == DELARSBOKSLUT || this == DELARS_OCH_ARSBOKSLUT;
    }

    /** Followed up in the annual report (årsbokslut). */
    public boolean includesAnnual() {
        return this == ARSBOKSLUT || this == DELARS_OCH_ARSBOKSLUT;
    }
}
