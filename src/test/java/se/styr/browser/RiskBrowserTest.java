package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The controller opens VON's risk analysis 2022 from the header, reads the matrix, adds a risk of value 16 with the
 * keyboard only (the radio groups are chosen with the arrow keys), gets the immediate action suggested, creates it and
 * reaches it from the risk. Each page passes axe-core's WCAG 2.1 A/AA rules. The database is shared with the other
 * tests of the run, so the risk and the action are removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class RiskBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeWhatWasAdded() {
        jdbc.sql("delete from risk where description = 'Larmen fungerar inte vid strömavbrott.'").update();
        jdbc.sql("delete from quality_action where what = 'Byt batterier i larmcentralerna'").update();
    }

    @Test
    void a_controller_adds_a_risk_of_value_16_and_creates_its_immediate_action() {
        open("/");
        logIn("controller");
        follow(By.linkText("Risker"));
        waitForTitle("Risk- och väsentlighetsanalys");
        assertThat(driver.findElement(By.cssSelector("svg.matrix title")).getAttribute("textContent"))
                .isEqualTo("Riskmatris 2022 för Vård- och omsorgsnämnden");
        assertThat(driver.findElement(By.cssSelector("table.matrix-table")).getText())
                .contains("Riskvärde 9 (Medel): risk 3, 4, 10, 14, 17").contains("Riskvärde 16 (Hög): inga risker");
        assertAccessible("the register of VON 2022");
        screenshot("risk-register");

        WebElement description = driver.findElement(By.id("description"));
        description.sendKeys("Larmen fungerar inte vid strömavbrott.");
        description.sendKeys(Keys.TAB); // to Område
        driver.switchTo().activeElement().sendKeys(Keys.TAB); // to Process
        driver.switchTo().activeElement().sendKeys("Trygghetslarm", Keys.TAB); // to the probability group
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN); // 1 → 4 Sannolik
        assertThat(driver.findElement(By.id("probability-4")).isSelected()).isTrue();
        driver.switchTo().activeElement().sendKeys(Keys.TAB); // to the consequence group
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(driver.findElement(By.id("consequence-4")).isSelected()).isTrue();
        WebElement main = driver.findElement(By.tagName("main"));
        driver.findElement(By.id("process")).sendKeys(Keys.ENTER);
        waitUntilReplaced(main);
        waitForText("Risk 18 är tillagd.");
        assertThat(mainText()).contains("16").contains("Föreslagen hantering\nOmedelbar åtgärd").contains("Vald hantering\nOmedelbar åtgärd");
        assertAccessible("a new risk of value 16");

        driver.findElement(By.id("title")).sendKeys("Byt batterier i larmcentralerna");
        driver.findElement(By.id("responsible")).sendKeys("Enhetschef särskilt boende");
        driver.findElement(By.id("timetable")).sendKeys("Senast 2022-03-31");
        follow(By.xpath("//button[normalize-space()='Skapa och koppla']"));
        waitForText("Hanteringen är skapad och kopplad till risken.");
        follow(By.linkText("Omedelbar åtgärd: Byt batterier i larmcentralerna"));
        waitForText("Risker som åtgärden hanterar");
        assertThat(mainText()).contains("Risk 18: Larmen fungerar inte vid strömavbrott. (riskvärde 16)");
        assertAccessible("the immediate action");
    }
}
