package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A controller at the municipal level keeps the budget: opens Budget 2022–2024, changes a tax figure and sees the
 * derived lines recomputed while typing, saves, and reads the financial goals. Every economy page passes axe-core's
 * WCAG 2.1 A/AA rules. The tax figure is put back afterwards (the in-memory database is shared with other tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class BudgetBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheTaxFigureBack() {
        jdbc.sql("update budget_amount set amount = 2205201000 where line = 'SKATTEINTAKTER' and year = 2023").update();
    }

    @Test
    void the_budget_is_edited_with_a_live_preview_and_the_financial_goals_follow() {
        open("/ekonomi");
        logIn("admin");
        open("/ekonomi");
        waitForTitle("Ekonomi");
        assertAccessible("the economy start page");

        follow(By.linkText("Budget 2022–2024"));
        waitForTitle("Budget 2022–2024");
        assertThat(mainText()).contains("(tryckt: −2 665 809)");
        assertAccessible("the budget page");
        screenshot("budget");

        follow(By.linkText("Ändra Resultatbudget"));
        waitForTitle("Resultatbudget");
        assertAccessible("the result budget's form");
        WebElement tax = driver.findElement(By.id("SKATTEINTAKTER_2023"));
        tax.clear();
        tax.sendKeys("2 215 201");
        // the year's result in the preview grows by the 10 000 tkr typed: 111 425 → 121 425, before anything is saved
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("forhandsvisning"), "121 425"));
        assertThat(driver.findElement(By.id("SKATTEINTAKTER_2023")).getAttribute("value")).isEqualTo("2 215 201");
        screenshot("budget-table-form");
        follow(By.xpath("//button[normalize-space()='Spara tabellen']"));
        waitForText("Tabellen ”Resultatbudget” är sparad.");
        assertThat(mainText()).contains("2 215 201");

        open("/ekonomi/finansiella-mal");
        waitForTitle("Finansiella mål");
        assertThat(mainText()).contains("✓ Uppfyllt", "✗ Ej uppfyllt", "Underlag saknas");
        assertAccessible("the financial goals");
        screenshot("financial-goals");
        follow(By.linkText("Kommunens prognos 2022"));
        waitForTitle("Kommunens prognos 2022");
        assertAccessible("the municipality's forecast form");
    }
}
