package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is typed into a resource allocation model (resursfördelningsmodell): the share of the price index and of the
 * volume compensation that is given, the price index per year, the population forecast by age group, and per
 * committee its base frame, buffer, standard costs and targeted allocations. Amounts are whole kronor, percentages
 * in percent (50 means 50 %). {@link AllocationCalculator#check} says what is valid.
 *
 * @param pkvShare    the share of PKV that is given, percent (Alingsås: 50)
 * @param volumeShare the share of the volume compensation that is given, percent (normally 100)
 * @param pkv         prisindex för kommunal verksamhet, percent per year of the period
 */
public record AllocationModel(BigDecimal pkvShare, BigDecimal volumeShare, Map<Integer, BigDecimal> pkv,
                              List<AgeGroup> ageGroups, List<Committee> committees, List<Targeted> targeted) {

    public AllocationModel {
        pkv = pkv == null ? Map.of() : pkv;
        ageGroups = present(ageGroups);
        committees = present(committees);
        targeted = present(targeted);
    }

    /** An age group of the population forecast: persons per year, from the year before the period on. */
    public record AgeGroup(String label, Map<Integer, Long> persons) {

        public AgeGroup {
            persons = persons == null ? Map.of() : persons;
        }
    }

    /**
     * A committee's part of the model.
     *
     * @param baseFrame     its frame in the year before the period, without temporary money (null: not in the model)
     * @param bufferPercent the part of its frame held as a buffer (varav buffert), at least 1 %
     * @param standardCosts kr per inhabitant for each age group, in the groups' order (null or missing: none)
     */
    public record Committee(long orgUnitId, Long baseFrame, BigDecimal bufferPercent, List<Long> standardCosts) {

        public Committee {
            standardCosts = standardCosts == null ? List.of() : standardCosts;
        }

        public boolean inModel() {
            return baseFrame != null;
        }

        /** The standard cost for the age group at this position, 0 where none is typed. */
        public long cost(int group) {
            Long cost = group < standardCosts.size() ? standardCosts.get(group) : null;
            return cost == null ? 0 : cost;
        }
    }

    /**
     * A targeted allocation (riktad tilldelning) to a committee: permanent (permanent ramutökning) from its year on,
     * carried in the frame of the years after; or temporary (tillfällig) for its year only. A negative amount is a
     * reduction.
     */
    public record Targeted(long orgUnitId, int year, long amount, boolean permanent, String motivation) {
    }

    /** The list without null entries (what a JSON body may hold), never null. */
    private static <T> List<T> present(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
