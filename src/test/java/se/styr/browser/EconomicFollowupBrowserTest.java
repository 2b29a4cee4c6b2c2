package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vård- och omsorgsnämndens controller makes the December 2022 economic follow-up: finds the month on the overview,
 * creates the report, enters a forecast with a deficit, is stopped when submitting it without an action plan, adds
 * the plan and the committee's decision and submits. Every page passes axe-core's WCAG 2.1 A/AA rules.
 *
 * <p>The in-memory database is shared with the other tests of the run, so the report the test makes is removed again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class EconomicFollowupBrowserTest extends BrowserTestBase {

    private static final String COMMITTEE = "Vård- och omsorgsnämnden";
    private static final String REPORT = "Månadsuppföljning per december 2022";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheReport() {
        jdbc.sql("select id from economic_report where year = 2022 and month = 12").query(Long.class).list().forEach(id -> {
            jdbc.sql("delete from economic_report_row where report_id = ?").param(id).update();
            jdbc.sql("delete from economic_report_investment where report_id = ?").param(id).update();
            jdbc.sql("delete from economic_report_printed where report_id = ?").param(id).update();
            jdbc.sql("delete from economic_report where id = ?").param(id).update();
        });
    }

    @Test
    void the_controller_is_stopped_on_a_deficit_without_an_action_plan_and_submits_with_one() {
        open("/");
        logIn("controller");
        follow(By.xpath("//header//a[normalize-space()='Ekonomi']"));
        waitForTitle("Ekonomi");
        follow(By.linkText("Ekonomisk uppföljning per nämnd och månad"));
        waitForTitle("Ekonomisk uppföljning augusti 2022");
        assertThat(mainText()).contains("Delårsbokslut per augusti 2022", "Kommunen totalt");
        assertAccessible("översikten över nämndernas prognoser");
        screenshot("ekonomisk-uppfoljning-oversikt");

        new Select(driver.findElement(By.id("manad"))).selectByVisibleText("december");
        follow(By.xpath("//main//form//button[normalize-space()='Visa']"));
        waitForTitle("Ekonomisk uppföljning december 2022");
        follow(By.xpath("//tr[th[normalize-space()='" + COMMITTEE + "']]//a[normalize-space()='Ingen rapport för december 2022']"));
        waitForText("Det finns ingen ekonomisk uppföljning för " + COMMITTEE + " per december 2022 ännu.");
        assertAccessible("en månad utan uppföljning");

        follow(By.xpath("//main//button[normalize-space()='Skapa uppföljningen']"));
        waitForTitle(REPORT);
        assertThat(mainText()).contains("Uppföljningen är skapad", "Prognosen jämförs med Delårsbokslut per augusti 2022.");
        assertAccessible("formuläret för uppföljningen");
        screenshot("ekonomisk-uppfoljning-formular");

        // Staff costs 12 000 tkr worse than August's forecast, with nothing to offset them.
        type(By.id("PERSONALKOSTNADER_PROGNOS"), "−735 434");
        type(By.id("explanation_PERSONALKOSTNADER"), "Hög sjukfrånvaro under hösten har krävt inhyrd personal och övertid.");
        follow(By.xpath("//main//button[normalize-space()='Lämna in']"));
        waitForText("Formuläret innehåller fel");
        assertThat(mainText()).contains("Prognosen visar ett underskott på 12 000 tkr. En nämnd får inte lämna en negativ prognos",
                "En negativ prognos kan inte lämnas in utan åtgärder för en ekonomi i balans",
                "Ange datum för nämndens beslut om åtgärderna.");
        WebElement plan = driver.findElement(By.id("actionPlan"));
        assertThat(plan.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("PERSONALKOSTNADER_PROGNOS")).getDomProperty("value")).isEqualTo("−735 434");
        assertThat(status()).as("nothing submitted").isEqualTo("UTKAST");
        assertAccessible("formuläret som stoppats av regeln om negativ prognos");
        screenshot("ekonomisk-uppfoljning-stoppad");

        type(By.id("actionPlan"), "Inhyrd personal avvecklas och vakanser hålls öppna till årsskiftet.");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2022-12-13'", driver.findElement(By.id("actionPlanDecidedOn")));
        type(By.id("actionPlanReference"), "§ 110, 2022.301 VON");
        follow(By.xpath("//main//button[normalize-space()='Lämna in']"));
        waitForText("Uppföljningen är inlämnad.");
        assertThat(mainText()).contains("Status: Inlämnad", "Åtgärder för en ekonomi i balans",
                "Beslutad 2022-12-13, § 110, 2022.301 VON.", "Hög sjukfrånvaro under hösten");
        assertThat(status()).isEqualTo("INLAMNAD");
        assertAccessible("den inlämnade uppföljningen");
        screenshot("ekonomisk-uppfoljning-inlamnad");

        follow(By.linkText("Volymer för nämnden"));
        waitForTitle("Volymer: " + COMMITTEE);
        assertAccessible("nämndens volymer");
        logOut();
    }

    private String status() {
        return jdbc.sql("select state from economic_report where year = 2022 and month = 12").query(String.class).single();
    }

    private static void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
