package se.styr.economy.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import se.styr.economy.StatementLine;
import se.styr.economy.budget.BudgetCalculator;

/**
 * Evaluates a financial goal on one year's figures (and the year before, for goals about change). Ratios are compared
 * at the two decimals they are shown with, so what the page says and what is judged agree.
 */
final class FinancialGoalRules {

    /**
     * One year's statements on one basis, with the figures the statements do not hold (null: not known): the
     * tax-financed investments, the tax-financed operations' share of the depreciation (negative, as depreciation),
     * and the municipal group's equity and total assets.
     */
    record YearFigures(int year, Map<StatementLine, Long> lines, Long taxFinancedInvestments, Long taxFinancedDepreciation,
                       Long groupEquity, Long groupAssets) {

        YearFigures(int year, Map<StatementLine, Long> lines, Long taxFinancedInvestments) {
            this(year, lines, taxFinancedInvestments, null, null, null);
        }

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
     * @param source    what the figure was computed from, as the key of its explanation
     *                  ({@code economy.goal.source.<source>}), or null
     * @param parts     the amounts (kronor) the explanation names, in its order
     */
    record Evaluation(Status status, BigDecimal value, BigDecimal reference, boolean percent, String source, List<Long> parts) {

        Evaluation(Status status, BigDecimal value, BigDecimal reference, boolean percent) {
            this(status, value, reference, percent, null, List.of());
        }

        static Evaluation missing() {
            return new Evaluation(Status.UNDERLAG_SAKNAS, null, null, true);
        }

        boolean met() {
            return status == Status.UPPFYLLT;
        }

        /** The explanation's n-th amount, or null. */
        public Long part(int n) {
            return n < parts.size() ? parts.get(n) : null;
        }

        Evaluation from(String source, Long... parts) {
            return status == Status.UNDERLAG_SAKNAS ? this
                    : new Evaluation(status, value, reference, percent, source, java.util.Arrays.asList(parts));
        }
    }

    private FinancialGoalRules() {
    }

    static Evaluation evaluate(FinancialGoal goal, YearFigures now, YearFigures before) {
        if (now == null) {
            return Evaluation.missing();
        }
        return switch (goal.kind()) {
            case RESULTAT_ANDEL -> atLeast(ratio(now.line(StatementLine.ARETS_RESULTAT), now.taxesAndGrants()), goal.threshold())
                    .from("RESULTAT_ANDEL", now.line(StatementLine.ARETS_RESULTAT), now.taxesAndGrants());
            case SJALVFINANSIERINGSGRAD -> selfFinancing(goal, now);
            case NETTOKOSTNADSUTVECKLING -> {
                if (before == null) {
                    yield Evaluation.missing();
                }
                BigDecimal costGrowth = growth(before.netCostInclFinancial(), now.netCostInclFinancial());
                BigDecimal taxGrowth = growth(before.taxesAndGrants(), now.taxesAndGrants());
                yield costGrowth == null || taxGrowth == null ? Evaluation.missing()
                        : new Evaluation(costGrowth.compareTo(taxGrowth) <= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT, costGrowth, taxGrowth, true);
            }
            case SOLIDITET -> equityRatio(now.line(StatementLine.EGET_KAPITAL), now.line(StatementLine.SUMMA_TILLGANGAR),
                    before == null ? null : before.line(StatementLine.EGET_KAPITAL),
                    before == null ? null : before.line(StatementLine.SUMMA_TILLGANGAR), "SOLIDITET");
            case SOLIDITET_KONCERN -> {
                Evaluation e = equityRatio(now.groupEquity(), now.groupAssets(),
                        before == null ? null : before.groupEquity(), before == null ? null : before.groupAssets(), "SOLIDITET_KONCERN");
                // the statements never hold the group's figures: say which are missing rather than only "no basis"
                yield e.status() != Status.UNDERLAG_SAKNAS || now.groupEquity() != null && now.groupAssets() != null ? e
                        : new Evaluation(Status.UNDERLAG_SAKNAS, null, null, true, "SOLIDITET_KONCERN.missing", List.of());
            }
            case LANGFRISTIGA_SKULDER -> {
                Long debt = now.line(StatementLine.LANGFRISTIGA_SKULDER);
                yield debt == null || goal.threshold() == null ? Evaluation.missing()
                        : new Evaluation(BigDecimal.valueOf(debt).compareTo(goal.threshold()) <= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT,
                        BigDecimal.valueOf(debt), goal.threshold(), false);
            }
        };
    }

    /**
     * Result plus depreciation in percent of the tax-financed investments (seed 004: "hur stor andel av investeringarna
     * som kan finansieras med årets resultat och avskrivningar"). The depreciation is the tax-financed operations' own
     * where it is entered, as the budget document counts it (117,9 % in 2022); otherwise all the municipality's, and
     * the explanation says so.
     */
    private static Evaluation selfFinancing(FinancialGoal goal, YearFigures now) {
        Long result = now.line(StatementLine.ARETS_RESULTAT);
        boolean taxFinanced = now.taxFinancedDepreciation() != null;
        Long depreciation = taxFinanced ? now.taxFinancedDepreciation() : now.line(StatementLine.AVSKRIVNINGAR);
        Evaluation e = atLeast(result == null || depreciation == null ? null
                : ratio(result - depreciation, now.taxFinancedInvestments()), goal.threshold());
        return e.from(taxFinanced ? "SJALVFINANSIERINGSGRAD.taxFinanced" : "SJALVFINANSIERINGSGRAD.all",
                result, depreciation == null ? null : -depreciation, now.taxFinancedInvestments());
    }

    /** Equity in percent of total assets, not lower than the year before. */
    private static Evaluation equityRatio(Long equity, Long assets, Long equityBefore, Long assetsBefore, String source) {
        BigDecimal ratio = ratio(equity, assets);
        BigDecimal previous = ratio(equityBefore, assetsBefore);
        return ratio == null || previous == null ? Evaluation.missing()
                : new Evaluation(ratio.compareTo(previous) >= 0 ? Status.UPPFYLLT : Status.EJ_UPPFYLLT, ratio, previous, true)
                .from(source, equity, assets);
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
