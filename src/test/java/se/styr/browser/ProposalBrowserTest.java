package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vänsterpartiet's group writes a proposal: creates it, sees the result recomputed while typing a tax change and a
 * frame change, publishes it, logs out and opens the public page. Every page passes axe-core's WCAG 2.1 A/AA rules.
 * The proposal is removed afterwards (the in-memory database is shared with other tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class ProposalBrowserTest extends BrowserTestBase {

    private static final String TITLE = "Webbläsarprovets förslag";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheProposal() {
        String versions = "select v.id from proposal_version v where v.title = '" + TITLE + "'";
        for (String table : new String[] {"proposal_tax_base", "proposal_frame_change", "proposal_indicator"}) {
            jdbc.sql("delete from " + table + " where version_id in (" + versions + ")").update();
        }
        jdbc.sql("delete from audit_entry where object_type = 'PROPOSAL' and object_id in (" + versions + ")").update();
        Long proposal = jdbc.sql("select max(proposal_id) from proposal_version where title = '" + TITLE + "'").query(Long.class).single();
        jdbc.sql("delete from proposal_version where title = '" + TITLE + "'").update();
        if (proposal != null) {
            jdbc.sql("delete from proposal where id = ?").param(proposal).update();
        }
    }

    static void waitForResult(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultat"), text));
    }

    static void waitForFocus(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void a_party_group_writes_checks_and_publishes_a_proposal() {
        open("/forslag");
        logIn("partiV");
        open("/forslag");
        waitForTitle("budgetförslag");
        assertThat(mainText()).contains("Vänsterpartiets budgetförslag 2025");
        assertAccessible("the proposals' start page");

        new Select(driver.findElement(By.id("budget"))).selectByVisibleText("Budget 2025–2027 (illustrativ grund), version 1");
        follow(By.xpath("//button[normalize-space()='Skapa förslag']"));
        waitForTitle("Nytt budgetförslag");
        assertAccessible("a new proposal's form");
        type("title", TITLE);
        type("taxBase2025", "9 985 000");
        type("taxBase2026", "10 324 000");
        type("taxBase2027", "10 754 000");
        type("taxChangeOre", "30");
        // 9 985 000 tkr × 30 öre / 10 000 = 29 955 tkr, computed while typing, before anything is saved
        waitForResult("29 955");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("taxChangeOre");
        // the comparison beside the majority's budget follows too: the tax rate 21,36 becomes 21,66
        waitForResult("21,66");
        assertThat(driver.findElement(By.className("live-comparison")).getText()).contains(TITLE + " (ej sparat)", "21,36", "21,66");
        driver.findElement(By.xpath("//label[starts-with(normalize-space(), 'Vänsterpartiets budgetförslag 2025')]")).click();
        waitForResult("Vänsterpartiets budgetförslag 2025, version 1");
        follow(By.xpath("//button[normalize-space()='Spara']"));
        waitForTitle(TITLE);
        assertThat(mainText()).contains("Förslaget är sparat.");

        // A priority goal with seed 002's indicator N04123; each add button brings the editor back with an empty row to type in.
        follow(By.xpath("//button[normalize-space()='Lägg till prioriterat mål']"));
        waitForFocus("goal0.title");
        driver.switchTo().activeElement().sendKeys("Prioriterat mål 1: Alingsås kommun leder utvecklingen mot ett hållbart samhälle.");
        type("goal0.ind0.text", "Köp av vård och omsorg, totalt, ska minska. Andel (%). (Kolada: N04123)");
        type("goal0.ind0.kolada", "N04123");
        type("goal0.ind0.outcomeYear", "2024");
        type("goal0.ind0.outcome", "12,2%");
        type("goal0.ind0.targetYear", "2028");
        type("goal0.ind0.target", "7,5%");
        WebElement compareWith = driver.findElement(By.xpath("//label[starts-with(normalize-space(), 'Vänsterpartiets budgetförslag 2025')]"));
        String compareBox = compareWith.getAttribute("for");
        compareWith.click();
        follow(By.xpath("//button[normalize-space()='Lägg till indikator i mål 1']"));
        waitForFocus("goal0.ind1.text");
        // the editor comes back as typed: the proposal chosen to compare with is still ticked and compared
        assertThat(driver.findElement(By.id(compareBox)).isSelected()).isTrue();
        assertThat(driver.findElement(By.className("live-comparison")).getText()).contains("Vänsterpartiets budgetförslag 2025, version 1");
        assertThat(driver.findElement(By.id("goal0.ind0.outcome")).getAttribute("value")).isEqualTo("12,2%");
        assertAccessible("the proposal's goals with an added row");

        new Select(driver.findElement(By.id("change0.unit"))).selectByVisibleText("Vård- och omsorgsnämnden");
        type("change0.amount", "20 000");
        waitForResult("20 000");
        assertThat(driver.findElement(By.id("resultat")).getText()).contains("Vård- och omsorgsnämnden");
        assertAccessible("the proposal with its live result");
        screenshot("proposal");
        follow(By.xpath("//button[normalize-space()='Spara']"));
        waitForText("Förslaget är sparat.");
        assertThat(mainText()).contains("2024: 12,2%", "2028: 7,5%");

        follow(By.xpath("//button[normalize-space()='Publicera']"));
        waitForText("Förslaget är publicerat");
        String publicPath = driver.findElement(By.linkText("Publik sida")).getAttribute("href").replaceFirst("^https?://[^/]+", "");

        open("/forslag/jamfor");
        waitForTitle("Jämför budgetförslag");
        waitForText("Inga förslag på en grundbudget visas");
        // ticking a proposal updates the comparison at once, without pressing the button, and keeps the focus there
        WebElement mine = driver.findElement(By.xpath("//label[starts-with(normalize-space(), '" + TITLE + "')]"));
        String box = mine.getAttribute("for");
        mine.click();
        waitForText("Ett förslag på en grundbudget visas");
        assertThat(driver.findElement(By.className("comparison")).getText()).contains(TITLE + ", version 1", "21,66");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo(box);
        // a proposal on another base is compared with its own base, beside the first
        driver.findElement(By.xpath("//label[starts-with(normalize-space(), 'Socialdemokraternas budgetförslag 2020–2022')]")).click();
        waitForText("2 förslag på 2 grundbudgetar visas");
        assertThat(mainText()).contains("Budget 2020–2022 (illustrativ grund), version 1", "Budget 2025–2027 (illustrativ grund), version 1");
        assertAccessible("the comparison");
        screenshot("proposal-comparison");

        logOut();
        open(publicPath);
        waitForTitle(TITLE);
        assertThat(mainText()).contains("Vänsterpartiets fullmäktigegrupp", "29 955", "Balanskravet");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Logga ut']"))).isEmpty();
        assertAccessible("the public page");
        screenshot("proposal-public");
        open("/publicerat/forslag");
        waitForTitle("Publicerade budgetförslag");
        assertAccessible("the public list");
    }
}
