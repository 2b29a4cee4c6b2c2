package se.styr.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The internal-control points moved away from a round's year or into it, asked of {@link ControlDeferrals} when there is one. */
@Component
class DeferredControls {

    private final ObjectProvider<ControlDeferrals> source;

    DeferredControls(ObjectProvider<ControlDeferrals> source) {
        this.source = source;
    }

    /** The deferrals of the points owned by these units that move a follow-up away from the round's year or into it. */
    List<ControlDeferrals.Moved> concerning(Round round, Collection<Long> ownerUnitIds) {
        ControlDeferrals deferrals = source.getIfAvailable();
        return deferrals == null ? List.of() : deferrals.concerning(round.municipalityId(), ownerUnitIds, round.year());
    }

    /** The points whose follow-up of the round's year is moved away, with the year each is moved to. */
    Map<Long, Integer> movedAway(Round round, Collection<Long> ownerUnitIds) {
        Map<Long, Integer> away = new HashMap<>();
        concerning(round, ownerUnitIds).stream().filter(d -> d.year() == round.year())
                .forEach(d -> away.put(d.pointId(), d.deferredTo()));
        return away;
    }
}
