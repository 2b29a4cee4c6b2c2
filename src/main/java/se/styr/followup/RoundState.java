package se.styr.followup;

/** A round is open for reporting until the committee has decided its report; then it is frozen. */
public enum RoundState {
    OPPEN, BESLUTAD
}
