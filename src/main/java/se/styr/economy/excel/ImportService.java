package se.styr.economy.excel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetFigures;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.followup.EconomicOutcomes;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportOutcome;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProblem;
import se.styr.platform.excel.ImportProgress;

/**
 * Reads a committee's detail budget or the units' monthly outcomes from an .xlsx file made from the documented
 * template (see {@link ImportTemplate}), checks every cell, and writes all rows in one transaction, or nothing: if
 * any cell is wrong, the result lists every wrong cell by sheet, row and column in Swedish and nothing is written.
 * Callable directly (tests, the API) or as a background job with progress (the shared {@code ImportJobs}).
 */
@Service
public class ImportService {

    /** More rows than this in one file are refused before they are checked. */
    static final int MAX_ROWS = 100_000;

    /** The two kinds of file, each with its sheet and its columns in order. */
    public enum Kind {
        /** A committee's detail budget: committee × account group × year × amount. */
        NAMNDBUDGET("Nämndbudget", List.of("Nämnd", "Kontogrupp", "År", "Belopp (tkr)")),
        /** Monthly outcomes: unit × year × month × account group × amount. */
        UTFALL("Utfall", List.of("Enhet", "År", "Månad", "Kontogrupp", "Belopp (tkr)"));

        private final String sheet;
        private final List<String> headers;

        Kind(String sheet, List<String> headers) {
            this.sheet = sheet;
            this.headers = headers;
        }

        public String sheet() {
            return sheet;
        }

        public List<String> headers() {
            return headers;
        }
    }

    /** What an import did: {@code rows} read and written, or the problems, and then nothing was written. */
    public record Result(Kind kind, String fileName, int rows, List<ImportProblem> problems) implements ImportOutcome {
    }

    private final BudgetService budgets;
    private final BudgetFigures figures;
    private final EconomicOutcomes outcomes;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;

    ImportService(BudgetService budgets, BudgetFigures figures, EconomicOutcomes outcomes, Organisation organisation,
                  Access access, Messages messages, SwedishFormat sv) {
        this.budgets = budgets;
        this.figures = figures;
        this.outcomes = outcomes;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
        this.sv = sv;
    }

    /** Whether the current user may import anything at all: keeps the budget of the municipality or of a committee. */
    public boolean mayImport() {
        return access.may(Access.Action.MANAGE_BUDGET, null)
                || budgets.committees().stream().anyMatch(u -> access.may(Access.Action.MANAGE_BUDGET, u.id()));
    }

    void requireMayImport() {
        if (!mayImport()) {
            access.require(Access.Action.MANAGE_BUDGET, null);
        }
    }

