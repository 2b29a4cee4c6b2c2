package se.styr.notices;

/** What happened to a task, and so who is told: the unit's reporters, or ({@link #KLARMARKERAD}) its approvers. */
public enum NoticeKind {
    /** The task has opened for the unit. */
    OPPNAD,
    /** The deadline is a few days away and the task is not done. */
    PAMINNELSE,
    /** The deadline has passed and the task is not done. */
    FORSENAD,
    /** The unit marked the task done: the approver is told. */
    KLARMARKERAD,
    /** The approver sent the task back with a comment. */
    ATERSAND,
    /** The approver approved the task. */
    GODKAND;

    boolean toApprover() {
        return this == KLARMARKERAD;
    }
}
