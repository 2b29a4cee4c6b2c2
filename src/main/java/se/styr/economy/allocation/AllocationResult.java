package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The frames a resource allocation model gives, explained line by line per committee and year, with the municipality's
 * totals. Whole kronor.
 *
 * @param committees the committees in the model (those with a base frame), in the model's order
 * @param total      the sums over the committees per year
 */
public record AllocationResult(List<Integer> years, BigDecimal pkvShare, BigDecimal volumeShare,
                               List<CommitteeResult> committees, List<Year> total) {

    /**
     * @param allocations    the committee's targeted allocations, each shown in its year
     * @param hasBudgetLine  whether the budget's operating budget has a line for the committee
     */
    public record CommitteeResult(long orgUnitId, String name, BigDecimal bufferPercent,
                                  List<AllocationModel.Targeted> allocations, boolean hasBudgetLine, List<Year> years) {

        public Year year(int year) {
            return years.stream().filter(y -> y.year() == year).findFirst().orElseThrow();
        }

        /** The targeted allocation's amount in the year, null in the other years. */
        public Long allocationIn(AllocationModel.Targeted allocation, int year) {
            return allocation.year() == year ? allocation.amount() : null;
        }
    }

    /**
     * One year of a committee (or of the total): {@code frame = startingFrame + index + volume + permanent + temporary},
     * where {@code startingFrame = previousFrame - lessTemporary}.
     *
     * @param previousFrame  last year's frame (the base frame in the first year)
     * @param lessTemporary  last year's temporary allocations, which are not carried
     * @param startingFrame  what is indexed: last year's frame without its temporary money
     * @param pkvPercent     the year's price index, percent
     * @param index          price and wage uplift: startingFrame × PKV × the PKV share
     * @param volume         volume compensation: Σ age groups (persons − last year's) × standard cost × the volume share
     * @param permanent      permanent targeted allocations starting this year
     * @param temporary      temporary targeted allocations of this year
     * @param frame          the new frame (kommunbidrag)
     * @param buffer         of which buffer (varav buffert): frame × the committee's buffer percent
     * @param change         frame − previousFrame
     * @param changePercent  change in percent of previousFrame, two decimals
     * @param budgetFrame    the frame in the budget's operating budget (null where there is none)
     * @param difference     budgetFrame − frame: what the model's components do not explain (null without a budget frame)
     */
    public record Year(int year, long previousFrame, long lessTemporary, long startingFrame, BigDecimal pkvPercent,
                       long index, long volume, long permanent, long temporary, long frame, long buffer, long change,
                       BigDecimal changePercent, Long budgetFrame, Long difference) {
    }

    public Year total(int year) {
        return total.stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    public CommitteeResult committee(long orgUnitId) {
        return committees.stream().filter(c -> c.orgUnitId() == orgUnitId).findFirst().orElseThrow();
    }

    /** Whether any committee had temporary money the year before, so the "less temporary" line says something. */
    public boolean hasTemporary() {
        return total.stream().anyMatch(y -> y.lessTemporary() != 0 || y.temporary() != 0);
    }

    /** Whether the model and the budget's operating budget differ anywhere. */
    public boolean hasDifferences() {
        return committees.stream().flatMap(c -> c.years().stream()).anyMatch(y -> y.difference() != null && y.difference() != 0);
    }

    public List<CommitteeResult> withoutBudgetLine() {
        return committees.stream().filter(c -> !c.hasBudgetLine()).toList();
    }
}
