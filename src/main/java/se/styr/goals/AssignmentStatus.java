package se.styr.goals;

/** Status of a special assignment (särskilt uppdrag) as units report it. */
public enum AssignmentStatus {
    EJ_PABORJAD, PABORJAD, VANTAR, FARDIG, STOPPAD, FORSENAD
}
