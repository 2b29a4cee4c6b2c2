package se.styr.platform;

/** Someone else saved the same object after it was read: the edit is refused, never lost silently. */
public class ConflictException extends RuntimeException {

    private final String objectType;
    private final long objectId;

    public ConflictException(String objectType, long objectId) {
        super(objectType + " " + objectId + " was changed by someone else");
        this.objectType = objectType;
        this.objectId = objectId;
    }

    public String objectType() {
        return objectType;
    }

    public long objectId() {
        return objectId;
    }
}
