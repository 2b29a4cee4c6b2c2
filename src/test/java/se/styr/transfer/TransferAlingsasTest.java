package se.styr.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.platform.excel.ImportProblem;
import se.styr.platform.excel.ImportProgress;

/**
 * Import och export on the demo's Alingsås: each workbook exported and read back changes nothing; every kind of
 * error is reported with its sheet, row and column; a check writes nothing; the rights of each role. Only checks run
 * here (a check rolls its transaction back), so the shared demo data stay as they are.
 */
@StyrIntegrationTest
class TransferAlingsasTest {

    @Autowired
    Transfer transfer;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private TransferResult check(TransferKind kind, byte[] file) {
        return transfer.check(kind, "fil.xlsx", file, ImportProgress.NONE);
    }

    private static List<String> texts(TransferResult r) {
        return r.problems().stream().map(ImportProblem::text).toList();
    }

    @Test
    void theGoalChainExportedAndReadBackChangesNothing() {
        SignedIn.as(users, "admin");
        long objects = count("goal_object");
        long values = count("measure_value");
        long audit = count("audit_entry");
        TransferResult result = check(TransferKind.STYRKEDJA, transfer.export(TransferKind.STYRKEDJA));
        assertThat(texts(result)).isEmpty();
        assertThat(result.changes().changes()).isEmpty();
        assertThat(result.changes().changesNothing()).isTrue();
        long active = jdbc.sql("select count(*) from goal_object where not retired").query(Long.class).single();
        long exportedValues = jdbc.sql("select count(*) from measure_value v join goal_object o on o.id = v.object_id where not o.retired")
                .query(Long.class).single();
        assertThat(result.changes().unchanged()).isEqualTo(active + exportedValues);
        assertThat(result.changes().sheets()).extracting(Preview.SheetChanges::sheet).containsExactlyElementsOf(ChainSheet.titles());
        // the demo's 5 focus areas, 5 priority goals and 29 indicators of KF
        assertThat(result.changes().sheets().subList(0, 3)).extracting(Preview.SheetChanges::unchanged).containsExactly(5, 5, 29);
        assertThat(count("goal_object")).isEqualTo(objects);
        assertThat(count("measure_value")).isEqualTo(values);
        assertThat(count("audit_entry")).isEqualTo(audit);
    }

    @Test
    void thePeopleAndTheOrganisationExportedAndReadBackChangeNothing() {
        SignedIn.as(users, "admin");
        TransferResult people = check(TransferKind.PERSONER, transfer.export(TransferKind.PERSONER));
        assertThat(texts(people)).isEmpty();
        assertThat(people.changes().changesNothing()).isTrue();
        assertThat(people.changes().sheets().get(0).unchanged()).isEqualTo((int) count("app_user"));
        TransferResult organisation = check(TransferKind.ORGANISATION, transfer.export(TransferKind.ORGANISATION));
        assertThat(texts(organisation)).isEmpty();
        assertThat(organisation.changes().changesNothing()).isTrue();
        assertThat(organisation.changes().unchanged()).isEqualTo((int) count("org_unit"));
    }

    @Test
    void aControllerReadsBackTheWholeChainUnchangedButChangesOnlyTheirOwnCommittee() {
        SignedIn.as(users, "controller");
        assertThat(texts(check(TransferKind.STYRKEDJA, transfer.export(TransferKind.STYRKEDJA)))).isEmpty();
        long period = jdbc.sql("select id from plan_period where name = 'Budget 2022–2024'").query(Long.class).single();
        assertThat(period).isPositive();
        byte[] file = Workbooks.of(Map.of("Arbetsmiljömål", Workbooks.rows(ChainSheet.ARBETSMILJOMAL.headers(),
                Workbooks.row(null, "VON", "Budget 2022–2024", "Frisknärvaron ska öka"),
                Workbooks.row(null, "SN", "Budget 2022–2024", "Socialnämndens mål"))));
        TransferResult result = check(TransferKind.STYRKEDJA, file);
        assertThat(texts(result)).hasSize(1).first().asString()
                .startsWith("Blad Arbetsmiljömål, rad 3, kolumn B: ");
    }

