package se.styr.economy.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.platform.excel.ImportJobs;
import se.styr.platform.excel.ImportPhase;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.budget.BudgetService;

/**
 * The import page, its background job and the API through MockMvc: upload (multipart), polling until the job has
 * ended, the templates, rights. The jobs run on their own threads and commit, so the outcome rows this test writes
 * for one unit are put back as they were afterwards.
 */
@StyrIntegrationTest
@se.styr.OwnDatabase
class ImportWebTest {

    private static final String UNIT = "VOF-HN";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    BudgetService budgets;
    @Autowired
    JdbcClient jdbc;

    private List<Map<String, Object>> savedOutcomes;
    private long unitId;

    @BeforeEach
    void keepTheUnitsOutcomes() {
        unitId = jdbc.sql("select id from org_unit where code = ?").param(UNIT).query(Long.class).single();
        savedOutcomes = jdbc.sql("select * from economic_outcome where org_unit_id = ?").param(unitId).query().listOfRows();
    }

    @AfterEach
    void putTheOutcomesBack() {
        SecurityContextHolder.clearContext();
        jdbc.sql("delete from economic_outcome where org_unit_id = ?").param(unitId).update();
        for (Map<String, Object> row : savedOutcomes) {
            jdbc.sql("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (:org_unit_id, :year, :month, :account_group, :amount)")
                    .params(row).update();
        }
    }

