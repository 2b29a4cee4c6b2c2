package se.styr.followup;

import java.util.List;

/** How many of a round's tasks are not yet approved, of all its tasks: read in one query. */
record Unapproved(int count, int total) {

    static Unapproved of(RoundQueries queries, Round round) {
        List<RoundQueries.TaskCount> counts = queries.taskCounts(List.of(round.id()));
        int total = counts.stream().mapToInt(RoundQueries.TaskCount::count).sum();
        int approved = counts.stream().filter(c -> c.state() == TaskState.GODKAND).mapToInt(RoundQueries.TaskCount::count).sum();
        return new Unapproved(total - approved, total);
    }
}
