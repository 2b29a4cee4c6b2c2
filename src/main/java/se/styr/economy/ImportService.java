package se.styr.economy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import se.styr.accounts.Access;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * Reads a committee's detail budget or the units' monthly outcomes from an .xlsx file made from the documented
 * template (see {@link ImportTemplate}), checks every cell, and writes all rows in one transaction, or nothing: if
 * any cell is wrong, the result lists every wrong cell by sheet, row and column in Swedish and nothing is written.
 * Callable directly (tests, the API) or as a background job with progress ({@link ImportJobs}).
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

    /** Where an import is; the job page shows it. */
    public enum Phase { VANTAR, LASER, KONTROLLERAR, SKRIVER, KLAR, AVBRUTEN }

    /** Hears how far an import has come; {@link #NONE} for a caller that does not care. */
    public interface Progress {

        void phase(Phase phase, int total);

        void rows(int done);

        Progress NONE = new Progress() {
            @Override
            public void phase(Phase phase, int total) {
            }

            @Override
            public void rows(int done) {
            }
        };
    }

    /**
     * One problem: a cell (sheet, 1-based row and column letter, as Excel shows them) or the whole file (all three
     * null). {@code message} is the Swedish text of the problem, {@code text} the whole sentence with the place.
     */
    public record Problem(String sheet, Integer row, String column, String message, String text) {
    }

    /** What an import did: {@code rows} read and written, or the problems, and then nothing was written. */
    public record Result(Kind kind, String fileName, int rows, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final BudgetService budgets;
    private final EconomicOutcomes outcomes;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;

    ImportService(BudgetService budgets, EconomicOutcomes outcomes, Organisation organisation, Access access,
                  Messages messages, SwedishFormat sv) {
        this.budgets = budgets;
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
    public Result importCommitteeBudgets(long budgetId, Integer version, String fileName, byte[] file, Progress progress) {
        requireMayImport();
        Budget budget = budgets.budget(budgetId);
        int expectedVersion = version == null ? budget.version() : version;
        Check check = new Check(Kind.NAMNDBUDGET, fileName);
        if (budget.decided()) {
            check.fileProblem("economy.error.decided", budget.label());
            return check.result(0);
        }
        List<ImportWorkbook.Row> rows = check.read(file, progress);
        if (rows == null) {
            return check.result(0);
        }
        BudgetData data = budgets.data(budgetId);
        Set<Long> committeeIds = budgets.committees().stream().map(OrgUnit::id).collect(Collectors.toSet());
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> typed = new LinkedHashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<SumCheck> sums = new ArrayList<>();
        Set<List<Object>> broken = new HashSet<>();
        progress.phase(Phase.KONTROLLERAR, rows.size());
        int done = 0;
        for (ImportWorkbook.Row row : rows) {
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
        if (!check.problems.isEmpty()) {
            return check.result(0);
        }
        progress.phase(Phase.SKRIVER, rows.size());
        Map<Long, Map<AccountGroup, Map<Integer, Long>>> changed = changes(typed, data);
        if (!changed.isEmpty()) {
            budgets.saveCommittees(budgetId, expectedVersion, changed, fileName);
        }
        progress.rows(rows.size());
        return check.result(rows.size());
    }

    /** Reads monthly outcomes per unit, replacing what the units had for the same month and account group. */
    public Result importOutcomes(String fileName, byte[] file, Progress progress) {
        requireMayImport();
        Check check = new Check(Kind.UTFALL, fileName);
        List<ImportWorkbook.Row> rows = check.read(file, progress);
        if (rows == null) {
            return check.result(0);
        }
        List<Integer> years = List.copyOf(outcomeYears());
        List<EconomicOutcomes.Row> valid = new ArrayList<>(rows.size());
        Map<List<Object>, Integer> seen = new HashMap<>(rows.size() * 2);
        progress.phase(Phase.KONTROLLERAR, rows.size());
        int done = 0;
        for (ImportWorkbook.Row row : rows) {
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
        if (!check.problems.isEmpty()) {
            return check.result(0);
        }
        progress.phase(Phase.SKRIVER, valid.size());
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
    private void checkSum(Check check, SumCheck sum, BudgetData data, Map<Long, Map<AccountGroup, Map<Integer, Long>>> typed,
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

    /** Kronor as tkr the Swedish way with up to three decimals: −1 123 326 000 → "−1 123 326". */
    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor);
    }

    private static String normal(String text) {
        return text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.forLanguageTag("sv-SE"));
    }

    /** The checks of one file: collects every problem, with the place of each, and reads the cells. */
    private final class Check {

        final Kind kind;
        final String fileName;
        final String sheet;
        final List<Problem> problems = new ArrayList<>();
        private Map<String, OrgUnit> unitsByKey;
        private final Map<Long, Boolean> mayManage = new HashMap<>();
        private Map<String, AccountGroup> groupsByName;

        Check(Kind kind, String fileName) {
            this.kind = kind;
            this.fileName = fileName;
            this.sheet = kind.sheet();
        }

        Result result(int rows) {
            problems.sort(Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row())
                    .thenComparing(p -> p.column() == null ? "" : p.column(), Comparator.comparingInt(String::length).thenComparing(c -> c)));
            return new Result(kind, fileName, rows, List.copyOf(problems));
        }

        void fileProblem(String key, Object... args) {
            String message = messages.text(key, args);
            problems.add(new Problem(null, null, null, message, message));
        }

        void cell(int row, int column, String key, Object... args) {
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(column);
            String message = messages.text(key, args);
            problems.add(new Problem(sheet, row, letter, message,
                    messages.text("import.cell", sheet, String.valueOf(row), letter, message)));
        }

        /** The data rows below the header row, or null when the file, the sheet or the header is wrong. */
        List<ImportWorkbook.Row> read(byte[] file, Progress progress) {
            progress.phase(Phase.LASER, 0);
            try (ImportWorkbook workbook = ImportWorkbook.open(file)) {
                String name = workbook.sheetName(sheet);
                if (name == null) {
                    fileProblem("import.error.sheet", sheet);
                    return null;
                }
                progress.phase(Phase.LASER, Math.max(0, workbook.declaredRows(name) - 1));
                List<ImportWorkbook.Row> rows = workbook.rows(name, kind.headers().size(), MAX_ROWS, progress::rows);
                return dataRows(rows);
            } catch (ImportWorkbook.NotXlsx e) {
                fileProblem(e.oldExcel ? "import.error.xls" : "import.error.notXlsx");
                return null;
            } catch (ImportWorkbook.TooLarge e) {
                fileProblem(e.messageKey, e.args);
                return null;
            }
        }

        private List<ImportWorkbook.Row> dataRows(List<ImportWorkbook.Row> rows) {
            if (rows.isEmpty()) {
                fileProblem("import.error.noRows", sheet);
                return null;
            }
            ImportWorkbook.Row header = rows.get(0);
            for (int c = 0; c < kind.headers().size(); c++) {
                String expected = kind.headers().get(c);
                ImportWorkbook.Cell cell = header.cell(c);
                if (cell == null) {
                    cell(header.number(), c, "import.error.headerMissing", expected);
                } else if (!headerMatches(cell.text(), expected)) {
                    cell(header.number(), c, "import.error.header", expected, cell.text().strip());
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            List<ImportWorkbook.Row> data = rows.subList(1, rows.size());
            if (data.isEmpty()) {
                fileProblem("import.error.noRows", sheet);
                return null;
            }
            if (data.size() > MAX_ROWS) {
                fileProblem("import.error.tooMany", String.valueOf(data.size()), String.valueOf(MAX_ROWS));
                return null;
            }
            return data;
        }

        /** "Belopp (tkr)" also matches "Belopp" and "belopp i tkr": what is before the unit decides. */
        private static boolean headerMatches(String found, String expected) {
            String f = normal(found);
            String e = normal(expected);
            return f.equals(e) || f.startsWith(e.replaceAll(" \\(.*\\)$", ""));
        }

        private ImportWorkbook.Cell required(ImportWorkbook.Row row, int column) {
            ImportWorkbook.Cell cell = row.cell(column);
            if (cell == null) {
                cell(row.number(), column, "import.error.empty", messages.text("import.what." + kind.name() + "." + column));
            }
            return cell;
        }

        /** A unit by its code or its name; a committee where {@code committees} says which; one the user may manage. */
        OrgUnit unit(ImportWorkbook.Row row, int column, boolean committee, Set<Long> committees) {
            ImportWorkbook.Cell cell = required(row, column);
            if (cell == null) {
                return null;
            }
            if (unitsByKey == null) {
                unitsByKey = new HashMap<>();
                List<OrgUnit> all = organisation.units(access.municipalityId());
                all.forEach(u -> unitsByKey.putIfAbsent(normal(u.name()), u));
                all.stream().filter(u -> u.code() != null && !u.code().isBlank()).forEach(u -> unitsByKey.put(normal(u.code()), u));
            }
            BigDecimal number = cell.type() == ImportWorkbook.Type.NUMBER ? decimal(cell) : null;
            String text = number != null ? number.toPlainString() : cell.text(); // a code Excel stored as a number: "81820"
            OrgUnit unit = unitsByKey.get(normal(text));
            if (unit == null) {
                cell(row.number(), column, committee ? "import.error.unknownCommittee" : "import.error.unknownUnit", text.strip());
                return null;
            }
            if (committee && !committees.contains(unit.id())) {
                cell(row.number(), column, "import.error.notCommittee", unit.name());
                return null;
            }
            if (!mayManage.computeIfAbsent(unit.id(), id -> access.may(Access.Action.MANAGE_BUDGET, id))) {
                cell(row.number(), column, "import.error.rights", unit.name());
                return null;
            }
            return unit;
        }

        /** An account group by its Swedish name ("Personalkostnader") or its key (PERSONALKOSTNADER). */
        AccountGroup group(ImportWorkbook.Row row, int column, boolean typedOnly) {
            ImportWorkbook.Cell cell = required(row, column);
            if (cell == null) {
                return null;
            }
            if (groupsByName == null) {
                groupsByName = new HashMap<>();
                for (AccountGroup g : AccountGroup.values()) {
                    groupsByName.put(normal(messages.text("economy.group." + g.name())), g);
                    groupsByName.put(normal(g.name()), g);
                }
            }
            AccountGroup group = groupsByName.get(normal(cell.text()));
            if (group == null) {
                cell(row.number(), column, "import.error.group", cell.text().strip(), Arrays.stream(AccountGroup.values())
                        .filter(g -> !typedOnly || !g.derived())
                        .map(g -> messages.text("economy.group." + g.name())).collect(Collectors.joining(", ")));
                return null;
            }
            if (typedOnly && group.derived()) {
                cell(row.number(), column, "import.error.derivedOutcome", messages.text("economy.group." + group.name()));
                return null;
            }
            return group;
        }

        Integer year(ImportWorkbook.Row row, int column, List<Integer> allowed, String outsideKey, Object... outsideArgs) {
            ImportWorkbook.Cell cell = required(row, column);
            if (cell == null) {
                return null;
            }
            Integer year = whole(cell);
            if (year == null) {
                cell(row.number(), column, "import.error.notYear", shown(cell));
                return null;
            }
            if (!allowed.contains(year)) {
                Object[] args = new Object[outsideArgs.length + 1];
                args[0] = String.valueOf(year);
                for (int i = 0; i < outsideArgs.length; i++) {
                    args[i + 1] = String.valueOf(outsideArgs[i]);
                }
                cell(row.number(), column, outsideKey, args);
                return null;
            }
            return year;
        }

        Integer month(ImportWorkbook.Row row, int column) {
            ImportWorkbook.Cell cell = required(row, column);
            if (cell == null) {
                return null;
            }
            Integer month = whole(cell);
            if (month == null || month < 1 || month > 12) {
                cell(row.number(), column, "import.error.month", shown(cell));
                return null;
            }
            return month;
        }

        /**
         * An amount in tkr with at most three decimals, as whole kronor; costs negative, revenue and grant positive
         * (a check sum may have any sign).
         */
        Long amount(ImportWorkbook.Row row, int column, AccountGroup group, boolean signed) {
            ImportWorkbook.Cell cell = required(row, column);
            if (cell == null) {
                return null;
            }
            BigDecimal tkr = decimal(cell);
            if (tkr == null) {
                cell(row.number(), column, "import.error.amount", shown(cell));
                return null;
            }
            if (tkr.scale() > 3) {
                cell(row.number(), column, "import.error.decimals", sv.number(tkr, 10));
                return null;
            }
            long kronor;
            try {
                kronor = tkr.movePointRight(3).longValueExact();
            } catch (ArithmeticException e) {
                cell(row.number(), column, "import.error.amount", shown(cell));
                return null;
            }
            if (group != null && signed) {
                String label = messages.text("economy.group." + group.name());
                if (group.cost() && kronor > 0) {
                    cell(row.number(), column, "economy.error.costSign", label);
                    return null;
                }
                if ((group == AccountGroup.VERKSAMHETENS_INTAKTER || group == AccountGroup.KOMMUNBIDRAG) && kronor < 0) {
                    cell(row.number(), column, "economy.error.revenueSign", label);
                    return null;
                }
            }
            return kronor;
        }

        /** False, with a problem, when an earlier row had the same key. */
        boolean unique(Map<List<Object>, Integer> seen, ImportWorkbook.Row row, List<Object> key, String what) {
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) {
                cell(row.number(), 0, "import.error.duplicate", String.valueOf(first), messages.text(what));
                return false;
            }
            return true;
        }
    }

    /**
     * The number in a cell: Excel's stored decimal, rounded to Excel's 15 digits, or Swedish text ("−1 234,5"). Null
     * for a number with more than 20 digits before or after the comma: no amount, year or month has them, and one
     * written as "1E+99999999" in a made-up file would take minutes to write out in full.
     */
    private static BigDecimal decimal(ImportWorkbook.Cell cell) {
        BigDecimal value = null;
        try {
            if (cell.type() == ImportWorkbook.Type.NUMBER) {
                value = new BigDecimal(cell.text().strip()).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            } else if (cell.type() == ImportWorkbook.Type.TEXT) {
                value = SwedishFormat.parse(cell.text());
                value = value == null ? null : value.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return value == null || value.precision() - value.scale() > 20 || value.scale() > 20 ? null : value;
    }

    /** A cell as a person sees it: a number with a decimal comma ("13", "2022,5"), text as typed. */
    private static String shown(ImportWorkbook.Cell cell) {
        if (cell.type() == ImportWorkbook.Type.NUMBER) {
            BigDecimal value = decimal(cell);
            if (value != null) {
                return value.toPlainString().replace('.', ',').replace('-', '−');
            }
        }
        return cell.text().strip();
    }

    private static Integer whole(ImportWorkbook.Cell cell) {
        BigDecimal value = decimal(cell);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
