package se.styr.goals;

/** The latest outcome against the one before it; whether that is good depends on the direction. */
public enum Trend {
    INGET_VARDE, OKAD, OFORANDRAD, MINSKAD
}
