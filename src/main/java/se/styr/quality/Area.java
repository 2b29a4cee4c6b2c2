package se.styr.quality;

/** What a risk threatens: the goals, compliance with laws and decisions, or the financial reporting. */
public enum Area {
    MAL, LAGAR_OCH_BESLUT, FINANSIELL_RAPPORTERING
}
