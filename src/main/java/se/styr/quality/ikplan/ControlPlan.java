package se.styr.quality.ikplan;

import java.util.List;
import java.util.Map;
import se.styr.followup.ControlResults;
import se.styr.followup.RoundType;
import se.styr.goals.GoalObject;
import se.styr.organisation.OrgUnit;
import se.styr.quality.Risk;

/**
 * A body's internal-control plan for a year: its points in the plan's order, each with the risks it handles and its
 * follow-up; the points deferred from this year to a later one, and those deferred to this year from an earlier one.
 */
public record ControlPlan(OrgUnit body, int year, List<Point> points) {

    /** One point: its number in the plan, the point itself, the risks it handles, a deferral and the year's follow-up. */
    public record Point(int number, GoalObject point, List<Risk> risks, Deferral deferredAway, Deferral deferredHere,
                        Map<RoundType, ControlResults.Result> results) {

        /** The highest value of the risks it handles, else the value the point carries itself. */
        public Integer value() {
            return risks.isEmpty() ? point.riskValue() : Integer.valueOf(risks.stream().mapToInt(Risk::value).max().orElse(0));
        }

        public boolean deferred() {
            return deferredAway != null;
        }

        public ControlResults.Result result(RoundType type) {
            return results.get(type);
        }
    }

    /** The points followed up this year (not deferred away). */
    public List<Point> active() {
        return points.stream().filter(p -> !p.deferred()).toList();
    }

    public List<Point> deferred() {
        return points.stream().filter(Point::deferred).toList();
    }
}
