package se.styr.goals;

/** The perspective of a critical business factor (kritisk verksamhetsfaktor). */
public enum Perspective {
    EKONOMI, MALGRUPP, VERKSAMHET, MEDARBETARE
}
