package se.styr.quality.ikplan;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import se.styr.followup.ControlDeferrals;

/**
 * Tells the follow-up which internal-control points of the plan are moved away from a year or into it, so that the
 * year's rounds leave them out or take them in; the plan publishes {@link ControlDeferrals.Changed} when a deferral
 * changes. One statement per round opened or per deferral changed.
 */
@Component
class RoundDeferrals implements ControlDeferrals {

    private final PlanRepository repository;

    RoundDeferrals(PlanRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Moved> concerning(long municipalityId, Collection<Long> ownerUnitIds, int year) {
        return repository.concerning(municipalityId, ownerUnitIds, year).stream()
                .map(d -> new Moved(d.pointId(), d.year(), d.deferredTo())).toList();
    }
}
