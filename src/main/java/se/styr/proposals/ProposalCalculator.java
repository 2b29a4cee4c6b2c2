package se.styr.proposals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.styr.economy.budget.BudgetCalculator;

/**
 * Computes a proposal on its base budget, pure and in whole kronor: per plan year the tax change's revenue, each
 * committee's frame, the result and the result in percent of taxes and general grants, and checks the balance
 * requirement and the party's own result target.
 */
final class ProposalCalculator {

    private static final BigDecimal ORE_PER_KRONA_PERCENT = BigDecimal.valueOf(10_000);

    private ProposalCalculator() {
    }

    /**
     * The base budget's figures a proposal changes.
     *
     * @param committees   the committees with a frame in the base's operating budget, by org unit id, in its order
     * @param baseFrames   their frames per year
     * @param compensation the change per committee and year the proposal's PKV and volume shares make to the base's
     *                     allocation model; null when the base has no allocation model
     */
    record Base(List<Integer> years, BigDecimal taxRate, Map<Long, String> committees, Map<Long, Map<Integer, Long>> baseFrames,
                Map<Integer, Long> taxes, Map<Integer, Long> grants, Map<Integer, Long> result,
                Map<Long, Map<Integer, Long>> compensation) {

        long frame(long committee, int year) {
            return baseFrames.getOrDefault(committee, Map.of()).getOrDefault(year, 0L);
        }

        long taxesAndGrants(int year) {
            return taxes.getOrDefault(year, 0L) + grants.getOrDefault(year, 0L);
        }
    }

    static Result compute(Base base, Proposal p) {
        List<Committee> committees = new ArrayList<>();
        Map<Integer, Long> frameChange = new LinkedHashMap<>();
        base.committees().forEach((unit, name) -> {
            List<Cell> cells = new ArrayList<>();
            for (int year : base.years()) {
                long changes = p.changes().stream().filter(c -> c.orgUnitId() == unit).mapToLong(c -> c.in(year)).sum();
                long compensation = base.compensation() == null ? 0
                        : base.compensation().getOrDefault(unit, Map.of()).getOrDefault(year, 0L);
                long baseFrame = base.frame(unit, year);
                cells.add(new Cell(year, baseFrame, changes, compensation, baseFrame + changes + compensation, changes + compensation));
                frameChange.merge(year, changes + compensation, Long::sum);
            }
            committees.add(new Committee(unit, name, cells));
        });
        BigDecimal taxRate = base.taxRate() == null ? null
                : base.taxRate().add(BigDecimal.valueOf(p.taxChangeOre()).movePointLeft(2));
        List<Year> years = new ArrayList<>();
        for (int year : base.years()) {
            long taxBase = p.taxBase().getOrDefault(year, 0L);
            long taxChange = taxRevenue(taxBase, p.taxChangeOre());
            long taxesAndGrants = base.taxesAndGrants(year) + taxChange;
            long baseResult = base.result().getOrDefault(year, 0L);
            long frames = frameChange.getOrDefault(year, 0L);
            long result = baseResult + taxChange - frames;
            years.add(new Year(year, taxBase, taxChange, base.taxes().getOrDefault(year, 0L) + taxChange, taxesAndGrants, frames,
                    baseResult, BudgetCalculator.percent(baseResult, base.taxesAndGrants(year)), result,
                    BudgetCalculator.percent(result, taxesAndGrants)));
        }
        List<Check> checks = new ArrayList<>();
        for (Year y : years) {
            checks.add(new Check(CheckKind.BALANSKRAV, y.year(), null, y.result() >= 0 ? CheckStatus.UPPFYLLT : CheckStatus.EJ_UPPFYLLT,
                    BigDecimal.valueOf(y.result()), BigDecimal.ZERO, false));
        }
        if (p.resultTarget() != null) {
            for (Year y : years) {
                checks.add(y.resultPercent() == null
                        ? new Check(CheckKind.RESULTATMAL, y.year(), null, CheckStatus.UNDERLAG_SAKNAS, null, p.resultTarget(), true)
                        : new Check(CheckKind.RESULTATMAL, y.year(), null,
                        y.resultPercent().compareTo(p.resultTarget()) >= 0 ? CheckStatus.UPPFYLLT : CheckStatus.EJ_UPPFYLLT,
                        y.resultPercent(), p.resultTarget(), true));
            }
        }
        return new Result(base.years(), base.taxRate(), taxRate, base.compensation() != null, committees, years, checks);
    }

    /** The revenue a change of the tax rate by {@code ore} öre brings on a tax base: base × öre / 100 / 100, to the krona. */
    static long taxRevenue(long taxBase, int ore) {
        return BigDecimal.valueOf(taxBase).multiply(BigDecimal.valueOf(ore))
                .divide(ORE_PER_KRONA_PERCENT, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * @param baseTaxRate the base budget's tax rate; taxRate the proposal's (null when the base has none)
     * @param compensated whether the PKV and volume shares were applied through the base's allocation model
     */
    record Result(List<Integer> years, BigDecimal baseTaxRate, BigDecimal taxRate, boolean compensated,
                  List<Committee> committees, List<Year> yearResults, List<Check> checks) {

        public Year year(int year) {
            return yearResults.stream().filter(y -> y.year() == year).findFirst().orElseThrow();
        }

        /** The largest absolute difference to the base in any committee and year, for scaling charts (at least 1). */
        public long maxDifference() {
            return Math.max(1, committees.stream().flatMap(c -> c.cells().stream()).mapToLong(c -> Math.abs(c.difference())).max().orElse(1));
        }

        public boolean allPassed() {
            return checks.stream().allMatch(c -> c.status() != CheckStatus.EJ_UPPFYLLT);
        }
    }

    record Committee(long orgUnitId, String name, List<Cell> cells) {

        public Cell cell(int year) {
            return cells.stream().filter(c -> c.year() == year).findFirst().orElseThrow();
        }
    }

    /**
     * A committee's frame in a year: {@code frame = base + changes + compensation}, {@code difference = frame − base}.
     */
    record Cell(int year, long base, long changes, long compensation, long frame, long difference) {
    }

    /**
     * @param taxChange      the tax change's revenue (Δ skatteintäkter)
     * @param frameChange    Σ the committees' differences to the base
     * @param result         baseResult + taxChange − frameChange
     * @param resultPercent  result in percent of taxes and general grants (with the tax change), two decimals
     */
    record Year(int year, long taxBase, long taxChange, long taxes, long taxesAndGrants, long frameChange, long baseResult,
                BigDecimal baseResultPercent, long result, BigDecimal resultPercent) {
    }

    enum CheckKind { BALANSKRAV, RESULTATMAL, FINANSIELLT_MAL }

    enum CheckStatus { UPPFYLLT, EJ_UPPFYLLT, UNDERLAG_SAKNAS }

    /**
     * One check of one year: the value measured and what it is compared with (kronor, or percent when {@code percent}).
     *
     * @param goal the financial goal's title for {@link CheckKind#FINANSIELLT_MAL}, else null
     */
    record Check(CheckKind kind, int year, String goal, CheckStatus status, BigDecimal value, BigDecimal reference, boolean percent) {

        public boolean passed() {
            return status == CheckStatus.UPPFYLLT;
        }
    }
}
