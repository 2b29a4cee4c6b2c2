package se.styr.goals;

import java.util.List;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.PlanPeriod;

/** What the pages and the API show of the goal chain: objects with their computed assessment. */
public final class GoalViews {

    private GoalViews() {
    }

    /**
     * An object in the tree with its headline signal, trend and goal state. {@code childCount} is how many objects
     * are under it in the view; {@code children} holds them when the node is open, and is empty when it is closed.
     */
    public record Node(GoalObject object, OrgUnit owner, List<Node> children, Assessment.Evaluation headline,
                       Trend trend, GoalState derivedState, int childCount) {

        /** The judgement when one is written, otherwise the derived state. */
        public GoalState state() {
            return object.judgement() != null ? object.judgement() : derivedState;
        }

        public boolean stateIsJudged() {
            return object.judgement() != null;
        }

        public boolean open() {
            return !children.isEmpty();
        }
    }

    public record YearRow(MeasureValue value, Assessment.Evaluation evaluation) {
    }

    public record Details(Node node, List<GoalObject> ancestors, PlanPeriod period, OrgUnit givenBy,
                          GoalObject linkedIndicator, List<GoalObject> linkedCommitteeGoals, List<YearRow> years,
                          java.math.BigDecimal tolerance, java.math.BigDecimal baseline, List<Earlier> history) {

        public GoalObject object() {
            return node.object();
        }

        /** The predecessors' years and the object's own, oldest first: the indicator's series across periods. */
        public List<MeasureValue> series() {
            List<MeasureValue> all = new java.util.ArrayList<>(history.stream().map(Earlier::value).toList());
            years.forEach(y -> all.add(y.value()));
            return all;
        }
    }

    /**
     * A year of the object's history from a predecessor in an earlier plan period (the years before its successor's
     * period begins, so each year comes from the newest object that holds it).
     */
    public record Earlier(MeasureValue value, long objectId, String periodName) {
    }

    /** One object found by the search, with the titles above it. */
    public record Hit(GoalObject object, OrgUnit owner, List<String> path) {
    }
}
