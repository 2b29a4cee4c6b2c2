package se.styr.economy.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProblem;
import se.styr.platform.excel.ImportProgress;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.followup.EconomicOutcomes;
import se.styr.organisation.Organisation;

/**
 * The import's checks and writes, called directly as the API does, on files made with POI: every problem of a broken
 * file is reported with sheet, row and column and nothing is written; good files reproduce the seed's figures. Each
 * test runs in a transaction that is rolled back.
 */
@StyrIntegrationTest
@Transactional
class ImportServiceTest {

    private static final String NB = "\u00a0";

    @Autowired
    ImportService imports;
    @Autowired
    BudgetService budgets;
    @Autowired
    EconomicOutcomes outcomes;
    @Autowired
    Organisation organisation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private Budget budget() {
        return budgets.forYear(2022).orElseThrow();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    /** What the import could change: every detail-budget figure and outcome, and the budget's version. */
    private List<Object> database() {
        return List.of(
                jdbc.sql("select count(*), coalesce(sum(amount), 0) from committee_budget_amount").query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single(),
                jdbc.sql("select count(*), coalesce(sum(amount), 0) from economic_outcome").query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single(),
                budgets.budget(budget().id()).version());
    }

    private static List<String> texts(ImportService.Result result) {
        return result.problems().stream().map(ImportProblem::text).toList();
    }

    @Test
    void everyBadCellOfADetailBudgetIsReportedTogetherAndNothingIsWritten() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        byte[] file = ImportFiles.committeeBudget(List.of(
                Arrays.asList("VON", "Personalkostnader", 2022, "12a"),
                Arrays.asList("XYZ", "Lokalhyror", 2022, -100),
                Arrays.asList("VON", "Lokalhyror", 2019, -100),
                Arrays.asList("VON", "Personalkostnader", 2023, 500),
                Arrays.asList("VON", "Kaffe", 2023, -1),
                Arrays.asList("VON", "Verksamhetens kostnader", 2024, -1),
                Arrays.asList("VON", "Lokalhyror", 2023, new BigDecimal("-1.2345")),
                Arrays.asList(null, "Lokalhyror", 2023, -1),
                Arrays.asList("VON", "Lokalhyror", 2024, -5),
                Arrays.asList("vård- och omsorgsnämnden", "lokalhyror", 2024, -6),
                Arrays.asList("Hemtjänst Norr", "Lokalhyror", 2024, -6),
                Arrays.asList("SN", "Lokalhyror", 2024, -6),
                Arrays.asList("VON", "Kommunbidrag", 2023, 1),
                Arrays.asList("VON", "Verksamhetens intäkter", "2022,5", 1)));

        ImportService.Result result = imports.importCommitteeBudgets(budget().id(), null, "von-fel.xlsx", file, ImportProgress.NONE);

        assertThat(result.ok()).isFalse();
        assertThat(result.rows()).isZero();
        assertThat(texts(result)).containsExactly(
                "Blad Nämndbudget, rad 2, kolumn D: ”12a” är inte ett belopp i tkr.",
                "Blad Nämndbudget, rad 3, kolumn A: ”XYZ” är ingen nämnd i kommunen. Ange nämndens kod (till exempel VON) eller hela namn.",
                "Blad Nämndbudget, rad 4, kolumn C: Året 2019 ligger utanför Budget 2022–2024 (2021–2024).",
                "Blad Nämndbudget, rad 5, kolumn D: ”Personalkostnader” är en kostnad och anges med minustecken.",
                "Blad Nämndbudget, rad 6, kolumn B: ”Kaffe” är ingen kontogrupp. Använd en av: Verksamhetens intäkter, "
                        + "Personalkostnader, Lokalhyror, Köp av tjänster, Övriga kostnader, Verksamhetens kostnader, "
                        + "Verksamhetens nettokostnader, Kommunbidrag, Finansnetto, Årets resultat.",
                // the sum of 2024 as it would be after the import: Lokalhyror −5 from row 10, the other costs as budgeted
                "Blad Nämndbudget, rad 7, kolumn D: Verksamhetens kostnader 2024 ska vara summan av raderna, −1" + NB + "023" + NB
                        + "844 tkr, men filen anger −1 tkr.",
                "Blad Nämndbudget, rad 8, kolumn D: −1,2345 har fler än tre decimaler. Belopp i tkr anges med högst tre decimaler (hela kronor).",
                "Blad Nämndbudget, rad 9, kolumn A: Cellen är tom: ange nämnd.",
                "Blad Nämndbudget, rad 11, kolumn A: Raden upprepar rad 10 (samma nämnd, kontogrupp och år).",
                "Blad Nämndbudget, rad 12, kolumn A: Hemtjänst Norr är ingen nämnd. En detaljbudget läses in per nämnd.",
                "Blad Nämndbudget, rad 13, kolumn A: Du har inte behörighet att ändra budget och ekonomisk uppföljning för Socialnämnden.",
                "Blad Nämndbudget, rad 14, kolumn D: Kommunbidraget 2023 är 882" + NB + "503 tkr i driftbudgeten, men filen anger 1 tkr. "
                        + "Kommunbidraget för budgetens år ändras i driftbudgeten.",
                "Blad Nämndbudget, rad 15, kolumn C: ”2022,5” är inte ett år.");
        assertThat(result.problems().get(0)).extracting(ImportProblem::sheet, ImportProblem::row, ImportProblem::column)
                .containsExactly("Nämndbudget", 2, "D");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void everyBadCellOfAnOutcomeFileIsReportedTogetherAndNothingIsWritten() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        byte[] file = ImportFiles.outcomes(List.of(
                Arrays.asList("VOF-HN", 2022, 1, "Personalkostnader", -100),
                Arrays.asList("VOF-HN", 2022, 13, "Personalkostnader", -100),
                Arrays.asList("VOF-HN", 2022, 2, "Verksamhetens kostnader", -100),
                Arrays.asList("Okänd enhet", 2022, 2, "Personalkostnader", -100),
                Arrays.asList("VOF-HN", 2030, 2, "Personalkostnader", -100),
                Arrays.asList("VOF-HN", 2022, 3, "Personalkostnader", "12a"),
                Arrays.asList("VOF-HN", 2022, 4, "Verksamhetens intäkter", "-1 500,5"),
                Arrays.asList("81820", 2022, 4, "Lokalhyror", " "),
                Arrays.asList(81820, 2022, 4, "Personalkostnader", "−2,5"),
                Arrays.asList("KLK", 2022, 4, "Personalkostnader", -1),
                Arrays.asList("VOF-HN", 2022, 1, "PERSONALKOSTNADER", -100)));

        ImportService.Result result = imports.importOutcomes("utfall-fel.xlsx", file, ImportProgress.NONE);

        assertThat(texts(result)).containsExactly(
                "Blad Utfall, rad 3, kolumn C: ”13” är ingen månad. Ange 1–12.",
                "Blad Utfall, rad 4, kolumn D: ”Verksamhetens kostnader” räknas fram av raderna och läses inte in som utfall. Ta bort raden.",
                "Blad Utfall, rad 5, kolumn A: ”Okänd enhet” är ingen enhet i kommunen. Ange enhetens kod eller hela namn.",
                "Blad Utfall, rad 6, kolumn B: Året 2030 ligger utanför kommunens planperioder (2021–2024).",
                "Blad Utfall, rad 7, kolumn E: ”12a” är inte ett belopp i tkr.",
                "Blad Utfall, rad 8, kolumn E: ”Verksamhetens intäkter” anges som ett positivt belopp.",
                "Blad Utfall, rad 9, kolumn E: Cellen är tom: ange belopp i tkr.",
                "Blad Utfall, rad 11, kolumn A: Du har inte behörighet att ändra budget och ekonomisk uppföljning för Kommunledningskontoret.",
                "Blad Utfall, rad 12, kolumn A: Raden upprepar rad 2 (samma enhet, år, månad och kontogrupp).");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWorkbookOrLacksTheSheetOrHeadersIsRefused() throws Exception {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        assertThat(texts(imports.importOutcomes("utfall.csv", "Enhet;År;Månad\nVOF-HN;2022;1\n".getBytes(StandardCharsets.UTF_8),
                ImportProgress.NONE)))
                .containsExactly("Filen är inte en Excel-fil (.xlsx). Spara den som Excel-arbetsbok och försök igen.");
        assertThat(texts(imports.importOutcomes("tom.xlsx", new byte[0], ImportProgress.NONE)))
                .containsExactly("Filen är inte en Excel-fil (.xlsx). Spara den som Excel-arbetsbok och försök igen.");

        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook old = new HSSFWorkbook()) {
            old.createSheet("Utfall").createRow(0).createCell(0).setCellValue("Enhet");
            old.write(xls);
        }
        assertThat(texts(imports.importOutcomes("utfall.xls", xls.toByteArray(), ImportProgress.NONE)))
                .containsExactly("Filen är i det äldre Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) och försök igen.");

        byte[] wrongSheet = ImportFiles.sheet("Blad1", List.of(ImportFiles.OUTCOME_HEADERS, List.of("VOF-HN", 2022, 1, "Lokalhyror", -1)));
        assertThat(texts(imports.importOutcomes("blad1.xlsx", wrongSheet, ImportProgress.NONE)))
                .containsExactly("Filen saknar bladet ”Utfall”. Utgå från mallen på importsidan.");
        assertThat(texts(imports.importCommitteeBudgets(budget().id(), null, "blad1.xlsx", wrongSheet, ImportProgress.NONE)))
                .containsExactly("Filen saknar bladet ”Nämndbudget”. Utgå från mallen på importsidan.");

        byte[] wrongHeaders = ImportFiles.sheet("utfall", List.of(List.of("Enhet", "Year", "Månad"), List.of("VOF-HN", 2022, 1)));
        assertThat(texts(imports.importOutcomes("rubriker.xlsx", wrongHeaders, ImportProgress.NONE))).containsExactly(
                "Blad Utfall, rad 1, kolumn B: Rubriken ska vara ”År”, inte ”Year”.",
                "Blad Utfall, rad 1, kolumn D: Rubriken ”Kontogrupp” saknas.",
                "Blad Utfall, rad 1, kolumn E: Rubriken ”Belopp (tkr)” saknas.");

        assertThat(texts(imports.importOutcomes("tom.xlsx", ImportFiles.outcomes(List.of()), ImportProgress.NONE)))
                .containsExactly("Bladet ”Utfall” har inga rader att läsa in.");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void madeUpNumbersAndLongTextsGiveShortProblemsAndABadDimensionIsIgnored() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        List<List<Object>> rows = new ArrayList<>(List.of(ImportFiles.OUTCOME_HEADERS));
        for (int month = 1; month <= 5; month++) {
            rows.add(List.of("VOF-HN", 2022, month, "Lokalhyror", -month));
        }
        // Numbers no spreadsheet program writes: written out in full they would be a hundred million digits long.
        byte[] file = ImportFiles.edited("Utfall", rows, xml -> xml
                .replaceFirst("(<c r=\"E3\"[^>]*>)<v>[^<]*</v>", "$1<v>1E+99999999</v>")
                .replaceFirst("(<c r=\"B4\"[^>]*>)<v>[^<]*</v>", "$1<v>1E-99999999</v>")
                .replaceFirst("<c r=\"A5\"[^>]*><v>[^<]*</v></c>", "<c r=\"A5\"><v>1E+99999999</v></c>")
                .replaceFirst("<c r=\"A6\"[^>]*><v>[^<]*</v></c>",
                        "<c r=\"A6\" t=\"inlineStr\"><is><t>" + "x".repeat(100_000) + "</t></is></c>"));

        assertThat(texts(imports.importOutcomes("påhittad.xlsx", file, ImportProgress.NONE))).containsExactly(
                "Blad Utfall, rad 3, kolumn E: ”1E+99999999” är inte ett belopp i tkr.",
                "Blad Utfall, rad 4, kolumn B: ”1E-99999999” är inte ett år.",
                "Blad Utfall, rad 5, kolumn A: ”1E+99999999” är ingen enhet i kommunen. Ange enhetens kod eller hela namn.",
                "Blad Utfall, rad 6, kolumn A: ”" + "x".repeat(ExcelFile.MAX_TEXT) + "…” är ingen enhet i kommunen. "
                        + "Ange enhetens kod eller hela namn.");
        assertThat(database()).isEqualTo(before);

        // a dimension beyond any sheet's rows only leaves the progress without a total
        byte[] dimension = ImportFiles.edited("Utfall", rows,
                xml -> xml.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:E99999999999\"/>"));
        List<String> phases = new ArrayList<>();
        ImportService.Result result = imports.importOutcomes("dimension.xlsx", dimension, new ImportProgress() {
            @Override
            public void phase(ImportPhase phase, int total) {
                phases.add(phase + "/" + total);
            }

            @Override
            public void rows(int done) {
            }
        });
        assertThat(texts(result)).isEmpty();
        assertThat(result.rows()).isEqualTo(5);
        assertThat(phases).containsExactly("LASER/0", "LASER/0", "KONTROLLERAR/5", "SKRIVER/5");
    }

    /** Hears the most rows the reading reported, to see where it stopped. */
    private static final class MostRows implements ImportProgress {
        int most;

        @Override
        public void phase(ImportPhase phase, int total) {
        }

        @Override
        public void rows(int done) {
            most = Math.max(most, done);
        }
    }

    @Test
    void aSheetOfManyRowsStopsAtTheRowLimitWhileItIsRead() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        byte[] file = ImportFiles.streamedOutcomes(300_000, 0);
        assertThat(file.length).isLessThan(10 * 1024 * 1024); // passes the upload limit, and POI's ratio check
        MostRows progress = new MostRows();
        assertThat(texts(imports.importOutcomes("manga.xlsx", file, progress))).containsExactly(
                "Filen har fler än 100000 rader; högst 100000 läses in åt gången. Läsningen avbröts. Dela upp filen.");
        // the reading stopped at the limit instead of reading all 300 000 rows first
        assertThat(progress.most).isBetween(99_500, ImportService.MAX_ROWS + 1);
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aSheetThatUnpacksBeyondTheSizeLimitIsRefusedWhileItIsRead() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        // 20 000 rows of 2 500 characters: far below the row limit, about 50 MB unpacked
        byte[] file = ImportFiles.streamedOutcomes(20_000, 2_500);
        MostRows progress = new MostRows();
        assertThat(texts(imports.importOutcomes("lang.xlsx", file, progress))).containsExactly(
                "Filen packas upp till mer än 40 MB och läses inte in. Spara den som en vanlig Excel-arbetsbok med bara mallens kolumner, eller dela upp den.");
        assertThat(progress.most).isLessThan(20_000);
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aReaderMayNotImport() {
        SignedIn.as(users, "politiker");
        assertThat(imports.mayImport()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.importOutcomes("utfall.xlsx",
                        ImportFiles.outcomes(List.of(List.of("VOF-HN", 2022, 1, "Lokalhyror", -1))), ImportProgress.NONE))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** Seed 004, VON's detail budget 2022–2024 in tkr, with the derived rows and the grant as check sums. */
    static List<List<Object>> vonSeedRows() {
        Map<String, long[]> seed = new java.util.LinkedHashMap<>();
        seed.put("Verksamhetens intäkter", new long[] {194_228, 200_815, 208_231});
        seed.put("Personalkostnader", new long[] {-716_023, -740_347, -767_689});
        seed.put("Lokalhyror", new long[] {-93_000, -95_944, -99_487});
        seed.put("Köp av tjänster", new long[] {-161_998, -167_632, -173_823});
        seed.put("Övriga kostnader", new long[] {-76_763, -79_395, -82_327});
        // Plan 2024 printed −1 123 327: the seed rounds line by line; a check sum must be the rows' sum, −1 123 326.
        seed.put("Verksamhetens kostnader", new long[] {-1_047_784, -1_083_318, -1_123_326});
        seed.put("Verksamhetens nettokostnader", new long[] {-853_556, -882_503, -915_095});
        seed.put("Kommunbidrag", new long[] {853_556, 882_503, 915_095});
        seed.put("Finansnetto", new long[] {0, 0, 0});
        seed.put("Årets resultat", new long[] {0, 0, 0});
        List<List<Object>> rows = new ArrayList<>();
        seed.forEach((group, values) -> {
            for (int i = 0; i < 3; i++) {
                rows.add(List.of("VON", group, 2022 + i, values[i]));
            }
        });
        return rows;
    }

    @Test
    void aGoodDetailBudgetFileForVonReproducesTheSeedOnTheBudgetPage() throws Exception {
        SignedIn.as(users, "controller");
        long budgetId = budget().id();
        long von = unit("VON");
        // VON's 2022–2024 detail budget is emptied first, so the figures the page shows afterwards come from the file.
        jdbc.sql("delete from committee_budget_amount where budget_id = ? and org_unit_id = ? and year >= 2022").params(budgetId, von).update();
        assertThat(committeeTable(budgetId).row("PERSONALKOSTNADER").values()).containsExactly(-714_212_000L, null, null, null);

        ImportService.Result result = imports.importCommitteeBudgets(budgetId, budgets.budget(budgetId).version(), "von-2022-2024.xlsx",
                ImportFiles.committeeBudget(vonSeedRows()), ImportProgress.NONE);

        assertThat(texts(result)).isEmpty();
        assertThat(result.rows()).isEqualTo(30);
        EconomyTable t = committeeTable(budgetId);
        assertThat(t.row("VERKSAMHETENS_INTAKTER").values()).containsExactly(193_979_000L, 194_228_000L, 200_815_000L, 208_231_000L);
        assertThat(t.row("PERSONALKOSTNADER").values()).containsExactly(-714_212_000L, -716_023_000L, -740_347_000L, -767_689_000L);
        assertThat(t.row("KOP_AV_TJANSTER").values()).containsExactly(-131_710_000L, -161_998_000L, -167_632_000L, -173_823_000L);
        assertThat(t.row("VERKSAMHETENS_KOSTNADER").values()).containsExactly(-1_012_708_000L, -1_047_784_000L, -1_083_318_000L, -1_123_326_000L);
        assertThat(t.row("VERKSAMHETENS_NETTOKOSTNADER").values()).containsExactly(-818_729_000L, -853_556_000L, -882_503_000L, -915_095_000L);
        assertThat(t.row("ARETS_RESULTAT").values()).containsExactly(0L, 0L, 0L, 0L);
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'BUDGET' and object_id = ? order by id desc")
                .param(budgetId).query(String.class).list().get(0)).startsWith("Nämndbudget inläst från von-2022-2024.xlsx");

        String page = mvc.perform(get("/ekonomi/budget/" + budgetId).with(user(users.loadUserByUsername("controller"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Element table = org.jsoup.Jsoup.parse(page).getElementById("tabell-" + BudgetCalculator.COMMITTEE_PREFIX + von);
        assertThat(table).isNotNull();
        // jsoup reads the page's no-break spaces as spaces
        assertThat(table.select("tr:has(th:containsOwn(Personalkostnader)) td span:not(.printed)").eachText())
                .containsExactly("−714 212", "−716 023", "−740 347", "−767 689");
        assertThat(table.select("tr:has(th:containsOwn(Köp av tjänster)) td span:not(.printed)").eachText())
                .containsExactly("−131 710", "−161 998", "−167 632", "−173 823");
        assertThat(table.select("tr:has(th:containsOwn(Verksamhetens kostnader)) td span:not(.printed)").eachText())
                .containsExactly("−1 012 708", "−1 047 784", "−1 083 318", "−1 123 326");
    }

    private EconomyTable committeeTable(long budgetId) {
        return budgets.computed(budgetId).committees().get(unit("VON"));
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedAndNothingIsWritten() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        byte[] file = ImportFiles.encrypted(ImportFiles.outcomes(List.of(List.of("VOF-HN", 2022, 1, "Lokalhyror", -1))));
        assertThat(texts(imports.importOutcomes("skyddad.xlsx", file, ImportProgress.NONE))).containsExactly(
                "Filen är skyddad med lösenord och kan inte läsas. Spara den utan lösenord (Arkiv › Info › Skydda arbetsbok) och försök igen.");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aFormulaIsReadByTheValueExcelStoredAndRefusedWithoutOne() {
        SignedIn.as(users, "controller");
        List<Object> before = database();
        List<List<Object>> rows = List.of(List.of("VOF-HN", 2024, 3, "Lokalhyror", "-100-11"), List.of("VOF-HN", 2024, 4, "Lokalhyror", "-50*2"));
        assertThat(texts(imports.importOutcomes("formler.xlsx", ImportFiles.outcomeFormulas(rows, false), ImportProgress.NONE))).containsExactly(
                "Blad Utfall, rad 2, kolumn E: Cellen innehåller en formel utan sparat värde. Öppna filen i Excel och spara den, eller klistra in värdet (Klistra in special › Värden).",
                "Blad Utfall, rad 3, kolumn E: Cellen innehåller en formel utan sparat värde. Öppna filen i Excel och spara den, eller klistra in värdet (Klistra in special › Värden).");
        assertThat(database()).isEqualTo(before);

        assertThat(texts(imports.importOutcomes("formler.xlsx", ImportFiles.outcomeFormulas(rows, true), ImportProgress.NONE))).isEmpty();
        assertThat(jdbc.sql("select amount from economic_outcome where org_unit_id = ? and year = 2024 and account_group = 'LOKALHYROR' "
                + "and month in (3, 4) order by month").param(unit("VOF-HN")).query(Long.class).list()).containsExactly(-111_000L, -100_000L);
    }

    @Test
    void tenThousandOutcomeRowsImportWithTheirSums() {
        SignedIn.as(users, "admin");
        jdbc.sql("delete from economic_outcome").update();
        List<String> codes = organisation.units(budget().municipalityId()).stream().map(u -> u.code()).toList();
        List<List<Object>> rows = ImportFiles.outcomeRows(codes, List.of(2022, 2023, 2024, 2021), 10_000);
        byte[] file = ImportFiles.outcomes(rows);
        List<String> phases = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        ImportProgress progress = new ImportProgress() {
            @Override
            public void phase(ImportPhase phase, int total) {
                phases.add(phase + "/" + total);
            }

            @Override
            public void rows(int done) {
                counts.add(done);
            }
        };

        long start = System.nanoTime();
        ImportService.Result result = imports.importOutcomes("utfall-10000.xlsx", file, progress);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("10 000 utfallsrader inlästa på %d ms (fil %d byte)%n", millis, file.length);

        assertThat(texts(result)).isEmpty();
        assertThat(result.rows()).isEqualTo(10_000);
        assertThat(phases).containsExactly("LASER/0", "LASER/10000", "KONTROLLERAR/10000", "SKRIVER/10000");
        assertThat(counts).contains(500, 10_000);
        assertThat(jdbc.sql("select count(*) from economic_outcome").query(Long.class).single()).isEqualTo(10_000L);

        // VON's outcome to date is the sum of the file's rows for every unit under it
        long von = unit("VON");
        Set<Long> subtree = organisation.subtree(von);
        Map<String, Long> ids = new HashMap<>();
        organisation.units(budget().municipalityId()).forEach(u -> ids.put(u.code(), u.id()));
        for (int month : List.of(6, 12)) {
            Map<AccountGroup, Long> expected = new EnumMap<>(AccountGroup.class);
            for (List<Object> row : rows) {
                if (subtree.contains(ids.get((String) row.get(0))) && (int) row.get(1) == 2023 && (int) row.get(2) <= month) {
                    AccountGroup group = Arrays.stream(AccountGroup.values())
                            .filter(g -> ImportFiles.OUTCOME_GROUPS.indexOf(row.get(3)) == AccountGroup.typed().indexOf(g))
                            .findFirst().orElseThrow();
                    expected.merge(group, ((BigDecimal) row.get(4)).movePointRight(3).longValueExact(), Long::sum);
                }
            }
            assertThat(expected).isNotEmpty();
            assertThat(outcomes.toDate(von, 2023, month)).isEqualTo(AccountGroup.complete(expected));
        }
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'UTFALL' order by id desc").query(String.class).list().get(0))
                .isEqualTo("Utfall inlästa (utfall-10000.xlsx): 10000 rader");

        // the same file again replaces the rows rather than adding to them
        assertThat(imports.importOutcomes("utfall-10000.xlsx", file, ImportProgress.NONE).rows()).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from economic_outcome").query(Long.class).single()).isEqualTo(10_000L);
    }

    @Autowired
    ImportTemplate templates;

    @Test
    void theTemplatesImportAsTheyAre() {
        SignedIn.as(users, "controller");
        Budget budget = budget();
        List<Object> before = database();
        ImportService.Result budgetResult = imports.importCommitteeBudgets(budget.id(), null, "mall.xlsx",
                templates.committeeBudget(budget), ImportProgress.NONE);
        assertThat(texts(budgetResult)).isEmpty();
        assertThat(budgetResult.rows()).isEqualTo(4 * 6 + 1);
        assertThat(database()).as("the detail-budget template holds VON's figures as they are: nothing to write").isEqualTo(before);

        ImportService.Result outcomeResult = imports.importOutcomes("mall.xlsx", templates.outcomes(2022), ImportProgress.NONE);
        assertThat(texts(outcomeResult)).isEmpty();
        assertThat(outcomeResult.rows()).isEqualTo(10);
    }
}
