package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An immediate action from risk to report, by clicking: the controller adds a risk of value 16 to VON's analysis 2022,
 * creates its immediate action and shares it down to Hemtjänst Norr in the Delårsbokslut 2022; the unit manager finds
 * the task on the start page, reports the action and marks the task done; the compiled report shows it under
 * <em>Uppföljning av omedelbara åtgärder</em>. Every page passes axe-core's WCAG 2.1 A/AA rules. The database is shared
 * with the other tests of the run, so everything added is removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class ActionBrowserTest extends BrowserTestBase {

    private static final String RISK = "Trygghetslarmen fungerar inte vid strömavbrott.";
    private static final String ACTION = "Byt batterier i trygghetslarmens centraler";
    private static final String REPORTED = "Batterierna är bytta i alla centraler och larmen provades vid ett strömavbrott i juni.";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeWhatWasAdded() {
        List<Long> actions = jdbc.sql("select id from quality_action where what = ?").param(ACTION).query(Long.class).list();
        List<Long> tasks = jdbc.sql("select id from followup_task where part = 'ATGARD'").query(Long.class).list();
        if (!tasks.isEmpty()) {
            jdbc.sql("delete from notice where task_id in (:t)").param("t", tasks).update();
            jdbc.sql("delete from notice_event where task_id in (:t)").param("t", tasks).update();
            jdbc.sql("delete from followup_task where id in (:t)").param("t", tasks).update();
        }
        jdbc.sql("delete from risk where description = ?").param(RISK).update();
        if (!actions.isEmpty()) {
            jdbc.sql("delete from action_report where action_id in (:a)").param("a", actions).update();
            jdbc.sql("delete from action_share where action_id in (:a)").param("a", actions).update();
            jdbc.sql("delete from quality_action where id in (:a)").param("a", actions).update();
        }
    }

    @Test
    void an_immediate_action_goes_from_the_risk_down_to_a_unit_and_back_up_into_the_report() {
        long norr = jdbc.sql("select id from org_unit where code = 'VOF-HN'").query(Long.class).single();
        long round = jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();

        // the controller: a risk of value 16 and its immediate action
        open("/");
        logIn("controller");
        follow(By.linkText("Risker"));
        waitForTitle("Risk- och väsentlighetsanalys");
        driver.findElement(By.id("description")).sendKeys(RISK);
        driver.findElement(By.id("probability-4")).click();
        driver.findElement(By.id("consequence-4")).click();
        WebElement main = driver.findElement(By.tagName("main"));
        driver.findElement(By.id("process")).sendKeys("Trygghetslarm", Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(main));
        waitForText("är tillagd.");
        assertThat(mainText()).contains("Vald hantering\nOmedelbar åtgärd");
        driver.findElement(By.id("title")).sendKeys(ACTION);
        driver.findElement(By.id("responsible")).sendKeys("Enhetschef Hemtjänst Norr");
        driver.findElement(By.id("timetable")).sendKeys("Senast 2022-06-30");
        follow(By.xpath("//button[normalize-space()='Skapa och koppla']"));
        waitForText("Hanteringen är skapad och kopplad till risken.");
        follow(By.linkText("Omedelbar åtgärd: " + ACTION));
        waitForText("Åtgärden är inte delad i någon uppföljning.");

        // ... shared down to Hemtjänst Norr in the delårsbokslut
        new Select(driver.findElement(By.id("roundId"))).selectByVisibleText("Delårsbokslut 2022");
        driver.findElement(By.id("unit-" + norr)).click();
        follow(By.xpath("//button[normalize-space()='Spara delningen']"));
        waitForText("Delningen är sparad.");
        assertThat(mainText()).contains("Hemtjänst Norr Ej redovisad");
        assertAccessible("the immediate action shared to a unit");
        screenshot("atgard-delad");
        logOut();

        // the unit manager: the task on the start page, the report, marked done
        logIn("enhetschef");
        waitForTitle("Start");
        follow(By.partialLinkText("Uppföljning omedelbara åtgärder, delårsbokslut: Hemtjänst Norr"));
        waitForText(ACTION);
        assertAccessible("the unit's task of immediate actions");
        follow(By.linkText(ACTION));
        waitForText("Redovisning av åtgärd");
        assertThat(mainText()).contains("Har riskområdet minimerats");
        new Select(driver.findElement(By.id("status"))).selectByVisibleText("Genomförd");
        driver.findElement(By.id("comment")).sendKeys(REPORTED);
        follow(By.xpath("//button[normalize-space()='Spara redovisningen']"));
        waitForText("Redovisningen är sparad.");
        assertAccessible("the unit's report on the action");
        screenshot("atgard-redovisning");
        follow(By.linkText("Uppgiften"));
        waitForText(ACTION);
        follow(By.xpath("//main//button[normalize-space()='Klarmarkera uppgiften']"));
        waitForText("Uppgiften är klarmarkerad");
        logOut();

        // the controller: the compiled report
        logIn("controller");
        open("/uppfoljning/" + round + "/rapport");
        waitForText("Uppföljning av omedelbara åtgärder");
        String report = mainText();
        String section = report.substring(report.indexOf("Uppföljning av omedelbara åtgärder"));
        assertThat(section).contains("identifierades behov av en omedelbar åtgärd", ACTION, "Hemtjänst Norr", "Genomförd", REPORTED)
                .contains("Risk 18 i risk- och väsentlighetsanalysen 2022");
        assertThat(section.indexOf(ACTION)).as("before the internal control").isLessThan(section.indexOf("Uppföljning av internkontroll"));
        assertAccessible("the report with its immediate actions");
        screenshot("rapport-omedelbara-atgarder");
    }
}
