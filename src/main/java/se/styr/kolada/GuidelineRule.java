package se.styr.kolada;

import java.math.BigDecimal;
import java.math.RoundingMode;
import se.styr.goals.Direction;
import se.styr.goals.Signal;

/**
 * The assessment rules of VON's guidelines ("Anvisningar bedömning", seed 004), selectable per key figure beside
 * Styr's own rule (docs/assessment.md), which stays the default. See docs/kolada.md for the examples.
 */
public enum GuidelineRule {

    /** Styr's rule: the target as a number, the near band a share of the distance from the baseline. */
    STYR,
    /** Above Riket's average: Utan anmärkning; equal (same whole number): Nära målvärde; below: Med anmärkning. */
    RIKET,
    /** The same against the mean of the municipality's chosen comparison group. */
    GRUPP,
    /** Share of the target: up to 100 % Utan anmärkning, 100–110 % Nära målvärde, over 110 % Med anmärkning. */
    ANDEL_AV_MAL,
    /** Counts judged by the unit's size: 0–2 / 3 / more (small units under 10 mnkr in staff budget: 0–1 / 2 / more). */
    ANTAL;

    /** Whether the rule compares with Kolada's values (Riket, the group): it needs the figure linked to a KPI. */
    boolean needsKolada() {
        return this == RIKET || this == GRUPP;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal NEAR_LIMIT = BigDecimal.valueOf(110);
    private static final BigDecimal EQUAL = new BigDecimal("0.5");

    /** The outcome against a reference: Riket's or the group's average (RIKET, GRUPP). */
    static Signal againstAverage(Direction direction, BigDecimal outcome, BigDecimal average) {
        if (outcome == null || average == null) {
            return Signal.INGET_VARDE;
        }
        BigDecimal diff = outcome.subtract(average);
        if (diff.abs().compareTo(EQUAL) < 0) {
            return Signal.NARA_MALVARDE;
        }
        boolean better = direction == Direction.DECREASE ? diff.signum() < 0 : diff.signum() > 0;
        return better ? Signal.UTAN_ANMARKNING : Signal.MED_ANMARKNING;
    }

    /**
     * The outcome as a share of the target. The guidelines give the bands for figures that should stay low (sick
     * leave); for a figure that should increase the share is taken the other way round (target of outcome).
     */
    static Signal shareOfTarget(Direction direction, BigDecimal outcome, BigDecimal target) {
        BigDecimal share = share(direction, outcome, target);
        if (share == null) {
            return Signal.INGET_VARDE;
        }
        if (share.compareTo(HUNDRED) <= 0) {
            return Signal.UTAN_ANMARKNING;
        }
        return share.compareTo(NEAR_LIMIT) <= 0 ? Signal.NARA_MALVARDE : Signal.MED_ANMARKNING;
    }

    static BigDecimal share(Direction direction, BigDecimal outcome, BigDecimal target) {
        if (outcome == null || target == null) {
            return null;
        }
        BigDecimal numerator = direction == Direction.INCREASE ? target : outcome;
        BigDecimal denominator = direction == Direction.INCREASE ? outcome : target;
        if (denominator.signum() == 0) {
            return numerator.signum() == 0 ? HUNDRED : null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /** A count of people (more than six sick-leave spells in twelve months) judged by the unit's size. */
    static Signal count(BigDecimal count, boolean smallUnit) {
        if (count == null) {
            return Signal.INGET_VARDE;
        }
        int green = smallUnit ? 1 : 2;
        if (count.compareTo(BigDecimal.valueOf(green)) <= 0) {
            return Signal.UTAN_ANMARKNING;
        }
        return count.compareTo(BigDecimal.valueOf(green + 1)) <= 0 ? Signal.NARA_MALVARDE : Signal.MED_ANMARKNING;
    }
}
