package se.styr.followup;

import java.math.BigDecimal;
import se.styr.goals.Signal;
import se.styr.goals.Trend;

/**
 * A key figure's outcome for one unit in a round, with the target it is measured against and the previous outcome
 * that gives the trend. A controller may override the computed signal or trend, with a reason.
 */
public record Outcome(Long id, long roundId, long objectId, long unitId, BigDecimal outcome, BigDecimal target,
                      BigDecimal previousOutcome, Signal signalOverride, Trend trendOverride, String overrideReason,
                      int version) {

    static Outcome empty(long roundId, long objectId, long unitId) {
        return new Outcome(null, roundId, objectId, unitId, null, null, null, null, null, null, 0);
    }
}