    /** The years outcomes can be read for: those of every real budget's detail budget (the period and the year before). */
    public Set<Integer> outcomeYears() {
        return budgets.budgets().stream().filter(b -> !b.illustrative()).flatMap(b -> b.detailYears().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Reads committees' detail budgets into a draft budget. {@code version} is the budget's version the user saw
     * (null: the current one); a budget changed since then is a conflict.
     */
    public Result importCommitteeBudgets(long budgetId, Integer version, String fileName, byte[] file, ImportProgress progress) {
        requireMayImport();
        Budget budget = budgets.budget(budgetId);
        int expectedVersion = version == null ? budget.version() : version;
        ImportCheck check = check(Kind.NAMNDBUDGET, fileName);
        if (budget.decided()) {
            check.fileProblem("economy.error.decided", budget.label());
            return check.result(0);
        }
        List<ExcelFile.Row> rows = check.read(file, progress);
        if (rows == null) {
            return check.result(0);
        }
        BudgetData data = budgets.data(budgetId);
        Set<Long> committeeIds = budgets.committees().stream().map(OrgUnit::id).collect(Collectors.toSet());
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> typed = new LinkedHashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<SumCheck> sums = new ArrayList<>();
        Set<List<Object>> broken = new HashSet<>();
        progress.phase(ImportPhase.KONTROLLERAR, rows.size());
        int done = 0;
        for (ExcelFile.Row row : rows) {
            OrgUnit unit = check.unit(row, 0, true, committeeIds);
            AccountGroup group = check.group(row, 1, false);
            Integer year = check.year(row, 2, budget.detailYears(), "import.error.year",
                    budget.periodName(), budget.detailYears().get(0), budget.lastYear());
            Long amount = check.amount(row, 3, group, !isCheckSum(group, year, budget));
            if (unit != null && year != null && (group == null || amount == null)) {
                broken.add(List.of(unit.id(), year));
            }
            if (unit != null && group != null && year != null
                    && check.unique(seen, row, List.of(unit.id(), group, year), "import.duplicate.NAMNDBUDGET")
                    && amount != null) {
                if (isCheckSum(group, year, budget)) {
                    sums.add(new SumCheck(unit.id(), group, year, amount, row.number()));
                } else {
                    typed.computeIfAbsent(unit.id(), u -> new EnumMap<>(AccountGroup.class))
                            .computeIfAbsent(group, g -> new HashMap<>()).put(year, amount);
                }
            }
            if (++done % 500 == 0) {
                progress.rows(done);
            }
        }
        progress.rows(done);
        for (SumCheck sum : sums) {
            // A sum over rows that were themselves wrong would only repeat their problem.
            if (sum.group() == AccountGroup.KOMMUNBIDRAG || !broken.contains(List.of(sum.unit(), sum.year()))) {
                checkSum(check, sum, data, typed, budget);
            }
        }
        if (!!check.hasProblems()) {
            return check.result(0);
        }
        progress.phase(ImportPhase.SKRIVER, rows.size());
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> changed = changes(typed, data);
        if (!changed.isEmpty()) {
            figures.saveCommittees(budgetId, expectedVersion, changed, fileName);
        }
        progress.rows(rows.size());
        return check.result(rows.size());
    }

    /** Reads monthly outcomes per unit, replacing what the units had for the same month and account group. */
    public Result importOutcomes(String fileName, byte[] file, ImportProgress progress) {
        requireMayImport();
        ImportCheck check = check(Kind.UTFALL, fileName);
        List<ExcelFile.Row> rows = check.read(file, progress);
        if (rows == null) {
            return check.result(0);
        }
        List<Integer> years = List.copyOf(outcomeYears());
        List<EconomicOutcomes.Row> valid = new ArrayList<>(rows.size());
        Map<List<Object>, Integer> seen = new HashMap<>(rows.size() * 2);
        progress.phase(ImportPhase.KONTROLLERAR, rows.size());
        int done = 0;
        for (ExcelFile.Row row : rows) {
            OrgUnit unit = check.unit(row, 0, false, null);
            Integer year = years.isEmpty()
                    ? check.year(row, 1, years, "import.error.noPeriods")
                    : check.year(row, 1, years, "import.error.outcomeYear", years.get(0), years.get(years.size() - 1));
            Integer month = check.month(row, 2);
            AccountGroup group = check.group(row, 3, true);
            Long amount = check.amount(row, 4, group, true);
            if (unit != null && year != null && month != null && group != null
                    && check.unique(seen, row, List.of(unit.id(), year, month, group), "import.duplicate.UTFALL")
                    && amount != null) {
                valid.add(new EconomicOutcomes.Row(unit.id(), year, month, group, amount));
            }
            if (++done % 500 == 0) {
                progress.rows(done);
            }
        }
        progress.rows(done);
        if (!!check.hasProblems()) {
            return check.result(0);
        }
        progress.phase(ImportPhase.SKRIVER, valid.size());
        outcomes.replace(valid, fileName);
        progress.rows(valid.size());
        return check.result(valid.size());
    }

    /** Only the figures that differ from the budget's: a file that changes nothing writes nothing. */
    private static Map<Long, Map<AccountGroup, Map<Integer, Long>>> changes(Map<Long, Map<AccountGroup, Map<Integer, Long>>> typed,
                                                                           BudgetData data) {
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> changed = new LinkedHashMap<>();
        typed.forEach((unit, groups) -> groups.forEach((group, years) -> years.forEach((year, amount) -> {
            Long now = data.committees().getOrDefault(unit, Map.of()).getOrDefault(group, Map.of()).get(year);
            if (!amount.equals(now)) {
                changed.computeIfAbsent(unit, u -> new EnumMap<>(AccountGroup.class)).computeIfAbsent(group, g -> new HashMap<>())
                        .put(year, amount);
            }
        })));
        return changed;
    }

    /**
     * Derived rows may stand in a detail-budget file as check sums, and so may the grant of the period's years,
     * which the operating budget decides; only the grant of the year before the period is typed.
     */
    private static boolean isCheckSum(AccountGroup group, Integer year, Budget budget) {
        return group != null && (group.derived() || (group == AccountGroup.KOMMUNBIDRAG && year != null && year >= budget.firstYear()));
    }

    private record SumCheck(long unit, AccountGroup group, int year, long amount, int row) {
    }

    /** A check sum against the column as it will be after the import: today's figures with the file's on top. */
    private void checkSum(ImportCheck check, SumCheck sum, BudgetData data, Map<Long, Map<AccountGroup, Map<Integer, Long>>> typed,
                          Budget budget) {
        Map<AccountGroup, Long> column = new EnumMap<>(AccountGroup.class);
        data.committees().getOrDefault(sum.unit(), Map.of()).forEach((g, years) -> {
            if (years.get(sum.year()) != null) {
                column.put(g, years.get(sum.year()));
            }
        });
        typed.getOrDefault(sum.unit(), Map.of()).forEach((g, years) -> {
            if (years.get(sum.year()) != null) {
                column.put(g, years.get(sum.year()));
            }
        });
        String label = messages.text("economy.group." + sum.group().name());
        String year = String.valueOf(sum.year());
        if (sum.year() >= budget.firstYear()) {
            Long grant = BudgetCalculator.grant(data, sum.unit(), sum.year());
            if (sum.group() == AccountGroup.KOMMUNBIDRAG) {
                if (!Objects.equals(grant, sum.amount())) {
                    check.cell(sum.row(), 3, grant == null ? "import.error.noGrant" : "import.error.grant",
                            year, tkr(grant), tkr(sum.amount()));
                }
                return;
            }
            column.put(AccountGroup.KOMMUNBIDRAG, grant);
        }
        Long expected = AccountGroup.complete(column).get(sum.group());
        if (expected == null) {
            check.cell(sum.row(), 3, "import.error.sumWithoutGrant", label, year);
        } else if (expected != sum.amount()) {
            check.cell(sum.row(), 3, "import.error.sum", label, year, tkr(expected), tkr(sum.amount()));
        }
    }

    private ImportCheck check(Kind kind, String fileName) {
        return new ImportCheck(kind, fileName, messages, organisation, access, sv);
    }

    /** Kronor as tkr the Swedish way with up to three decimals: −1 123 326 000 → "−1 123 326". */
    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor);
    }
}
