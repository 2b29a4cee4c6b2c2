package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The committee decides the delårsbokslut, clicked through as the people who do it: the secretary moves the case
 * 2022.229 VON from the meeting of 27 September to a new meeting, builds its agenda (reordered by dragging and by the
 * keyboard), opens the minutes and records the decision; the adjuster and the chair approve; the report is decided with
 * its paragraph, and without login the decided report and the posting on the notice board, with the last day of
 * appeal, are public. Every page on the way passes axe-core's WCAG 2.1 A/AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class MeetingBrowserTest extends BrowserTestBase {

    private static final String DELARS = "Delårsbokslut för vård- och omsorgsnämnden 2022";
    private static final String DECISION = "1. Vård- och omsorgsnämnden fastställer delårsbokslutet 2022.";

    static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date field takes its value in the browser's own format when typed; set as the form sends it. */
    static void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), date.toString());
    }

    /** The agenda's items as the page shows them, each "label title". */
    static List<String> agenda() {
        return driver.findElements(By.cssSelector("#agenda ol.agenda > li")).stream()
                .map(li -> li.findElement(By.className("agenda-label")).getText() + " " + li.findElement(By.className("agenda-title")).getText())
                .toList();
    }

    static void waitForAnnouncement(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda-status"), text));
    }

    /**
     * Drags one agenda item by its handle with the mouse, through WebDriver's pointer actions (which start a native HTML5 drag in
     * headless Chromium), and drops it on the upper part of another item, or on any element outside the list.
     */
    static void drag(WebElement item, WebElement onto) {
        int up = -Math.max(onto.getSize().getHeight() / 4, 1);
        new Actions(driver).clickAndHold(item.findElement(By.className("drag-handle"))).pause(Duration.ofMillis(100)).moveByOffset(5, -5).pause(Duration.ofMillis(100))
                .moveToElement(onto, 0, up).pause(Duration.ofMillis(300)).moveByOffset(0, 1).release().perform();
    }

    static WebElement agendaItem(String title) {
        return driver.findElement(By.xpath("//ol[contains(@class,'agenda')]/li[*[contains(@class,'agenda-title')][normalize-space()='" + title + "']]"));
    }

    @Test
    void the_secretary_minutes_the_decision_chair_and_adjuster_approve_and_it_is_public() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        open("/namnd/sammantraden");
        logIn("sekreterare");
        open("/namnd/sammantraden");
        waitForTitle("Sammanträden");
        assertAccessible("the meetings");

        // the delårsbokslut leaves the agenda of 27 September (it goes to a later meeting)
        follow(By.linkText("2022-09-27"));
        waitForTitle("2022-09-27");
        assertThat(agenda()).contains("5. " + DELARS, "A/ Information om larmupphandling");
        assertAccessible("the meeting of 27 September with its agenda");
        follow(By.xpath("//button[@aria-label='Ta bort 5. " + DELARS + " ur ärendelistan']"));
        waitForText("Sparat.");
        assertThat(agenda()).doesNotContain("5. " + DELARS);

        // a new meeting of the committee
        follow(By.linkText("Sammanträden"));
        waitForTitle("Sammanträden");
        new Select(driver.findElement(By.id("organ"))).selectByVisibleText("Vård- och omsorgsnämnden");
        setDate("meetsOn", LocalDate.of(2022, 10, 25));
        type("startsAt", "14:00");
        type("place", "Samlingssalen, Brunnsgården");
        type("chairName", "Olle Ordförande");
        type("chairUsername", "ordforande");
        type("secretaryName", "Siri Sekreterare");
        type("adjusterName", "Jenny Justerare");
        type("adjusterUsername", "justerare");
        follow(By.xpath("//button[normalize-space()='Skapa sammanträdet']"));
        waitForText("Sammanträdet är skapat.");
        String meetingPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");

        // its agenda: the roll call, the delårsbokslut case and an information item
        addItem("Punkt", null, "Upprop och val av justerare");
        addItem("Ärende", "2022.229 VON " + DELARS, null);
        addItem("Informationspunkt (A/, B/ …)", null, "Förvaltningschefens information");
        assertThat(agenda()).containsExactly("1. Upprop och val av justerare", "2. " + DELARS, "A/ Förvaltningschefens information");
        assertAccessible("the new meeting's agenda");

        // dragged to the top: the server saves the order, the numbers follow and the live region says so
        drag(agendaItem(DELARS), agendaItem("Upprop och val av justerare"));
        waitForAnnouncement(DELARS + " är nu punkt 1.");
        assertThat(agenda()).containsExactly("1. " + DELARS, "2. Upprop och val av justerare", "A/ Förvaltningschefens information");
        assertThat(driver.findElement(By.id("agenda-status")).getAttribute("role")).isEqualTo("status");
        assertAccessible("the agenda after a drag, with its announcement");
        screenshot("meeting-agenda-dragged");

        // an item dropped outside the list goes back where it was, and nothing is sent
        drag(agendaItem("Förvaltningschefens information"), driver.findElement(By.tagName("h1")));
        assertThat(agenda()).containsExactly("1. " + DELARS, "2. Upprop och val av justerare", "A/ Förvaltningschefens information");
        assertThat(driver.findElement(By.id("agenda-status")).getText()).contains(DELARS + " är nu punkt 1.");

        // and back down with the keyboard: the button is reached by Tab order and pressed with Enter
        WebElement down = driver.findElement(By.xpath("//button[@aria-label='Flytta ned 1. " + DELARS + "']"));
        WebElement main = driver.findElement(By.tagName("main"));
        down.sendKeys(Keys.ENTER);
        waitUntilReplaced(main);
        waitForText("Sparat.");
        assertThat(agenda()).containsExactly("1. Upprop och val av justerare", "2. " + DELARS, "A/ Förvaltningschefens information");

        // the meeting is held: the minutes get §§ 1–2 (VON has none before in 2022) and the decision is written
        follow(By.linkText("Protokoll"));
        waitForTitle("Protokoll");
        assertAccessible("the minutes before they are opened");
        follow(By.xpath("//button[normalize-space()='Upprätta protokoll']"));
        waitForText("§ 2");
        WebElement paragraph = driver.findElement(By.xpath("//article[.//h2[contains(., '2022.229 VON')]]"));
        assertThat(paragraph.findElement(By.tagName("h2")).getText()).startsWith("§ 2");
        WebElement decision = paragraph.findElement(By.name("decision"));
        decision.clear();
        decision.sendKeys(DECISION);
        new Select(paragraph.findElement(By.name("outcome"))).selectByVisibleText("Beslut");
        assertAccessible("the minutes being written");
        follow(paragraph.findElement(By.xpath(".//button[normalize-space()='Spara § 2']")));
        waitForText("§ 2 är sparad.");
        String minutesPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Justera protokollet']"))).as("the secretary does not approve").isEmpty();
        logOut();

        // justering: the adjuster, then the chair
        open(minutesPath);
        logIn("justerare");
        open(minutesPath);
        waitForTitle("Protokoll");
        assertAccessible("the minutes for the adjuster");
        follow(By.xpath("//button[normalize-space()='Justera protokollet']"));
        waitForText("Din justering är registrerad.");
        logOut();
        open(minutesPath);
        logIn("ordforande");
        open(minutesPath);
        waitForTitle("Protokoll");
        follow(By.xpath("//button[normalize-space()='Justera protokollet']"));
        waitForText("Protokollet är justerat och anslaget.");
        assertThat(mainText()).contains("Sista dag för överklagande", today.plusWeeks(3).toString(), DECISION.substring(3));
        assertAccessible("the approved minutes");
        screenshot("meeting-minutes-approved");
        follow(By.linkText("Protokollsutdrag § 2"));
        waitForText("Utdragsbestyrkande");
        assertAccessible("the extract of § 2");

        // the report is decided with its paragraph: from the agenda to the case and on to the report
        open(meetingPath);
        waitForTitle("2022-10-25");
        assertThat(driver.findElements(By.cssSelector("li[draggable]"))).as("frozen: nothing to drag").isEmpty();
        follow(By.linkText(DELARS));
        waitForText("2022.229 VON");
        assertAccessible("the case");
        follow(By.linkText("Den sammanställda rapporten"));
        waitForText("VON § 2, 2022-10-25");
        assertThat(mainText()).contains("Beslutad");
        assertAccessible("the decided report");
        logOut();

        // without login: the decided report and the notice board with the last day of appeal
        open("/publicerat/rapporter");
        waitForText("VON § 2, 2022-10-25");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Logga ut']"))).isEmpty();
        assertAccessible("the public list of decided reports");
        follow(By.xpath("//tr[contains(., 'VON § 2, 2022-10-25')]//a"));
        waitForText("VON § 2, 2022-10-25");
        assertThat(mainText()).contains("Beslutad av");
        assertAccessible("the public decided report");
        open("/publicerat/anslagstavla");
        waitForTitle("Anslagstavla");
        WebElement posting = driver.findElement(By.xpath("//tr[td[1][normalize-space()='2022-10-25']]"));
        assertThat(posting.getText()).contains("Vård- och omsorgsnämnden", today.toString(), today.plusWeeks(3).toString(),
                today.plusWeeks(3).plusDays(1).toString());
        assertAccessible("the notice board");
        screenshot("meeting-notice-board");
        follow(posting.findElement(By.tagName("a")));
        waitForText("§ 2");
        assertThat(mainText()).contains("2022.229 VON", DECISION.substring(3));
        assertAccessible("the public minutes");
    }

    /** The agenda's form: kind, case (its option's text) or title, then the button; the page comes back with the item. */
    private static void addItem(String kind, String caseOption, String title) {
        new Select(driver.findElement(By.id("kind"))).selectByVisibleText(kind);
        if (caseOption != null) {
            new Select(driver.findElement(By.id("caseId"))).selectByVisibleText(caseOption);
        }
        if (title != null) {
            type("title", title);
        }
        follow(By.xpath("//form[.//h3]//button[normalize-space()='Lägg till punkt']"));
        waitForText("Sparat.");
    }
}
