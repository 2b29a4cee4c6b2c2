package se.styr.followup;

/** Where a unit's task stands: reported, marked done (klarmarkerad), approved (godkänd) or sent back. */
public enum TaskState {
    EJ_PABORJAD, PAGAR, KLARMARKERAD, GODKAND, ATERSAND;

    /** The reporter may still change the task's reports. */
    public boolean isOpen() {
        return this == EJ_PABORJAD || this == PAGAR || this == ATERSAND;
    }

    public boolean isDone() {
        return this == KLARMARKERAD || this == GODKAND;
    }
}
