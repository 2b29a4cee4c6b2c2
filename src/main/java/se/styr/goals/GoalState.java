package se.styr.goals;

/** A goal's fulfilment on Alingsås' scale (VON): a forecast for the year end. */
public enum GoalState {
    HELT_UPPFYLLT, I_HOG_GRAD_UPPFYLLT, DELVIS_UPPFYLLT, EJ_UPPFYLLT, EJ_UTVARDERAD
}
