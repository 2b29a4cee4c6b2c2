package se.styr.followup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.goals.Kind;

/**
 * Which key figures still lack a unit's outcome in a round. A unit owes an outcome for each active key figure under
 * each object shared to it; what is missing is counted in SQL (shares per object less outcomes entered), so the
 * rows read do not grow with the municipality.
 */
@Component
class MissingOutcomes {

    private final RoundQueries queries;
    private final GoalQueries goals;

    MissingOutcomes(RoundQueries queries, GoalQueries goals) {
        this.queries = queries;
        this.goals = goals;
    }

    /** Per round, the number of units lacking an outcome per key figure (figures with none missing left out). */
    Map<Long, Map<Long, Integer>> perFigure(Collection<Round> rounds) {
        Map<Long, Map<Long, Integer>> result = new HashMap<>();
        List<Long> roundIds = rounds.stream().map(Round::id).toList();
        List<RoundQueries.ShareCount> shares = queries.shareCounts(roundIds, null);
        Map<Long, List<GoalObject>> figures = goals.activeChildren(shares.stream().map(RoundQueries.ShareCount::objectId).toList(),
                Kind.NYCKELTAL);
        Map<String, Integer> entered = new HashMap<>();
        queries.outcomeCounts(roundIds, figures.values().stream().flatMap(List::stream).map(GoalObject::id).toList(), null)
                .forEach(c -> entered.put(c.roundId() + ":" + c.figureId() + ":" + c.sharedObjectId(), c.count()));
        for (RoundQueries.ShareCount s : shares) {
            for (GoalObject f : figures.getOrDefault(s.objectId(), List.of())) {
                int missing = s.count() - entered.getOrDefault(s.roundId() + ":" + f.id() + ":" + s.objectId(), 0);
                if (missing > 0) {
                    result.computeIfAbsent(s.roundId(), k -> new LinkedHashMap<>()).merge(f.id(), missing, Integer::sum);
                }
            }
        }
        return result;
    }

    int count(Round round) {
        return perFigure(List.of(round)).getOrDefault(round.id(), Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Per round and unit, the key figures the unit still owes an outcome for, in the round's order. */
    Map<Long, Map<Long, List<GoalObject>>> perUnit(long municipalityId, Collection<Long> roundIds, Collection<Long> unitIds) {
        Map<Long, Map<Long, List<GoalObject>>> result = new HashMap<>();
        List<RoundQueries.Share> shares = queries.shares(roundIds, unitIds);
        if (shares.isEmpty()) {
            return result;
        }
        Set<Long> objectIds = new HashSet<>();
        shares.forEach(s -> objectIds.add(s.objectId()));
        List<GoalObject> objects = new ArrayList<>(goals.objects(municipalityId, objectIds));
        objects.sort(Rounds.objectOrder());
        Map<Long, List<GoalObject>> figures = goals.activeChildren(objectIds, Kind.NYCKELTAL);
        Set<String> entered = new HashSet<>();
        queries.outcomesOfUnits(roundIds, unitIds).forEach(o -> entered.add(o.roundId() + ":" + o.objectId() + ":" + o.unitId()));
        for (GoalObject o : objects) {
            for (RoundQueries.Share s : shares) {
                if (s.objectId() != o.id()) {
                    continue;
                }
                for (GoalObject f : figures.getOrDefault(o.id(), List.of())) {
                    if (!entered.contains(s.roundId() + ":" + f.id() + ":" + s.unitId())) {
                        result.computeIfAbsent(s.roundId(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        return result;
    }
}
