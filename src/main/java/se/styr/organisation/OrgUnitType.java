package se.styr.organisation;

/** The levels of a municipal organisation; reporting flows upwards from ENHET to KOMMUNFULLMAKTIGE. */
public enum OrgUnitType {
    KOMMUNFULLMAKTIGE,
    KOMMUNSTYRELSE,
    UTSKOTT,
    NAMND,
    BOLAG,
    FORVALTNING,
    AVDELNING,
    ENHET,
    /** A party's group in the council (partigrupp), which writes its own budget proposals. */
    PARTIGRUPP;

    /** A political body, as opposed to a part of an administration. */
    public boolean isBody() {
        return this == KOMMUNFULLMAKTIGE || this == KOMMUNSTYRELSE || this == NAMND || this == BOLAG;
    }
}
