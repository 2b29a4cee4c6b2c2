package se.styr.economy.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import se.styr.economy.StatementLine;
import se.styr.economy.budget.BudgetCalculator;

/**
 * Evaluates a financial goal on one year's figures (and the year before, for goals about change). Ratios are compared
 * at the two decimals they are shown with, so what the page says and what is judged agree.
 */
final class FinancialGoalRules {

    /** One year's statements on one basis, with the tax-financed investments (null: not known). */
    record YearFigures(int year, Map<StatementLine, Long> lines, Long taxFinancedInvestments) {

        Long line(StatementLine line) {
            return lines.get(line);
        }

        Long taxesAndGrants() {
            Long tax = line(StatementLine.SKATTEINTAKTER);
            Long grants = line(StatementLine.GENERELLA_STATSBIDRAG);
            return tax == null || grants == null ? null : tax + grants;
        }

        /** Net costs including the financial net, as a positive cost (the seed's "nettokostnadsutveckling"). */
        Long netCostInclFinancial() {
            Long net = line(StatementLine.VERKSAMHETENS_NETTOKOSTNADER);
            Long income = line(StatementLine.FINANSIELLA_INTAKTER);
            Long costs = line(StatementLine.FINANSIELLA_KOSTNADER);
            return net == null ? null : -(net + (income == null ? 0 : income) + (costs == null ? 0 : costs));
        }
    }

    enum Status { UPPFYLLT, EJ_UPPFYLLT, UNDERLAG_SAKNAS }

    /**
     * @param value     the measured figure: a percentage, or kronor for a ceiling
     * @param reference what it is compared with: the threshold, last year's ratio or the growth of taxes
     * @param percent   whether value and reference are percentages
     */
    record Evaluation(Status status, BigDecimal value, BigDecimal reference, boolean percent) {

        static Evaluation missing() {
            return new Evaluation(Status.UNDERLAG_SAKNAS, null, null, true);
        }

        boolean met() {
            return status == Status.UPPFYLLT;
        }
    }

    private FinancialGoalRules() {
    }

    static Evaluation evaluate(FinancialGoal goal, YearFigures now, YearFigures before) {
        if (now == null) {
            return Evaluation.missing();
        }
        return switch (goal.kind()) {
            case RESULTAT_ANDEL -> atLeast(ratio(now.line(StatementLine.ARETS_RESULTAT), now.taxesAndGrants()), goal.threshold());
            case SJALVFINANSIERINGSGRAD -> {
                Long result = now.line(StatementLine.ARETS_RESULTAT);
                Long depreciation = now.line(StatementLine.AVSKRIVNINGAR);
                yield atLeast(result == null || depreciation == null ? null
                        : ratio(result - depreciation, now.taxFinancedInvestments()), goal.threshold());
            }
            case NETTOKOSTNADSUTVECKLING -> {
                if (before == null) {
                    yield Evaluation.missing();
                }
                BigDecimal costGrowth = growth(before.netCostInclFinancial(), now.netCostInclFinancial());
                BigDecimal taxGrowth = growth(before.taxesAndGrants(), now.taxesAndGrants());
                yield costGrowth == null || taxGrowth == null ? Evaluation.missing()
                        : new Evaluation(costGrowth.compareTo(taxGrowth) <= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT, costGrowth, taxGrowth, true);
            }
            case SOLIDITET -> {
                BigDecimal ratio = ratio(now.line(StatementLine.EGET_KAPITAL), now.line(StatementLine.SUMMA_TILLGANGAR));
                BigDecimal previous = before == null ? null
                        : ratio(before.line(StatementLine.EGET_KAPITAL), before.line(StatementLine.SUMMA_TILLGANGAR));
                yield ratio == null || previous == null ? Evaluation.missing()
                        : new Evaluation(ratio.compareTo(previous) >= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT, ratio, previous, true);
            }
            case LANGFRISTIGA_SKULDER -> {
                Long debt = now.line(StatementLine.LANGFRISTIGA_SKULDER);
                yield debt == null || goal.threshold() == null ? Evaluation.missing()
                        : new Evaluation(BigDecimal.valueOf(debt).compareTo(goal.threshold()) <= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT,
                        BigDecimal.valueOf(debt), goal.threshold(), false);
            }
        };
    }

    private static Evaluation atLeast(BigDecimal value, BigDecimal threshold) {
        if (value == null || threshold == null) {
            return Evaluation.missing();
        }
        return new Evaluation(value.compareTo(threshold) >= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT, value, threshold, true);
    }

    static BigDecimal ratio(Long part, Long whole) {
        return part == null || whole == null ? null : BudgetCalculator.percent(part, whole);
    }

    static BigDecimal growth(Long from, Long to) {
        if (from == null || to == null || from == 0) {
            return null;
        }
        return BigDecimal.valueOf(to - from).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(from), 2, RoundingMode.HALF_UP);
    }
}
