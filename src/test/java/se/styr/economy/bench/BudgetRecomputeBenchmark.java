package se.styr.economy.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.styr.economy.AccountGroup;
import se.styr.economy.allocation.AllocationCalculator;
import se.styr.economy.allocation.AllocationInput;
import se.styr.economy.allocation.AllocationModel;
import se.styr.economy.allocation.AllocationResult;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetState;
import se.styr.economy.budget.ComputedBudget;
import se.styr.economy.budget.FrameKind;
import se.styr.economy.StatementLine;

/**
 * Benchmark (not a test: run by bench/budget-recompute.sh, never by Surefire): one input of the resource allocation
 * model changes and the whole budget is recomputed, as the model page does on every change: the model is checked and
 * computed, its frames become the operating budget, and {@link BudgetCalculator#compute} computes the whole municipal
 * budget (result, balance, cash flow, operating and investment budgets, every committee's detail budget). Target: at
 * most 5 ms per recompute.
 *
 * <p>A synthetic municipality, in memory (the computation is pure, so no database is involved): 15 committees, a
 * 3-year period, 7 age groups with a forecast for 4 years, standard costs for every committee and age group, 5 targeted
 * allocations (3 permanent, 2 temporary), the typed result, balance and cash-flow lines, 60 investment lines (15 with
 * three sub-lines each) and each committee's detail budget for 4 years.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class BudgetRecomputeBenchmark {

    static final int COMMITTEES = 15;
    static final int FIRST_YEAR = 2026;
    static final int LAST_YEAR = 2028;
    static final String[] GROUPS = {"0 år", "1–5 år", "6–15 år", "16–18 år", "19–64 år", "65–79 år", "80+ år"};

    private AllocationInput input;
    private BudgetData budget;
    private Function<String, String> text;
    private int changes;

    @Setup(Level.Trial)
    public void municipality() {
        text = messages();
        List<Integer> years = List.of(FIRST_YEAR, FIRST_YEAR + 1, LAST_YEAR);
        Map<Long, String> names = new LinkedHashMap<>();
        List<AllocationModel.Committee> committees = new ArrayList<>();
        List<AllocationModel.Targeted> targeted = new ArrayList<>();
        for (int c = 0; c < COMMITTEES; c++) {
            long id = 100 + c;
            names.put(id, "Nämnd " + (c + 1));
            List<Long> costs = new ArrayList<>();
            for (int g = 0; g < GROUPS.length; g++) {
                costs.add((long) ((c * 7 + g * 13) % 11) * 9_000);
            }
            committees.add(new AllocationModel.Committee(id, 50_000_000L + c * 40_000_000L, BigDecimal.ONE, costs));
            if (c % 3 == 0) {
                targeted.add(new AllocationModel.Targeted(id, FIRST_YEAR + (c / 3) % 3, 2_500_000 + c * 100_000L, c % 2 == 0, "Riktad tilldelning " + c));
            }
        }
        List<AllocationModel.AgeGroup> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS.length; g++) {
            Map<Integer, Long> persons = new HashMap<>();
            for (int y = FIRST_YEAR - 1; y <= LAST_YEAR; y++) {
                persons.put(y, 1_000L + g * 3_000L + (y - FIRST_YEAR) * (g + 1) * 15L);
            }
            groups.add(new AllocationModel.AgeGroup(GROUPS[g], persons));
        }
        AllocationModel model = new AllocationModel(BigDecimal.valueOf(50), BigDecimal.valueOf(100),
                Map.of(2026, new BigDecimal("3.2"), 2027, new BigDecimal("2.9"), 2028, new BigDecimal("2.6")), groups, committees, targeted);
        budget = budgetData(names);
        Map<Long, Map<Integer, Long>> frames = new HashMap<>();
        budget.frames().stream().filter(f -> f.kind() == FrameKind.NAMND).forEach(f -> frames.put(f.orgUnitId(), f.amounts()));
        input = new AllocationInput(years, model, names, frames);
        if (!AllocationCalculator.check(input).isEmpty()) {
            throw new IllegalStateException("The synthetic model is not valid: " + AllocationCalculator.check(input));
        }
        ComputedBudget computed = recompute(input);
        System.out.printf("%nSynthetic municipality: %d committees, %d years, %d age groups, %d targeted allocations; "
                        + "%d committee tables; sum of frames %d: %d kr.%n", COMMITTEES, years.size(), GROUPS.length,
                targeted.size(), computed.committees().size(), LAST_YEAR,
                computed.frames().row(BudgetCalculator.SUM_FRAMES).values().get(2));
    }

    /** The PKV share switches between 50 % and 100 % (Alingsås' share and a party's). */
    @Benchmark
    public ComputedBudget pkvShareChanged() {
        AllocationModel m = input.model();
        BigDecimal share = BigDecimal.valueOf(++changes % 2 == 0 ? 50 : 100);
        return recompute(with(new AllocationModel(share, m.volumeShare(), m.pkv(), m.ageGroups(), m.committees(), m.targeted())));
    }

    /** One population figure (80+ in the period's second year) goes up or down by one person. */
    @Benchmark
    public ComputedBudget populationChanged() {
        AllocationModel m = input.model();
        List<AllocationModel.AgeGroup> groups = new ArrayList<>(m.ageGroups());
        AllocationModel.AgeGroup old = groups.get(GROUPS.length - 1);
        Map<Integer, Long> persons = new HashMap<>(old.persons());
        persons.merge(FIRST_YEAR + 1, ++changes % 2 == 0 ? 1L : -1L, Long::sum);
        groups.set(GROUPS.length - 1, new AllocationModel.AgeGroup(old.label(), persons));
        return recompute(with(new AllocationModel(m.pkvShare(), m.volumeShare(), m.pkv(), groups, m.committees(), m.targeted())));
    }

    /** Only the model (checked and computed), to see its part of a recompute. */
    @Benchmark
    public AllocationResult allocationOnly() {
        AllocationCalculator.check(input);
        return AllocationCalculator.compute(input);
    }

    private AllocationInput with(AllocationModel model) {
        return new AllocationInput(input.years(), model, input.committeeNames(), input.budgetFrames());
    }

    /** Model → frames → the whole budget. */
    private ComputedBudget recompute(AllocationInput in) {
        if (!AllocationCalculator.check(in).isEmpty()) {
            throw new IllegalStateException("invalid");
        }
        AllocationResult result = AllocationCalculator.compute(in);
        List<BudgetData.FrameLine> frames = new ArrayList<>(budget.frames().size());
        for (BudgetData.FrameLine line : budget.frames()) {
            if (line.kind() == FrameKind.NAMND) {
                Map<Integer, Long> amounts = new HashMap<>();
                result.committee(line.orgUnitId()).years().forEach(y -> amounts.put(y.year(), y.frame()));
                frames.add(new BudgetData.FrameLine(line.id(), line.orgUnitId(), line.label(), line.kind(), line.position(), amounts));
            } else {
                frames.add(line);
            }
        }
        BudgetData changed = new BudgetData(budget.budget(), budget.statement(), frames, budget.investments(),
                budget.committees(), budget.printed(), budget.unitLabels());
        return BudgetCalculator.compute(changed, text);
    }

    private static BudgetData budgetData(Map<Long, String> names) {
        Budget b = new Budget(1, 1, 1, "Budget 2026–2028", FIRST_YEAR, LAST_YEAR, 1, BudgetState.UTKAST,
                new BigDecimal("21.36"), null, null, null, 0, false);
        Map<StatementLine, Map<Integer, Long>> statement = new EnumMap<>(StatementLine.class);
        long line = 0;
        for (StatementLine l : StatementLine.values()) {
            if (l.derived()) {
                continue;
            }
            Map<Integer, Long> amounts = new HashMap<>();
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                if (l != StatementLine.EGET_KAPITAL || y == FIRST_YEAR) {
                    amounts.put(y, (l.cost() ? -1 : 1) * (100_000_000L + ++line * 7_000_000L));
                }
            }
            statement.put(l, amounts);
        }
        List<BudgetData.FrameLine> frames = new ArrayList<>();
        List<BudgetData.InvestmentLine> investments = new ArrayList<>();
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> committees = new LinkedHashMap<>();
        int position = 0;
        long id = 1;
        for (Map.Entry<Long, String> c : names.entrySet()) {
            Map<Integer, Long> grant = new HashMap<>();
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                grant.put(y, 60_000_000L + c.getKey() * 1_000_000L + (y - FIRST_YEAR) * 2_000_000L);
            }
            frames.add(new BudgetData.FrameLine(id++, c.getKey(), c.getValue(), FrameKind.NAMND, ++position, grant));
            long parent = id++;
            investments.add(new BudgetData.InvestmentLine(parent, c.getKey(), null, "Reinvestering", false, position * 10, Map.of()));
            for (int k = 0; k < 3; k++) {
                investments.add(new BudgetData.InvestmentLine(id++, c.getKey(), parent, "Del " + k, false, position * 10 + k,
                        Map.of(2026, 1_000_000L, 2027, 1_100_000L, 2028, 1_200_000L, 2029, 1_300_000L, 2030, 1_400_000L)));
            }
            Map<AccountGroup, Map<Integer, Long>> detail = new EnumMap<>(AccountGroup.class);
            for (AccountGroup g : AccountGroup.typed()) {
                if (g == AccountGroup.KOMMUNBIDRAG) {
                    detail.put(g, Map.of(FIRST_YEAR - 1, 58_000_000L));
                    continue;
                }
                Map<Integer, Long> amounts = new HashMap<>();
                for (int y = FIRST_YEAR - 1; y <= LAST_YEAR; y++) {
                    amounts.put(y, g == AccountGroup.FINANSNETTO ? 0L : (g.cost() ? -1 : 1) * (10_000_000L + g.ordinal() * 1_000_000L));
                }
                detail.put(g, amounts);
            }
            committees.put(c.getKey(), detail);
        }
        frames.add(new BudgetData.FrameLine(id++, null, "Exploatering", FrameKind.OVRIG_RAM, ++position, Map.of(2026, 200_000L, 2027, 210_000L, 2028, 220_000L)));
        frames.add(new BudgetData.FrameLine(id, null, "Finansförvaltning och centrala poster", FrameKind.CENTRALA_POSTER, ++position,
                Map.of(2026, 30_000_000L, 2027, 20_000_000L, 2028, 25_000_000L)));
        List<BudgetData.Printed> printed = List.of(new BudgetData.Printed(BudgetCalculator.RESULT, null,
                StatementLine.VERKSAMHETENS_NETTOKOSTNADER.name(), FIRST_YEAR, -1_000_000_000L));
        return new BudgetData(b, statement, frames, investments, committees, printed, names);
    }

    /** The economy bundle's texts, as the application's message source gives them. */
    private static Function<String, String> messages() {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(BudgetRecomputeBenchmark.class.getResourceAsStream("/messages-economy.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key -> properties.getProperty(key, key);
    }
}
