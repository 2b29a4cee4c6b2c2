package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.EmptyDatabase;
import se.styr.notices.SmtpServer;

/**
 * A municipality that is not Alingsås adopts Styr by clicking and uploading, on an empty database of its own: the
 * setup link from the log, the municipality and its administrator; a plan period, three units in the organisation
 * tree and two people with roles (a reporter for a school and an approver for the administration above it); a small
 * goal chain imported from an Excel file the test makes (previewed, then confirmed); a delårsbokslut opened. The
 * reporter gets the mail, logs in with the one-time password and chooses their own, reports and marks the task done;
 * the approver gets the mail, does the same and approves. Only the notices' jobs are run by the test (their schedule
 * is off) and the mailbox read; every page on the way passes axe and its Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "styr.demo.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
@Tag("browser")
class AdoptionBrowserTest extends BrowserTestBase {

    static final SmtpServer SMTP = SmtpServer.start();

    private static final String ADMIN_PASSWORD = "Lerums båtar lägger till vid bryggan";
    private static final String COMMITTEE = "Barn- och utbildningsnämnden";
    private static final String ADMINISTRATION = "Barn- och utbildningsförvaltningen";
    private static final String SCHOOL = "Aspenässkolan";
    private static final String TASK = "Måluppföljning, delårsbokslut: " + SCHOOL;
    private static final String COMMITTEE_GOAL = "Fler elever blir behöriga till gymnasiet";
    private static final String WORK_GOAL = "Sjukfrånvaron bland lärarna ska minska";
    private static final String REPORTER_MAIL = "rolf.rektor@lerum.example";
    private static final String APPROVER_MAIL = "frida.forvaltningschef@lerum.example";
    private static final String SAVED = "Ändringarna är sparade.";

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    private static final int YEAR = TODAY.getYear();
    private static final String PERIOD = "Budget " + YEAR + "–" + (YEAR + 2);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "adoptionbrowser");
        SMTP.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void a_new_municipality_is_set_up_imported_and_run_through_a_round_with_mail(CapturedOutput output) throws Exception {
        setUpTheMunicipality(output);
        createThePlanPeriodAndTheUnits();
        String reporterPassword = createPerson("Rolf Rektor", "rolf", REPORTER_MAIL, SCHOOL, "Aspenäs");
        String approverPassword = createPerson("Frida Förvaltningschef", "frida", APPROVER_MAIL, ADMINISTRATION,
                "utbildningsförvaltning");
        importTheGoalChain();
        openTheRound();
        logOut();

        // the reporter is told by mail, follows its link, logs in with the one-time password and chooses their own
        SMTP.clear();
        SmtpServer.deliver(context);
        String opened = onlyMail(REPORTER_MAIL);
        assertThat(opened).contains("Ny uppgift i Styr: " + TASK, "Hej Rolf Rektor,", "Sista dag: ");
        String taskPath = link(opened);
        assertThat(SMTP.to(APPROVER_MAIL)).as("the approver has nothing to do yet").isEmpty();
        firstLogIn(taskPath, "rolf", reporterPassword, "Skolans eget lösenord i Aspenäs");
        report(taskPath);
        logOut();

        // the approver is told that the task is marked done, and approves it
        SMTP.clear();
        SmtpServer.deliver(context);
        String done = onlyMail(APPROVER_MAIL);
        assertThat(done).contains("Att godkänna: " + TASK, "Hej Frida Förvaltningschef,", "Rolf Rektor har klarmarkerat");
        assertThat(link(done)).isEqualTo(taskPath);
        assertThat(SMTP.to(REPORTER_MAIL)).as("who marked it done is not told").isEmpty();
        firstLogIn(taskPath, "frida", approverPassword, "Förvaltningens eget långa lösenord");
        open(taskPath);
        waitForTitle(TASK);
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Klarmarkerad", "Rolf Rektor");
        assertAccessible("uppgiften för den som attesterar");
        follow(By.xpath("//main//button[normalize-space()='Godkänn']"));
        waitForText("Uppgiften är godkänd.");
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Godkänd", "Frida Förvaltningschef");
        screenshot("ny-kommun-godkand");

        SMTP.clear();
        SmtpServer.deliver(context);
        assertThat(onlyMail(REPORTER_MAIL)).contains("Godkänd: " + TASK, "Frida Förvaltningschef har godkänt uppgiften");
    }

    /** The setup link in the log: the municipality and its first administrator, who then logs in. */
    private void setUpTheMunicipality(CapturedOutput output) {
        open("/");
        waitForTitle("Styr är inte uppsatt än");
        Matcher link = Pattern.compile("(/uppsattning/[A-Za-z0-9_-]{43})").matcher(output.getAll());
        assertThat(link.find()).as("the setup link in the log").isTrue();
        open(link.group(1));
        waitForTitle("Sätt upp Styr");
        assertAccessible("Sätt upp Styr");
        driver.findElement(By.id("name")).sendKeys("Lerums kommun");
        driver.findElement(By.id("koladaId")).sendKeys("1441");
        driver.findElement(By.id("vision")).sendKeys("Lerum – där idéer blir verklighet.");
        driver.findElement(By.id("coreValues")).sendKeys("Öppenhet, respekt och ansvar");
        driver.findElement(By.id("displayName")).sendKeys("Lea Admin");
        driver.findElement(By.id("username")).sendKeys("lea");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.id("passwordRepeat")).sendKeys(ADMIN_PASSWORD);
        follow(By.xpath("//button[normalize-space()='Sätt upp Styr']"));
        waitForTitle("Logga in");
        waitForText("Styr är uppsatt");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD, Keys.ENTER);
        waitForTitle("Start");
        assertThat(driver.findElement(By.tagName("header")).getText()).contains("Lerums kommun");
    }

    /** The budget year's plan period, and under KF a committee, its administration and a school. */
    private void createThePlanPeriodAndTheUnits() {
        follow(By.xpath("//header//a[normalize-space()='Organisation']"));
        waitForTitle("Organisation");
        follow(By.linkText("Planperioder och budgetår"));
        waitForTitle("Planperioder");
        driver.findElement(By.id("name")).sendKeys(PERIOD);
        driver.findElement(By.id("firstYear")).sendKeys(String.valueOf(YEAR));
        driver.findElement(By.id("lastYear")).sendKeys(String.valueOf(YEAR + 2));
        follow(By.xpath("//main//button[normalize-space()='Skapa planperioden']"));
        waitForText(PERIOD + " är skapad.");
        assertAccessible("Planperioder");

        follow(By.linkText("Organisation"));
        waitForTitle("Organisation");
        follow(By.linkText("Hantera"));
        waitForTitle("Kommunfullmäktige");
        addUnitUnder("Nämnd", COMMITTEE, "BUN", true);
        addUnitUnder("Förvaltning", ADMINISTRATION, "BUF", false);
        addUnitUnder("Enhet", SCHOOL, "30110", false);
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Enhet", "30110");
        assertAccessible("enhetens sida");

        follow(By.xpath("//header//a[normalize-space()='Organisation']"));
        waitForTitle("Organisation");
        assertThat(mainText()).contains("Kommunfullmäktige", COMMITTEE);
        assertAccessible("organisationsträdet");
    }

    /** On a unit's page: adds a unit under it and lands on the new unit's page. */
    private static void addUnitUnder(String type, String name, String code, boolean check) {
        follow(By.linkText("Lägg till en enhet under"));
        waitForTitle("Ny enhet under");
        new Select(driver.findElement(By.id("type"))).selectByVisibleText(type);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("code")).sendKeys(code);
        if (check) {
            assertAccessible("formuläret för en ny enhet");
        }
        follow(By.xpath("//main//button[normalize-space()='Skapa enheten']"));
        waitForText(name + " är skapad.");
        waitForTitle(name);
    }

    /** Adds a person with an e-mail and a reporter's role for a unit; returns the one-time password the page shows once. */
    private String createPerson(String name, String username, String email, String unit, String search) {
        follow(By.xpath("//header//a[normalize-space()='Personer']"));
        waitForTitle("Personer");
        driver.findElement(By.id("displayName")).sendKeys(name);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("email")).sendKeys(email);
        follow(By.xpath("//main//button[normalize-space()='Lägg till personen']"));
        waitForTitle(name);
        String oneTime = driver.findElement(By.id("engangslosenord")).getDomProperty("value");
        assertThat(oneTime).isNotBlank();
        assertThat(mainText()).contains("Engångslösenord");

        driver.findElement(By.id("enhet")).sendKeys(search);
        follow(By.xpath("//main//form[@role='search']//button"));
        waitForTitle(name);
        new Select(driver.findElement(By.id("role"))).selectByValue("REPORTER");
        WebElement option = driver.findElements(By.cssSelector("#unit option")).stream()
                .filter(o -> o.getText().startsWith(unit)).findFirst().orElseThrow();
        new Select(driver.findElement(By.id("unit"))).selectByValue(option.getDomProperty("value"));
        follow(By.xpath("//main//button[normalize-space()='Ge rollen']"));
        waitForText("Rollen är given");
        assertThat(driver.findElement(By.xpath("//table[caption='Roller']")).getText()).contains("Rapportör", unit);
        assertAccessible("personen " + name);
        return oneTime;
    }

    /** Import och export: the goal chain from a workbook the test makes, checked, previewed and confirmed. */
    private void importTheGoalChain() throws IOException {
        Path file = Files.createTempDirectory("styr-adoption").resolve("styrkedja.xlsx");
        Files.write(file, chainWorkbook());
        follow(By.xpath("//header//a[normalize-space()='Import och export']"));
        waitForTitle("Import och export");
        assertAccessible("Import och export");
        driver.findElement(By.id("styrkedja-fil")).sendKeys(file.toString());
        follow(By.xpath("//main//section//h2[@id='styrkedja']/following::button[1]"));
        waitForText("Filen styrkedja.xlsx är kontrollerad. Ingenting är ändrat ännu.");
        assertThat(driver.findElements(By.cssSelector("#andringar li")).stream().map(WebElement::getText).toList())
                .contains("Nämndmål rad 2: ny Nämndmål ”" + COMMITTEE_GOAL + "”",
                        "Arbetsmiljömål rad 2: ny Arbetsmiljömål ”" + WORK_GOAL + "”");
        assertAccessible("förhandsgranskningen av styrkedjan");
        screenshot("ny-kommun-forhandsgranskning");
        follow(By.xpath("//main//button[normalize-space()='Bekräfta och läs in']"));
        waitForText("Filen styrkedja.xlsx är inläst");
        assertAccessible("styrkedjan inläst");
    }

    /** KF's focus area, priority goal and indicator (with outcomes), the committee's goal on it and a work-environment goal. */
    private static byte[] chainWorkbook() throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Fokusområden", List.of(List.of("Id", "Planperiod", "Titel", "Beskrivning"),
                row("F1", PERIOD, "Livslångt lärande", null)));
        sheets.put("Prioriterade mål", List.of(List.of("Id", "Överordnat", "Planperiod", "Titel", "Beskrivning"),
                row("P1", "F1", null, "Alla elever når kunskapsmålen", null)));
        sheets.put("Indikatorer", List.of(List.of("Id", "Överordnat", "Planperiod", "Titel", "Beskrivning", "Riktning",
                        "Måttenhet", "Källa", "Kolada-id", "Styrande", "Tolerans"),
                row("I1", "P1", null, "Elever i år 9 som är behöriga till yrkesprogram, andel (%)", null, "Ska öka", "%",
                        "Kolada", "N15436", "Ja", 2)));
        sheets.put("Nämndmål", List.of(List.of("Id", "Överordnat", "Ägare", "Planperiod", "Titel", "Beskrivning",
                        "Kopplad indikator", "Motivering", "Agenda 2030-mål", "Agenda 2030-delmål"),
                row("N1", "P1", "BUN", null, COMMITTEE_GOAL, null, "I1", "Behörigheten är det indikatorn mäter", 4, "4.1")));
        sheets.put("Arbetsmiljömål", List.of(List.of("Id", "Ägare", "Planperiod", "Titel", "Beskrivning", "Agenda 2030-mål",
                        "Agenda 2030-delmål"),
                row(null, "BUN", PERIOD, WORK_GOAL, null, null, null)));
        sheets.put("Värden", List.of(List.of("Id", "År", "Utfall", "Målvärde"),
                row("I1", YEAR - 1, 81.4, null),
                row("I1", YEAR, null, 85)));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                for (int r = 0; r < e.getValue().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = e.getValue().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        if (cells.get(c) instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (cells.get(c) != null) {
                            row.createCell(c).setCellValue(cells.get(c).toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** Uppföljning: the committee's delårsbokslut, open today, the units' deadline in a week. */
    private void openTheRound() {
        follow(By.xpath("//header//a[normalize-space()='Uppföljning']"));
        waitForTitle("Uppföljningar");
        follow(By.linkText("Öppna en ny uppföljning"));
        waitForTitle("Öppna en uppföljning");
        new Select(driver.findElement(By.id("bodyUnitId"))).selectByVisibleText(COMMITTEE + " (BUN)");
        new Select(driver.findElement(By.id("type"))).selectByVisibleText("Delårsbokslut");
        setDate("asOf", LocalDate.of(YEAR, 8, 31));
        setDate("opensOn", TODAY);
        setDate("unitDeadline", TODAY.plusDays(7));
        setDate("departmentDeadline", TODAY.plusDays(14));
        assertAccessible("formuläret för att öppna en uppföljning");
        follow(By.xpath("//main//form//button[normalize-space()='Öppna uppföljningen']"));
        waitForTitle("Delårsbokslut " + YEAR);
        assertThat(mainText()).contains(SCHOOL);
        assertAccessible("den öppnade uppföljningen");
        screenshot("ny-kommun-uppfoljning");
    }

    /** A date field takes its value in the browser's own format when typed; set as the form sends it. */
    private static void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)),
                date.toString());
    }

    /** The mail's link, as a path on this server (the mails link to the configured base address). */
    private static String link(String mail) {
        Matcher m = Pattern.compile("http://styr\\.test(/uppfoljning/uppgift/\\d+)").matcher(mail);
        assertThat(m.find()).as("a link to the task in: " + mail).isTrue();
        return m.group(1);
    }

    private static String onlyMail(String address) {
        List<MimeMessage> mails = SMTP.to(address);
        assertThat(mails).as("mails to " + address).hasSize(1);
        return SmtpServer.subject(mails.get(0)) + "\n" + SmtpServer.text(mails.get(0));
    }

    /** The link leads to the login; the one-time password leads to choosing one's own, and then to the link again. */
    private void firstLogIn(String path, String username, String oneTime, String password) {
        open(path);
        waitForTitle("Logga in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(oneTime, Keys.ENTER);
        waitForTitle("Byt lösenord");
        waitForText("Du loggade in med ett engångslösenord");
        assertAccessible("Byt lösenord efter engångslösenordet");
        driver.findElement(By.id("current")).sendKeys(oneTime);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("passwordRepeat")).sendKeys(password);
        follow(By.xpath("//main//button[normalize-space()='Byt lösenord']"));
        waitForText("Lösenordet är bytt.");
    }

    /** The reporter writes an analysis on each goal of the task and marks it done. */
    private void report(String taskPath) {
        open(taskPath);
        waitForTitle(TASK);
        List<String> objects = driver.findElements(By.xpath("//table[caption='Objekt att rapportera på']/tbody/tr/th/a"))
                .stream().map(WebElement::getText).toList();
        assertThat(objects).containsExactlyInAnyOrder(COMMITTEE_GOAL, WORK_GOAL);
        assertAccessible("uppgiften för rapportören");
        for (String object : objects) {
            follow(By.linkText(object));
            waitForTitle(object + ", " + SCHOOL);
            if (object.equals(COMMITTEE_GOAL)) {
                assertAccessible("objektsidan");
            }
            driver.findElement(By.id("analysis")).sendKeys(SCHOOL + " om ”" + object + "”: arbetet följer planen.");
            follow(By.xpath("//main//form//button[normalize-space()='Spara']"));
            waitForText(SAVED);
            follow(By.linkText(TASK));
            waitForTitle(TASK);
        }
        follow(By.xpath("//main//button[normalize-space()='Klarmarkera uppgiften']"));
        waitForText("Uppgiften är klarmarkerad.");
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Klarmarkerad", "Rolf Rektor");
    }
}
