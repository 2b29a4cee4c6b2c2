package se.styr.proposals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.styr.economy.budget.Budget;

/**
 * The majority's budget and a set of proposals on it, side by side.
 *
 * @param typedFirst whether the first proposal is the one being edited, as typed and not saved
 */
record ProposalComparison(Budget base, ProposalCalculator.Result baseResult, List<ProposalService.View> proposals, boolean typedFirst) {

    /**
     * Every check side by side: a row per check and year, a cell for the base and each proposal (null where that
     * one has no such check, as the base has no party result target), grouped by check with the years in order.
     */
    public List<CheckRow> checkRows() {
        List<ProposalCalculator.Result> columns = new ArrayList<>();
        columns.add(baseResult);
        proposals.forEach(v -> columns.add(v.result()));
        Map<String, CheckRow> rows = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (ProposalCalculator.Check check : columns.get(i).checks()) {
                String key = check.kind() + "|" + check.goal() + "|" + check.year();
                CheckRow row = rows.computeIfAbsent(key, k -> new CheckRow(check.kind(), check.goal(), check.year(),
                        new ArrayList<>(java.util.Collections.nCopies(columns.size(), null))));
                row.cells().set(i, check);
            }
        }
        List<String> groups = rows.values().stream().map(r -> r.kind() + "|" + r.goal()).distinct().toList();
        return rows.values().stream()
                .sorted(java.util.Comparator.comparingInt((CheckRow r) -> r.kind().ordinal())
                        .thenComparingInt(r -> groups.indexOf(r.kind() + "|" + r.goal())).thenComparingInt(CheckRow::year))
                .toList();
    }

    /** One check in one year for the base and each compared proposal. */
    record CheckRow(ProposalCalculator.CheckKind kind, String goal, int year, List<ProposalCalculator.Check> cells) {
    }
}
