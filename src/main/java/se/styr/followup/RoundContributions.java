package se.styr.followup;

import java.util.List;
import java.util.Set;

/**
 * Extension point: what another module follows up in a round beside the goal chain's objects (the quality module's
 * actions). The follow-up does not know the contributor's types: it asks which units have something to report (each gets
 * a task of {@link Part#ATGARD}), lists a task's items with links to where they are reported, and prints the
 * contributor's sections in the committee's report, before the internal control. A contributor that changes what it
 * shares publishes {@link RoundItemsChanged} so that the tasks follow.
 */
public interface RoundContributions {

    /** The units of the round that have something of this contributor shared to them. */
    Set<Long> unitsToReport(long roundId);

    /** What the unit reports in its task, in order. */
    List<Item> items(long roundId, long unitId);

    /** The contributor's sections of the round's report (heading, paragraphs, a table). */
    List<Section> sections(Round round);

    /**
     * One thing a unit reports on.
     *
     * @param kind     what it is, as the task's table prints it ("Omedelbar åtgärd")
     * @param status   what the unit has reported so far, or null
     * @param complete whether the unit has written what the task needs before it can be marked done
     */
    record Item(String title, String kind, String status, String href, boolean complete) {
    }

    /**
     * A section of the report. {@code rows} have as many cells as {@code columns}; {@code totals}, when not empty, is a
     * last row of the same width. A cell is plain text.
     */
    record Section(String heading, List<String> paragraphs, String caption, List<String> columns, List<List<String>> rows,
                   List<String> totals) {
    }

    /** Published by a contributor whose sharing in a round changed: the round's tasks are brought in line, in the same transaction. */
    record RoundItemsChanged(long roundId) {
    }
}