    private UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    private static MockMultipartFile xlsx(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, ExcelExport.XLSX.toString(), bytes);
    }

    private long outcomeRows() {
        return jdbc.sql("select count(*) from economic_outcome").query(Long.class).single();
    }

    /** Uploads on the page and returns the job page's address it is sent on to. */
    private String upload(MockMultipartHttpServletRequestBuilder request, String username) throws Exception {
        String location = mvc.perform(request.with(user(as(username))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/ekonomi/import/jobb/[0-9a-f-]{36}");
        return location;
    }

    /** Polls as htmx does until the job has ended, and returns the last fragment; every answer is a fragment. */
    private Document pollUntilEnded(String job, String username) {
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String fragment = mvc.perform(get(job).header("HX-Request", "true").with(user(as(username))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            seen.add(fragment);
            return !fragment.contains("hx-trigger");
        });
        for (String fragment : seen) {
            assertThat(fragment).startsWith("<div").doesNotContain("<html", "<header");
        }
        Document last = Jsoup.parse(seen.get(seen.size() - 1));
        assertThat(last.getElementById("importlage")).isNotNull();
        return last;
    }

    @Test
    void aFileWithErrorsListsThemAllAndWritesNothing() throws Exception {
        long before = outcomeRows();
        byte[] file = ImportFiles.outcomes(List.of(
                List.of(UNIT, 2022, 1, "Personalkostnader", -100),
                List.of(UNIT, 2022, 13, "Personalkostnader", -100),
                List.of("Okänd", 2022, 2, "Personalkostnader", -100),
                List.of(UNIT, 2022, 2, "Lokalhyror", 100),
                List.of(UNIT, 2022, 3, "Årets resultat", -100),
                List.of(UNIT, 2022, 4, "Personalkostnader", "12a")));
        String job = upload(multipart("/ekonomi/import/utfall").file(xlsx("utfall-med-fel.xlsx", file)), "controller");

        Document result = pollUntilEnded(job, "controller");
        assertThat(result.select("#importfel h2").text()).isEqualTo("Filen utfall-med-fel.xlsx kunde inte läsas in. Ingenting har ändrats.");
        assertThat(result.select("#importfel li").eachText()).containsExactly(
                "Blad Utfall, rad 3, kolumn C: ”13” är ingen månad. Ange 1–12.",
                "Blad Utfall, rad 4, kolumn A: ”Okänd” är ingen enhet i kommunen. Ange enhetens kod eller hela namn.",
                "Blad Utfall, rad 5, kolumn E: ”Lokalhyror” är en kostnad och anges med minustecken.",
                "Blad Utfall, rad 6, kolumn D: ”Årets resultat” räknas fram av raderna och läses inte in som utfall. Ta bort raden.",
                "Blad Utfall, rad 7, kolumn E: ”12a” är inte ett belopp i tkr.");
        assertThat(outcomeRows()).isEqualTo(before);

        // the whole page, as after a reload without JavaScript
        String page = mvc.perform(get(job).with(user(as("controller")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("Import av utfall-med-fel.xlsx");
        assertThat(Jsoup.parse(page).select("#importfel li")).hasSize(5);
    }

    @Test
    void aGoodFileShowsProgressAndImports() throws Exception {
        List<List<Object>> rows = ImportFiles.outcomeRows(List.of(UNIT), List.of(2023), 84);
        String job = upload(multipart("/ekonomi/import/utfall").file(xlsx("utfall-hemtjanst-norr.xlsx", ImportFiles.outcomes(rows))), "controller");

        // while it runs, or already ended, the page shows a progress bar or the result in a polite live region
        String page = mvc.perform(get(job).with(user(as("controller")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("[aria-live=polite] #importlage")).hasSize(1);
        assertThat(doc.select("#importlage progress").size() + doc.select("#importlage .notice").size()).isEqualTo(1);

        Document result = pollUntilEnded(job, "controller");
        assertThat(result.select(".notice").text()).isEqualTo("Filen utfall-hemtjanst-norr.xlsx är inläst: 84 rader.");
        assertThat(jdbc.sql("select count(*) from economic_outcome where org_unit_id = ? and year = 2023").param(unitId)
                .query(Long.class).single()).isEqualTo(84L);
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'UTFALL' order by id desc").query(String.class).list().get(0))
                .isEqualTo("Utfall inlästa (utfall-hemtjanst-norr.xlsx): 84 rader");

        // someone else cannot see the job
        mvc.perform(get(job).with(user(as("admin")))).andExpect(status().isNotFound());
    }

    @Autowired
    ImportJobs jobs;

    @Autowired
    se.styr.accounts.Access access;

    @Test
    void whileAJobRunsItsFragmentShowsTheProgressAndPollsEveryHalfSecond() throws Exception {
        SignedIn.as(users, "controller");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String job = jobs.start(access.municipalityId(), ImportService.Kind.UTFALL.name(), "stor.xlsx", null, progress -> {
            progress.phase(ImportPhase.KONTROLLERAR, 10_000);
            progress.rows(1_500);
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ImportService.Result(ImportService.Kind.UTFALL, "stor.xlsx", 10_000, List.of());
        });
        String url = "/ekonomi/import/jobb/" + job;
        try {
            // the progress reaches the table with the job's next heartbeat
            await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> jobs.find(access.municipalityId(), job).orElseThrow().done() == 1_500);
            Document doc = Jsoup.parse(mvc.perform(get(url).header("HX-Request", "true").with(user(as("controller"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(doc.select("#importlage").attr("hx-get")).isEqualTo(url);
            assertThat(doc.select("#importlage").attr("hx-trigger")).isEqualTo("every 500ms");
            assertThat(doc.select("#importlage").attr("hx-swap")).isEqualTo("outerHTML");
            assertThat(doc.select("label[for=importforlopp]").text()).isEqualTo("Kontrollerar raderna");
            assertThat(doc.select("progress#importforlopp").attr("max")).isEqualTo("10000");
            assertThat(doc.select("progress#importforlopp").attr("value")).isEqualTo("1500");
            assertThat(doc.select("#importlage p").eachText()).contains("1 500 av 10 000 rader");
            assertThat(doc.select("#importlage a").attr("href")).isEqualTo(url);

            // a boosted visit gets the whole page, and htmx is told to show the job's address
            mvc.perform(get(url).header("HX-Request", "true").header("HX-Boosted", "true").with(user(as("controller"))))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("HX-Push-Url", url))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>Import av stor.xlsx</h1>")));
        } finally {
            release.countDown();
        }
        SignedIn.as(users, "controller"); // MockMvc's user() has cleared this thread's sign-in
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> !jobs.find(access.municipalityId(), job).orElseThrow().running());
        assertThat(jobs.find(access.municipalityId(), job).orElseThrow().phase()).isEqualTo(ImportPhase.KLAR);
        Document done = Jsoup.parse(mvc.perform(get(url).header("HX-Request", "true").with(user(as("controller"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(done.select("#importlage").hasAttr("hx-trigger")).as("polling stops").isFalse();
        assertThat(done.select(".notice").text()).isEqualTo("Filen stor.xlsx är inläst: 10 000 rader.");
    }

    @Test
    void aGoodDetailBudgetUploadRunsAsAJobToo() throws Exception {
        long budgetId = budgetId();
        // the template holds VON's figures as they are: read in, it changes nothing
        byte[] template = mvc.perform(get("/ekonomi/import/mall/namndbudget.xlsx").with(user(as("controller"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String job = upload(multipart("/ekonomi/import/namndbudget").file(xlsx("mall.xlsx", template))
                .param("budgetId", String.valueOf(budgetId)), "controller");
        Document result = pollUntilEnded(job, "controller");
        assertThat(result.select(".notice").text()).isEqualTo("Filen mall.xlsx är inläst: 25 rader.");
        assertThat(result.select("a[href=/ekonomi/budget/" + budgetId + "]")).hasSize(1);
    }

    private long budgetId() {
        SignedIn.as(users, "politiker");
        long id = budgets.forYear(2022).orElseThrow().id();
        SecurityContextHolder.clearContext();
        return id;
    }

    @Test
    void theTemplatesHaveTheirHeadersInstructionsAndExamples() throws Exception {
        for (String kind : List.of("utfall", "namndbudget")) {
            byte[] body = mvc.perform(get("/ekonomi/import/mall/" + kind + ".xlsx").with(user(as("politiker"))))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(ExcelExport.XLSX))
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                ImportService.Kind k = kind.equals("utfall") ? ImportService.Kind.UTFALL : ImportService.Kind.NAMNDBUDGET;
                assertThat(workbook.getSheetName(0)).isEqualTo(k.sheet());
                assertThat(workbook.getSheetName(1)).isEqualTo("Instruktioner");
                Row header = workbook.getSheetAt(0).getRow(0);
                List<String> headers = new ArrayList<>();
                header.forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(headers).isEqualTo(k.headers());
                assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(2);
                Sheet help = workbook.getSheet("Instruktioner");
                assertThat(help.getRow(0).getCell(0).getStringCellValue()).startsWith("Så fyller du i mallen");
                StringBuilder all = new StringBuilder();
                help.forEach(r -> all.append(r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue()).append('\n'));
                assertThat(all).contains("minustecken", "helt eller inte alls");
            }
        }
        byte[] budget = mvc.perform(get("/ekonomi/import/mall/namndbudget.xlsx").with(user(as("controller"))))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(budget))) {
            Row first = workbook.getSheetAt(0).getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("VON");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Verksamhetens intäkter");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(2021d);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(193_979d);
        }
    }

    @Test
    void aReaderSeesThePageButMayNotUpload() throws Exception {
        String page = mvc.perform(get("/ekonomi/import").with(user(as("politiker")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("form[enctype=multipart/form-data]")).isEmpty();
        assertThat(doc.select("a[href=/ekonomi/import/mall/utfall.xlsx]")).hasSize(1);
        byte[] file = ImportFiles.outcomes(List.of(List.of(UNIT, 2022, 1, "Lokalhyror", -1)));
        mvc.perform(multipart("/ekonomi/import/utfall").file(xlsx("u.xlsx", file)).with(user(as("politiker"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/ekonomi/import/namndbudget").file(xlsx("u.xlsx", file)).param("budgetId", String.valueOf(budgetId()))
                        .with(user(as("politiker"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/outcomes/import").file(xlsx("u.xlsx", file)).with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theControllersPageHasBothFormsAndAnUploadWithoutAFileIsRefused() throws Exception {
        Document doc = Jsoup.parse(mvc.perform(get("/ekonomi/import").with(user(as("controller")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(doc.select("form[enctype=multipart/form-data]")).hasSize(2);
        assertThat(doc.select("label[for=namndbudget-fil]")).hasSize(1);
        assertThat(doc.select("label[for=utfall-fil]")).hasSize(1);
        assertThat(doc.select("select#budgetId option").eachText()).contains("Budget 2022–2024, version 1");

        String refused = mvc.perform(multipart("/ekonomi/import/utfall").with(user(as("controller"))).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document again = Jsoup.parse(refused);
        assertThat(again.select(".error-summary a[href=#utfall-fil]").text()).isEqualTo("Välj en Excel-fil (.xlsx) att läsa in.");
        assertThat(again.select("#utfall-fil").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    @Transactional
    void theApiImportsOrAnswersProblemJsonWithEveryError() throws Exception {
        byte[] bad = ImportFiles.outcomes(List.of(
                List.of(UNIT, 2022, 1, "Personalkostnader", "12a"),
                List.of(UNIT, 2019, 1, "Personalkostnader", -1)));
        long before = outcomeRows();
        mvc.perform(multipart("/api/v1/outcomes/import").file(xlsx("api.xlsx", bad)).with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Filen kunde inte läsas in"))
                .andExpect(jsonPath("$.detail").value("Filen innehåller 2 fel. Ingenting har ändrats."))
                .andExpect(jsonPath("$.errors[0].sheet").value("Utfall"))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("E"))
                .andExpect(jsonPath("$.errors[0].text").value("Blad Utfall, rad 2, kolumn E: ”12a” är inte ett belopp i tkr."))
                .andExpect(jsonPath("$.errors[1].text").value("Blad Utfall, rad 3, kolumn B: Året 2019 ligger utanför kommunens planperioder (2021–2024)."));
        assertThat(outcomeRows()).isEqualTo(before);

        byte[] good = ImportFiles.outcomes(ImportFiles.outcomeRows(List.of(UNIT), List.of(2024), 14));
        mvc.perform(multipart("/api/v1/outcomes/import").file(xlsx("api.xlsx", good)).with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("UTFALL"))
                .andExpect(jsonPath("$.rows").value(14));

        byte[] budget = ImportFiles.committeeBudget(List.of(List.of("VON", "Lokalhyror", 2023, -95_945)));
        mvc.perform(multipart("/api/v1/budgets/" + budgetId() + "/committee-budgets/import").file(xlsx("von.xlsx", budget))
                        .with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(1));
        byte[] stale = ImportFiles.committeeBudget(List.of(List.of("VON", "Lokalhyror", 2023, -95_946)));
        mvc.perform(multipart("/api/v1/budgets/" + budgetId() + "/committee-budgets/import").file(xlsx("von.xlsx", stale))
                        .param("version", "0").with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isConflict());
    }

    @Test
    void theApiAnswersARequestWithoutTheFileInSwedish() throws Exception {
        long before = outcomeRows();
        byte[] file = ImportFiles.outcomes(List.of(List.of(UNIT, 2022, 1, "Lokalhyror", -1)));
        // not multipart at all: the file as the body, or JSON
        mvc.perform(post("/api/v1/outcomes/import").contentType(MediaType.APPLICATION_OCTET_STREAM).content(file)
                        .with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Filen kunde inte läsas in"))
                .andExpect(jsonPath("$.detail").value("Skicka Excel-filen (.xlsx) som multipart/form-data i delen ”file”."));
        mvc.perform(post("/api/v1/budgets/" + budgetId() + "/committee-budgets/import").contentType(MediaType.APPLICATION_JSON)
                        .content("{}").with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value("Skicka Excel-filen (.xlsx) som multipart/form-data i delen ”file”."));
        // multipart, but the file in a part of another name
        mvc.perform(multipart("/api/v1/outcomes/import").file(new MockMultipartFile("fil", "u.xlsx", ExcelExport.XLSX.toString(), file))
                        .with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Begäran saknar filen: skicka Excel-filen (.xlsx) i delen ”file”."));
        // an empty file is no workbook
        mvc.perform(multipart("/api/v1/outcomes/import").file(xlsx("tom.xlsx", new byte[0])).with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].text").value("Filen är inte en Excel-fil (.xlsx). Spara den som Excel-arbetsbok och försök igen."));
        assertThat(outcomeRows()).isEqualTo(before);
    }

    @Test
    void theImportApiIsInTheOpenApiDocument() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(user(as("politiker")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/v1/outcomes/import", "/api/v1/budgets/{id}/committee-budgets/import",
                "Ekonomi: import från Excel", "multipart/form-data");
    }
}
