package se.styr.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.styr.EmptyDatabase;
import se.styr.SignedIn;
import se.styr.platform.excel.ImportProblem;
import se.styr.platform.excel.ImportProgress;

/**
 * A municipality that is not Alingsås brought in from workbooks the test builds, on a database of its own: the
 * organisation, the people with their roles and a small goal chain, each previewed and then imported; read back they
 * change nothing. A file with one wrong row writes nothing; a confirmation after the data changed writes nothing; the
 * whole flow through the API (upload, job, preview, confirm); the rights of a controller and a reporter.
 */
@SpringBootTest(properties = {"styr.demo.enabled=false", "styr.setup.municipality-name=Lerums kommun",
        "styr.setup.kolada-id=1441", "styr.setup.admin-username=lea", "styr.setup.admin-name=Lea Admin",
        "styr.setup.admin-password=ett långt lösenord för lerum"})
@AutoConfigureMockMvc
@Tag("db")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferNewMunicipalityTest {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "transfer");
    }

    @Autowired
    Transfer transfer;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static List<String> texts(TransferResult r) {
        return r.problems().stream().map(ImportProblem::text).toList();
    }

    /** Checks, then imports with the preview as confirmed; returns the preview. */
    private Preview importWhole(TransferKind kind, String name, byte[] file) {
        TransferResult checked = transfer.check(kind, name, file, ImportProgress.NONE);
        assertThat(texts(checked)).isEmpty();
        TransferResult written = transfer.importFile(kind, name, file, checked.changes(), ImportProgress.NONE);
        assertThat(texts(written)).isEmpty();
        assertThat(written.written()).isTrue();
        assertThat(written.changes()).isEqualTo(checked.changes());
        return checked.changes();
    }

    static byte[] organisation() {
        return Workbooks.of(Map.of("Organisation", Workbooks.rows(OrganisationTransfer.HEADERS,
                Workbooks.row(null, "KS", "Kommunstyrelsen", "Kommunstyrelse", "KF", 1, "Ja"),
                Workbooks.row(null, "BUN", "Barn- och utbildningsnämnden", "Nämnd", "KS", 1, "Ja"),
                Workbooks.row(null, "SBN", "Samhällsbyggnadsnämnden", "Nämnd", "KS", 2, "Ja"),
                Workbooks.row(null, "BUF", "Barn- och utbildningsförvaltningen", "Förvaltning", "BUN", 1, "Ja"),
                Workbooks.row(null, "30110", "Aspenässkolan", "Enhet", "BUF", 1, "Ja"))));
    }

    static byte[] people() {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Personer", Workbooks.rows(PeopleTransfer.PEOPLE_HEADERS,
                Workbooks.row("cissi", "Cissi Controller", "cissi@lerum.example", "Ja"),
                Workbooks.row("rolf", "Rolf Rektor", null, "Ja")));
        sheets.put("Roller", Workbooks.rows(PeopleTransfer.ROLE_HEADERS,
                Workbooks.row("cissi", "Controller", "BUN"),
                Workbooks.row("rolf", "Rapportör", "30110"),
                Workbooks.row("rolf", "Läsare", null)));
        return Workbooks.of(sheets);
    }

    static byte[] chain() {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Fokusområden", Workbooks.rows(ChainSheet.FOKUSOMRADEN.headers(),
                Workbooks.row("F1", "Plan 2024–2026", "Lärande")));
        sheets.put("Prioriterade mål", Workbooks.rows(ChainSheet.PRIORITERADE_MAL.headers(),
                Workbooks.row("P1", "F1", "Plan 2024–2026", "Alla elever når målen", "Beskrivning av målet")));
        sheets.put("Indikatorer", Workbooks.rows(ChainSheet.INDIKATORER.headers(),
                Workbooks.row("I1", "P1", null, "Elever i år 9 som är behöriga till yrkesprogram, andel (%)", null, "Ska öka", "%",
                        "Kolada", "n15436", "Ja", 2)));
        sheets.put("Nämndmål", Workbooks.rows(ChainSheet.NAMNDMAL.headers(),
                Workbooks.row("N1", "P1", "BUN", null, "Fler elever blir behöriga", null, "I1", "Läsning och matematik", 4, "4.1")));
        sheets.put("Kritiska faktorer", Workbooks.rows(ChainSheet.KRITISKA_FAKTORER.headers(),
                Workbooks.row("K1", "BUF", "Plan 2024–2026", "Lärarbehörighet", null, "Medarbetare", "Tertialvis")));
        sheets.put("Nyckeltal", Workbooks.rows(ChainSheet.NYCKELTAL.headers(),
                Workbooks.row("Y1", "N1", "BUN", null, "Behöriga elever (%)", null, "Ska öka", "%", "Kolada", "N15436", "Ja", null),
                Workbooks.row("Y2", "K1", "BUF", null, "Legitimerade lärare (%)", null, "Ska öka", "%", "Skolverket", null, "Nej", null)));
        sheets.put("Internkontroll", Workbooks.rows(ChainSheet.INTERNKONTROLL.headers(),
                Workbooks.row(null, "BUN", "Plan 2024–2026", "Attest av fakturor", null, "Ekonomi", 9, "Stickprov", "Controller",
                        "Delårsbokslut", "Två gånger per år")));
        sheets.put("Uppdrag", Workbooks.rows(ChainSheet.UPPDRAG.headers(),
                Workbooks.row(null, "N1", "BUN", null, "Utred fritidshemmen", null, "KS", "2025-06-30", "Påbörjad")));
        sheets.put("Värden", Workbooks.rows(ChainSheet.VALUE_HEADERS,
                Workbooks.row("I1", 2023, 81.4, null),
                Workbooks.row("I1", 2024, null, 85),
                Workbooks.row("Y1", 2024, "83,5", 86)));
        return Workbooks.of(sheets);
    }

    @Test
    @Order(1)
    void theOrganisationThePeopleAndTheGoalChainAreImportedAndReadBackChangeNothing() {
        SignedIn.as(users, "lea");
        long municipality = count("select id from municipality");
        jdbc.sql("insert into plan_period (municipality_id, name, first_year, last_year) values (?, 'Plan 2024–2026', 2024, 2026)")
                .param(municipality).update();

        Preview org = importWhole(TransferKind.ORGANISATION, "organisation.xlsx", organisation());
        assertThat(org.sheets()).containsExactly(new Preview.SheetChanges("Organisation", 5, 0, 0));
        assertThat(jdbc.sql("select p.code from org_unit u join org_unit p on p.id = u.parent_id where u.code = '30110'")
                .query(String.class).single()).isEqualTo("BUF");
        assertThat(count("select count(*) from audit_entry where object_type = 'org_unit' and summary like '%(import från organisation.xlsx)'"))
                .isEqualTo(5);

        Preview people = importWhole(TransferKind.PERSONER, "personer.xlsx", people());
        assertThat(people.sheets()).containsExactly(new Preview.SheetChanges("Personer", 2, 0, 0),
                new Preview.SheetChanges("Roller", 3, 0, 0));
        assertThat(count("select count(*) from role_assignment r join app_user u on u.id = r.user_id where u.username = 'rolf'")).isEqualTo(2);

        Preview chain = importWhole(TransferKind.STYRKEDJA, "styrkedja.xlsx", chain());
        assertThat(chain.created()).isEqualTo(9 + 3);
        assertThat(count("select count(*) from goal_object")).isEqualTo(9);
        assertThat(jdbc.sql("select kolada_id from goal_object where kind = 'INDIKATOR'").query(String.class).single()).isEqualTo("N15436");
        assertThat(jdbc.sql("select i.title from goal_object n join goal_object i on i.id = n.linked_indicator_id where n.kind = 'NAMNDMAL'")
                .query(String.class).single()).startsWith("Elever i år 9");
        assertThat(jdbc.sql("select target from measure_value v join goal_object o on o.id = v.object_id where o.kind = 'NYCKELTAL'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("86");
        assertThat(count("select count(*) from audit_entry where object_type = 'goal_object' and summary like '%(import från styrkedja.xlsx)'"))
                .isEqualTo(9);

        for (TransferKind kind : TransferKind.values()) {
            TransferResult again = transfer.check(kind, "export.xlsx", transfer.export(kind), ImportProgress.NONE);
            assertThat(texts(again)).as(kind.name()).isEmpty();
            assertThat(again.changes().changesNothing()).as(kind.name()).isTrue();
        }
        // the same files again: everything is there already
        assertThat(transfer.check(TransferKind.PERSONER, "personer.xlsx", people(), ImportProgress.NONE).changes().changesNothing()).isTrue();
        assertThat(transfer.check(TransferKind.ORGANISATION, "organisation.xlsx", organisation(), ImportProgress.NONE).changes()
                .changesNothing()).isTrue();
    }

    @Test
    @Order(2)
    void aFileWithOneWrongRowWritesNothingAndAStalePreviewIsNotWritten() {
        SignedIn.as(users, "lea");
        long objects = count("select count(*) from goal_object");
        long audit = count("select count(*) from audit_entry");
        long focusArea = count("select id from goal_object where kind = 'FOKUSOMRADE'");
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Fokusområden", Workbooks.rows(ChainSheet.FOKUSOMRADEN.headers(),
                Workbooks.row(focusArea, "Plan 2024–2026", "Lärande och utveckling"),
                Workbooks.row(null, "Plan 2024–2026", "Trygghet")));
        sheets.put("Arbetsmiljömål", Workbooks.rows(ChainSheet.ARBETSMILJOMAL.headers(),
                Workbooks.row(null, "BUN", "Plan 2024–2026", "x".repeat(501))));
        TransferResult result = transfer.importFile(TransferKind.STYRKEDJA, "fel.xlsx", Workbooks.of(sheets), null, ImportProgress.NONE);
        assertThat(result.written()).isFalse();
        assertThat(texts(result)).containsExactly("Blad Arbetsmiljömål, rad 2, kolumn D: Titeln får vara högst 500 tecken.");
        assertThat(count("select count(*) from goal_object")).isEqualTo(objects);
        assertThat(count("select count(*) from audit_entry")).isEqualTo(audit);
        assertThat(jdbc.sql("select title from goal_object where id = ?").param(focusArea).query(String.class).single()).isEqualTo("Lärande");

        // a preview that no longer holds: the focus area was renamed by hand in between
        byte[] rename = Workbooks.of(Map.of("Fokusområden", Workbooks.rows(ChainSheet.FOKUSOMRADEN.headers(),
                Workbooks.row(focusArea, "Plan 2024–2026", "Lärande och utveckling"))));
        TransferResult checked = transfer.check(TransferKind.STYRKEDJA, "namn.xlsx", rename, ImportProgress.NONE);
        assertThat(checked.changes().changes()).containsExactly(
                "Fokusområden rad 2: Fokusområde ”Lärande” ändras: Titel");
        jdbc.sql("update goal_object set title = 'Lärande och utveckling' where id = ?").param(focusArea).update();
        TransferResult stale = transfer.importFile(TransferKind.STYRKEDJA, "namn.xlsx", rename, checked.changes(), ImportProgress.NONE);
        assertThat(texts(stale)).containsExactly("Styrs data har ändrats sedan filen kontrollerades, så importen skulle nu göra något "
                + "annat än det du bekräftade. Ingenting har ändrats; kontrollera filen igen.");
        jdbc.sql("update goal_object set title = 'Lärande' where id = ?").param(focusArea).update();
    }

    @Test
    @Order(3)
    void aControllerChangesTheChainOnlyWithinTheirScopeAndAReporterIsRefused() throws Exception {
        // as if the imported people had chosen their own passwords
        jdbc.sql("update app_user set must_change_password = false where username in ('cissi', 'rolf')").update();
        SignedIn.as(users, "cissi");
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Arbetsmiljömål", Workbooks.rows(ChainSheet.ARBETSMILJOMAL.headers(),
                Workbooks.row(null, "BUN", "Plan 2024–2026", "Sjukfrånvaron ska minska"),
                Workbooks.row(null, "SBN", "Plan 2024–2026", "Inte min nämnd")));
        TransferResult result = transfer.check(TransferKind.STYRKEDJA, "cissi.xlsx", Workbooks.of(sheets), ImportProgress.NONE);
        assertThat(texts(result)).hasSize(1);
        assertThat(result.problems().get(0)).extracting(ImportProblem::sheet, ImportProblem::row, ImportProblem::column)
                .containsExactly("Arbetsmiljömål", 3, "B");

        MockMultipartFile file = new MockMultipartFile("file", "styrkedja.xlsx", se.styr.platform.excel.ExcelHttp.XLSX.toString(), chain());
        mvc.perform(multipart("/api/v1/imports/styrkedja").file(file).with(user(users.loadUserByUsername("rolf"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/imports/personer").file(file).with(user(users.loadUserByUsername("cissi"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/import-export").with(user(users.loadUserByUsername("cissi")))).andExpect(status().isOk());
    }

    @Test
    @Order(4)
    void throughTheApiAFileIsUploadedPreviewedConfirmedAndImported() throws Exception {
        var lea = user(users.loadUserByUsername("lea"));
        byte[] file = Workbooks.of(Map.of("Arbetsmiljömål", Workbooks.rows(ChainSheet.ARBETSMILJOMAL.headers(),
                Workbooks.row(null, "SBN", "Plan 2024–2026", "Frisknärvaron ska öka"))));
        String body = mvc.perform(multipart("/api/v1/imports/styrkedja")
                        .file(new MockMultipartFile("file", "api.xlsx", se.styr.platform.excel.ExcelHttp.XLSX.toString(), file)).with(lea).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get("/api/v1/imports/jobs/" + id).with(lea)).andReturn()
                .getResponse().getContentAsString().contains("\"phase\":\"GRANSKAS\""));
        mvc.perform(get("/api/v1/imports/jobs/" + id).with(lea)).andExpect(jsonPath("$.awaitingConfirmation").value(true))
                .andExpect(jsonPath("$.preview.sheets[4].sheet").value("Arbetsmiljömål"))
                .andExpect(jsonPath("$.preview.sheets[4].created").value(1));
        assertThat(count("select count(*) from goal_object where title = 'Frisknärvaron ska öka'")).isZero();

        // the page shows the same preview with the button that confirms it
        Document page = Jsoup.parse(mvc.perform(get("/import-export/jobb/" + id).with(lea)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#andringar li").eachText()).containsExactly(
                "Arbetsmiljömål rad 2: ny Arbetsmiljömål ”Frisknärvaron ska öka”");
        assertThat(page.select("form[action$=/bekrafta] button").text()).isEqualTo("Bekräfta och läs in");

        mvc.perform(post("/api/v1/imports/jobs/" + id + "/confirm").with(lea).with(csrf())).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get("/api/v1/imports/jobs/" + id).with(lea)).andReturn()
                .getResponse().getContentAsString().contains("\"phase\":\"KLAR\""));
        assertThat(count("select count(*) from goal_object where title = 'Frisknärvaron ska öka'")).isEqualTo(1);
        mvc.perform(post("/api/v1/imports/jobs/" + id + "/confirm").with(lea).with(csrf())).andExpect(status().isConflict());
        // someone else does not see the job
        mvc.perform(get("/api/v1/imports/jobs/" + id).with(user(users.loadUserByUsername("cissi")))).andExpect(status().isNotFound());
        // export and template downloads
        mvc.perform(get("/api/v1/exports/styrkedja").with(lea)).andExpect(status().isOk());
        mvc.perform(get("/import-export/organisation/mall.xlsx").with(lea)).andExpect(status().isOk());
    }
}
