package se.styr.platform;

/** Someone else saved the same object after it was read: the edit is refused, never lost silently. */
public class ConflictException extends RuntimeException {

    private final String objectType;
    private final long objectId;
    private final String messageKey;

    public ConflictException(String objectType, long objectId) {
        super(objectType + " " + objectId + " was changed by someone else");
        this.objectType = objectType;
        this.objectId = objectId;
        this.messageKey = null;
    }

    /** A conflict with its own Swedish reason, e.g. approved minutes that can no longer change. */
    public ConflictException(String objectType, long objectId, String messageKey) {
        super(objectType + " " + objectId + ": " + messageKey);
        this.objectType = objectType;
        this.objectId = objectId;
        this.messageKey = messageKey;
    }

    /** The message key of the Swedish reason; null for the usual "someone else changed it". */
    public String messageKey() {
        return messageKey;
    }

    public String objectType() {
        return objectType;
    }

    public long objectId() {
        return objectId;
    }
}