    @Test
    void theRolesThatMayNotAreRefused() {
        SignedIn.as(users, "enhetschef");
        assertThat(transfer.may(TransferKind.STYRKEDJA)).isFalse();
        assertThatThrownBy(() -> check(TransferKind.STYRKEDJA, transfer.template(TransferKind.STYRKEDJA)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transfer.export(TransferKind.STYRKEDJA)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "controller");
        assertThat(transfer.may(TransferKind.STYRKEDJA)).isTrue();
        for (TransferKind kind : List.of(TransferKind.PERSONER, TransferKind.ORGANISATION)) {
            assertThat(transfer.may(kind)).isFalse();
            assertThatThrownBy(() -> transfer.export(kind)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Endast administratörer");
        }
        SignedIn.as(users, "politiker");
        assertThatThrownBy(() -> transfer.export(TransferKind.STYRKEDJA)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyKindOfErrorIsReportedWithItsSheetRowAndColumnAndNothingIsWritten() {
        SignedIn.as(users, "admin");
        long objects = count("goal_object");
        long focusArea = jdbc.sql("select id from goal_object where title = 'Livskvalitet'").query(Long.class).single();
        long indicator = jdbc.sql("select id from goal_object where kind = 'INDIKATOR' order by id").query(Long.class).list().get(0);
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Fokusområden", Workbooks.rows(ChainSheet.FOKUSOMRADEN.headers(),
                Workbooks.row("F1", "Budget 2022–2024", "Nytt fokusområde"),
                Workbooks.row(999_999, "Budget 2022–2024", "Finns inte"),
                Workbooks.row(indicator, "Budget 2022–2024", "Fel slag"),
                Workbooks.row("F1", "Budget 2022–2024", "Dubbel nyckel"),
                Workbooks.row(null, "Budget 1999", "Okänd period"),
                Workbooks.row(null, "Budget 2022–2024", null)));
        sheets.put("Prioriterade mål", Workbooks.rows(ChainSheet.PRIORITERADE_MAL.headers(),
                Workbooks.row("P1", "F1", null, "Under det nya fokusområdet"),
                Workbooks.row("P2", "F9", null, "Okänd nyckel"),
                Workbooks.row("P3", focusArea, null, "=CONCATENATE(\"a\",\"b\")")));
        sheets.put("Indikatorer", Workbooks.rows(ChainSheet.INDIKATORER.headers(),
                Workbooks.row("I1", "P1", null, "Ny indikator", null, "Ska växa", "%", "Kolada", "N1", "Kanske", "mycket")));
        sheets.put("Uppdrag", Workbooks.rows(ChainSheet.UPPDRAG.headers(),
                Workbooks.row(null, null, "Okänd nämnd", "Budget 2022–2024", "Uppdrag", null, null, "31/12", "Klar")));
        sheets.put("Värden", Workbooks.rows(ChainSheet.VALUE_HEADERS,
                Workbooks.row(focusArea, 2022, 5, null),
                Workbooks.row("P1", "tjugo", null, null)));
        TransferResult result = check(TransferKind.STYRKEDJA, Workbooks.of(sheets));
        assertThat(result.ok()).isFalse();
        assertThat(result.changes()).isNull();
        assertThat(texts(result)).containsExactly(
                "Blad Fokusområden, rad 3, kolumn A: Id 999999 finns inte bland kommunens objekt. Ett nytt objekt får ett tomt Id eller en egen nyckel med minst en bokstav, till exempel F1.",
                "Blad Fokusområden, rad 4, kolumn A: Id " + indicator + " hör inte till bladet Fokusområden: objektet är av ett annat slag.",
                "Blad Fokusområden, rad 5, kolumn A: ”F1” förekommer på mer än en rad.",
                "Blad Fokusområden, rad 6, kolumn B: ”Budget 1999” är ingen planperiod i kommunen. Ange en av: Budget 2020–2022 (illustrativ grund), Budget 2022–2024, "
                        + "Budget 2025–2027 (illustrativ grund), Budget 2026–2028 (illustrativ grund).",
                "Blad Fokusområden, rad 7, kolumn C: Cellen är tom: ange titel.",
                "Blad Prioriterade mål, rad 3, kolumn B: Nyckeln ”F9” finns inte på någon tidigare rad. Ett objekt måste stå före de rader som hänvisar till det.",
                "Blad Prioriterade mål, rad 4, kolumn D: Cellen innehåller en formel. Klistra in värdet i stället (Klistra in special › Värden); importen läser inte formler.",
                "Blad Indikatorer, rad 2, kolumn F: ”Ska växa” är inget giltigt värde. Använd en av: Ska öka, Ska minska.",
                "Blad Indikatorer, rad 2, kolumn J: ”Kanske” är varken Ja eller Nej.",
                "Blad Indikatorer, rad 2, kolumn K: ”mycket” är inte ett tal.",
                "Blad Uppdrag, rad 2, kolumn C: ”Okänd nämnd” är ingen enhet i kommunen. Ange enhetens kod eller hela namn.",
                "Blad Uppdrag, rad 2, kolumn H: ”31/12” är inget datum. Ange datumet som ÅÅÅÅ-MM-DD.",
                "Blad Uppdrag, rad 2, kolumn I: ”Klar” är inget giltigt värde. Använd en av: Ej påbörjad, Påbörjad, Väntar, Färdig, Stoppad, Försenad.",
                "Blad Värden, rad 2, kolumn A: ”Livskvalitet” är varken en indikator eller ett nyckeltal och har inga värden.",
                "Blad Värden, rad 3, kolumn A: ”Under det nya fokusområdet” är varken en indikator eller ett nyckeltal och har inga värden.",
                "Blad Värden, rad 3, kolumn B: ”tjugo” är inte ett heltal.",
                "Blad Värden, rad 3, kolumn C: Ange utfall, målvärde eller båda.");
        assertThat(count("goal_object")).isEqualTo(objects);
    }

    @Test
    void aFileThatIsNotAWorkbookOrHasWrongHeadersGetsItsOwnMessage() {
        SignedIn.as(users, "admin");
        assertThat(texts(check(TransferKind.STYRKEDJA, "inte excel".getBytes()))).containsExactly(
                "Filen är inte en Excel-fil (.xlsx). Spara den som Excel-arbetsbok och försök igen.");
        byte[] zip = java.util.Arrays.copyOf(transfer.template(TransferKind.STYRKEDJA), 3000);
        assertThat(texts(check(TransferKind.STYRKEDJA, zip))).containsExactly(
                "Filen är inte en Excel-fil (.xlsx). Spara den som Excel-arbetsbok och försök igen.");
        assertThat(texts(check(TransferKind.PERSONER, encrypted()))).containsExactly(
                "Filen är skyddad med lösenord och kan inte läsas. Spara den utan lösenord (Arkiv › Info › Skydda arbetsbok) och försök igen.");
        assertThat(texts(check(TransferKind.ORGANISATION, Workbooks.of(Map.of("Organisation",
                List.of(List.of("Id", "Kod", "Benämning", "Typ", "Överordnad", "Ordning", "Aktiv")))))))
                .containsExactly("Blad Organisation, rad 1, kolumn C: Rubriken ska vara ”Namn”, inte ”Benämning”.");
        assertThat(texts(check(TransferKind.PERSONER, Workbooks.of(Map.of("Blad1", List.of(List.of("x")))))))
                .containsExactly("Filen saknar bladet ”Personer”. Utgå från mallen på importsidan.");
        assertThat(texts(check(TransferKind.STYRKEDJA, Workbooks.of(Map.of("Blad1", List.of(List.of("x")))))))
                .containsExactly("Filen har inga rader att läsa in. Styrkedjans blad heter Fokusområden, Prioriterade mål, Indikatorer, "
                        + "Nämndmål, Arbetsmiljömål, Kritiska faktorer, Nyckeltal, Internkontroll, Uppdrag, Värden.");
    }

    @Test
    void tooManyRowsAreRefusedBeforeTheyAreChecked() {
        SignedIn.as(users, "admin");
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.copyOf(PeopleTransfer.PEOPLE_HEADERS));
        for (int i = 0; i <= PeopleTransfer.MAX_ROWS; i++) {
            rows.add(List.of("p" + i, "Person " + i));
        }
        assertThat(texts(check(TransferKind.PERSONER, Workbooks.of(Map.of("Personer", rows))))).containsExactly(
                "Filen har fler än 20000 rader; högst 20000 läses in åt gången. Läsningen avbröts. Dela upp filen.");
    }

    private byte[] encrypted() {
        return se.styr.economy.excel.ImportFiles.encrypted(transfer.template(TransferKind.PERSONER));
    }
}
