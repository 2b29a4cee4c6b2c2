package se.styr.goals;

import java.util.Set;

/**
 * Published in the transaction that carries objects of the goal chain from a plan period into the next (the next-year
 * flow), so other modules can carry what belongs with them, such as a body's risk register.
 *
 * @param ownerUnitIds the units whose objects were chosen for the carry (bodies among them)
 * @param fromYear     the first year of the period carried from
 * @param toYear       the first year of the period carried into
 */
public record ChainCarried(long municipalityId, Set<Long> ownerUnitIds, int fromYear, int toYear) {
}
