package se.styr.economy.followup;

/** A committee's economic report is a draft its controller edits until it is submitted; it can be reopened. */
public enum EconomicFollowupState {
    UTKAST, INLAMNAD
}
