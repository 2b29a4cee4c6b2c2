package se.styr.economy.allocation;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link AllocationCalculator} needs: the model's parameters, the years to compute (the budget's period),
 * the committees' names, and the frames the budget holds, to show where the model and the budget differ.
 *
 * @param years          the period's years in order; the base year is the one before the first
 * @param committeeNames every committee a model may name (the municipality's), by org unit id
 * @param budgetFrames   the frame per committee and year in the budget's operating budget, where it has a line
 */
public record AllocationInput(List<Integer> years, AllocationModel model, Map<Long, String> committeeNames,
                              Map<Long, Map<Integer, Long>> budgetFrames) {

    public String name(long committee) {
        return committeeNames.getOrDefault(committee, String.valueOf(committee));
    }
}
