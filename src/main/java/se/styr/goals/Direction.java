package se.styr.goals;

/** The desired direction of a key figure: "ska öka" or "ska minska". */
public enum Direction {
    INCREASE, DECREASE
}
