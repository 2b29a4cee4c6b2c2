package se.styr.followup;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Extension point: internal-control points whose follow-up of a year is moved to a later year (the quality module's
 * internal-control plan keeps them). The follow-up does not know the owner's types: a round leaves out the points moved
 * away from its year and takes in those moved into it, when it is opened and, through {@link Changed}, whenever a
 * deferral is made, changed or taken back while the round is not decided.
 */
public interface ControlDeferrals {

    /** The point's follow-up of {@code year} is done in {@code deferredTo} instead. */
    record Moved(long pointId, int year, int deferredTo) {
    }

    /** The deferrals of points owned by these units that move a follow-up away from the year or into it. */
    List<Moved> concerning(long municipalityId, Collection<Long> ownerUnitIds, int year);

    /**
     * Published by the owner of the deferrals when the point's deferral of a year is made, changed or taken back;
     * {@code years} are every year whose rounds may have to take the point in or leave it out (the year, and the years
     * it was moved to before and after). The rounds that are not decided follow, in the same transaction.
     */
    record Changed(long municipalityId, long pointId, Set<Integer> years) {
    }
}
