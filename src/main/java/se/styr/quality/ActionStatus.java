package se.styr.quality;

/** How far an action has come. */
public enum ActionStatus {
    EJ_PABORJAD, PABORJAD, GENOMFORD, STOPPAD
}
