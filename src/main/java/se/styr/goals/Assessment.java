package se.styr.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The assessment rules of Styr, as docs/assessment.md spells them out.
 *
 * <p><b>Signal.</b> An outcome is compared with a target. Missing either gives {@link Signal#INGET_VARDE}.
 * The target is reached when the outcome is at least the target for a key figure that should increase, at most the
 * target for one that should decrease: {@link Signal#UTAN_ANMARKNING}. Otherwise it is {@link Signal#NARA_MALVARDE}
 * when the gap to the target is at most the tolerance (default 5 %) of the distance from the baseline to the target,
 * and {@link Signal#MED_ANMARKNING} beyond that. The baseline is the latest outcome before the plan period starts
 * (the value the target was set against), or the earliest outcome when there is none before the period; when there is
 * no baseline, or it equals the target, the tolerance is taken of the target itself.
 *
 * <p><b>Headline.</b> A key figure's headline signal compares its latest outcome with the target of that year, or,
 * when that year has none, with the nearest later target: how the figure stands against where it is heading.
 *
 * <p><b>Trend.</b> The latest outcome against the closest earlier outcome: higher, equal or lower.
 *
 * <p><b>Goal state.</b> Derived from the headline signals of the goal's key figures that have a value: all green
 * gives Helt uppfyllt, all red Ej uppfyllt, anything else Delvis uppfyllt, none Ej utvärderad. A written
 * professional judgement always has the last word.
 */
public final class Assessment {

    public static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Assessment() {
    }

    /** The comparison behind a signal, kept so a page can explain it. */
    public record Evaluation(Signal signal, Integer outcomeYear, BigDecimal outcome, Integer targetYear,
                             BigDecimal target, BigDecimal baseline, BigDecimal nearLimit, SignalRules.Judged judgedBy) {

        /** Styr's own evaluation. */
        public Evaluation(Signal signal, Integer outcomeYear, BigDecimal outcome, Integer targetYear,
                          BigDecimal target, BigDecimal baseline, BigDecimal nearLimit) {
            this(signal, outcomeYear, outcome, targetYear, target, baseline, nearLimit, null);
        }

        /** The same comparison judged by another module's rule ({@link SignalRules}): its signal replaces Styr's. */
        public Evaluation judgedBy(SignalRules.Judged judged) {
            return new Evaluation(judged.signal(), outcomeYear, outcome, targetYear, target, baseline, nearLimit, judged);
        }

        /** Whether the signal comes from a rule other than Styr's. */
        public boolean byOtherRule() {
            return judgedBy != null;
        }
    }

    public static Evaluation evaluate(Direction direction, Integer outcomeYear, BigDecimal outcome, Integer targetYear,
                                      BigDecimal target, BigDecimal baseline, BigDecimal tolerancePercent) {
        if (outcome == null || target == null || direction == null) {
            return new Evaluation(Signal.INGET_VARDE, outcomeYear, outcome, targetYear, target, baseline, null);
        }
        BigDecimal tolerance = tolerancePercent == null ? DEFAULT_TOLERANCE : tolerancePercent;
        BigDecimal distance = baseline == null || baseline.compareTo(target) == 0
                ? target.abs() : target.subtract(baseline).abs();
        BigDecimal allowedGap = distance.multiply(tolerance).divide(HUNDRED, 6, RoundingMode.HALF_UP);
        BigDecimal nearLimit = direction == Direction.INCREASE ? target.subtract(allowedGap) : target.add(allowedGap);
        int cmp = outcome.compareTo(target);
        boolean reached = direction == Direction.INCREASE ? cmp >= 0 : cmp <= 0;
        Signal signal;
        if (reached) {
            signal = Signal.UTAN_ANMARKNING;
        } else if (outcome.subtract(target).abs().compareTo(allowedGap) <= 0) {
            signal = Signal.NARA_MALVARDE;
        } else {
            signal = Signal.MED_ANMARKNING;
        }
        return new Evaluation(signal, outcomeYear, outcome, targetYear, target, baseline, nearLimit.stripTrailingZeros());
    }

    /** The latest outcome before the period's first year, else the earliest outcome. */
    public static BigDecimal baseline(List<MeasureValue> values, Integer periodFirstYear) {
        List<MeasureValue> outcomes = values.stream().filter(v -> v.outcome() != null)
                .sorted(Comparator.comparingInt(MeasureValue::year)).toList();
        if (outcomes.isEmpty()) {
            return null;
        }
        if (periodFirstYear != null) {
            Optional<MeasureValue> before = outcomes.stream().filter(v -> v.year() < periodFirstYear)
                    .reduce((a, b) -> b);
            if (before.isPresent()) {
                return before.get().outcome();
            }
        }
        return outcomes.get(0).outcome();
    }

    /** Strict signal of one year: that year's outcome against that year's target. */
    public static Evaluation forYear(Direction direction, List<MeasureValue> values, int year, Integer periodFirstYear,
                                     BigDecimal tolerancePercent) {
        MeasureValue v = values.stream().filter(x -> x.year() == year).findFirst()
                .orElse(new MeasureValue(year, null, null));
        return evaluate(direction, year, v.outcome(), year, v.target(), baseline(values, periodFirstYear), tolerancePercent);
    }

    public static Evaluation headline(Direction direction, List<MeasureValue> values, Integer periodFirstYear,
                                      BigDecimal tolerancePercent) {
        Optional<MeasureValue> latest = values.stream().filter(v -> v.outcome() != null)
                .max(Comparator.comparingInt(MeasureValue::year));
        if (latest.isEmpty()) {
            Optional<MeasureValue> anyTarget = values.stream().filter(v -> v.target() != null)
                    .min(Comparator.comparingInt(MeasureValue::year));
            return new Evaluation(Signal.INGET_VARDE, null, null, anyTarget.map(MeasureValue::year).orElse(null),
                    anyTarget.map(MeasureValue::target).orElse(null), null, null);
        }
        int year = latest.get().year();
        Optional<MeasureValue> target = values.stream().filter(v -> v.target() != null && v.year() >= year)
                .min(Comparator.comparingInt(MeasureValue::year));
        return evaluate(direction, year, latest.get().outcome(), target.map(MeasureValue::year).orElse(null),
                target.map(MeasureValue::target).orElse(null), baseline(values, periodFirstYear), tolerancePercent);
    }

    public static Trend trend(List<MeasureValue> values) {
        List<MeasureValue> outcomes = values.stream().filter(v -> v.outcome() != null)
                .sorted(Comparator.comparingInt(MeasureValue::year)).toList();
        if (outcomes.size() < 2) {
            return Trend.INGET_VARDE;
        }
        int cmp = outcomes.get(outcomes.size() - 1).outcome().compareTo(outcomes.get(outcomes.size() - 2).outcome());
        return cmp > 0 ? Trend.OKAD : cmp < 0 ? Trend.MINSKAD : Trend.OFORANDRAD;
    }

    /** Whether a trend goes the desired way; null when there is no trend. */
    public static Boolean trendIsFavourable(Trend trend, Direction direction) {
        if (trend == Trend.INGET_VARDE || trend == Trend.OFORANDRAD || direction == null) {
            return null;
        }
        return (trend == Trend.OKAD) == (direction == Direction.INCREASE);
    }

    public static GoalState derive(Collection<Signal> keyFigureSignals) {
        List<Signal> evaluated = keyFigureSignals.stream().filter(s -> s != Signal.INGET_VARDE).toList();
        if (evaluated.isEmpty()) {
            return GoalState.EJ_UTVARDERAD;
        }
        if (evaluated.stream().allMatch(s -> s == Signal.UTAN_ANMARKNING)) {
            return GoalState.HELT_UPPFYLLT;
        }
        if (evaluated.stream().allMatch(s -> s == Signal.MED_ANMARKNING)) {
            return GoalState.EJ_UPPFYLLT;
        }
        return GoalState.DELVIS_UPPFYLLT;
    }
}
