package se.styr.economy.followup;

/** The occasions of the year on which a committee reports its economy (DOMAIN §5): each a full-year forecast. */
public enum EconomicFollowupType {
    MANADSUPPFOLJNING, FORDJUPAD_MANADSUPPFOLJNING, DELARSBOKSLUT, ARSBOKSLUT
}
