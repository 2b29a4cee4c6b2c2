package se.styr.goals.nextyear;

import se.styr.goals.Kind;

/** An object of the old period as the preview shows it, with whether it (and its parent) was carried. */
public record OldObject(long id, Kind kind, Long parentId, long ownerUnitId, String title, int position, String status,
                        boolean ownerActive, boolean carried, boolean parentCarried, String parentTitle) {

    public boolean finished() {
        return kind == Kind.UPPDRAG && "FARDIG".equals(status);
    }

    /** May be carried at all (whether it was already is another matter). */
    public boolean carriable() {
        return ownerActive && !finished();
    }
}
