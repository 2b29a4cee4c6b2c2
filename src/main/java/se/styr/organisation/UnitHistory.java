package se.styr.organisation;

import java.time.OffsetDateTime;

/**
 * One change in a unit's life as its page shows it: what it was called and where it sat before ({@code earlier…},
 * null when that did not change) and after, when and by whom.
 *
 * @param change SKAPAD, ANDRAD, FLYTTAD, AVVECKLAD or ATERAKTIVERAD
 */
public record UnitHistory(OffsetDateTime at, String actorName, String change, String earlierName, String earlierCode,
                          String earlierParentName, String name, String code, String parentName) {
}
