package se.styr.platform;

import java.time.LocalDate;

/**
 * What a module tells the committee's case handling about an object to be decided, and what the approved minutes tell
 * the owning module back. Both are in {@code platform} so that neither side depends on the other: the owner (the
 * follow-up today; budgets, risk analyses and plans in the same way) publishes {@link ReadyForDecision}, the meetings
 * module makes a case of it, and on justering publishes {@link Decided} with the paragraph as reference. Published
 * inside the transaction of the change, so a listener's write commits or rolls back with it.
 */
public final class Decisions {

    private Decisions() {
    }

    /** The object (e.g. {@code followup_round} 7) is ready for the body's decision and becomes a case. */
    public record ReadyForDecision(long municipalityId, long bodyUnitId, String sourceType, long sourceId, String title,
                                   int year, String officer) {
    }

    /** The paragraph that decides the object is approved: {@code reference} is e.g. "VON § 80, 2022-09-27". */
    public record Decided(long municipalityId, String sourceType, long sourceId, String reference, LocalDate decidedOn) {
    }
}
