package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A person in headless Chromium: logs in, opens the chain's nodes with the mouse and the keyboard, opens a branch as a
 * page, searches for an indicator, opens it, edits values, opens the organisation body by body and searches a unit,
 * creates an API token, and every page passes axe-core's WCAG 2.1 A/AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class ChainBrowserTest extends BrowserTestBase {

    /** The open/close button of the tree node whose link starts with this title. */
    private static WebElement toggleOf(String title) {
        return driver.findElement(By.xpath("//li[a[starts-with(normalize-space(), '" + title + "')]]/form/button"));
    }

    /** The open/close button of the organisation's unit with this name. */
    private static WebElement unitToggleOf(String name) {
        return driver.findElement(By.xpath("//li[span[@class='unit']/*[normalize-space()='" + name + "']]/form/button"));
    }

    /** Waits until htmx has swapped in the node with its button in the given state. */
    private static void waitForExpanded(String buttonId, String expanded) {
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(d -> {
            try {
                return expanded.equals(d.findElement(By.id(buttonId)).getAttribute("aria-expanded"));
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    @Test
    void log_in_walk_the_chain_open_an_indicator_and_enter_values() {
        open("/styrkedja");
        waitForTitle("Logga in");
        assertAccessible("inloggningssidan");
        logIn("admin");

        waitForTitle("Styrkedja");
        assertThat(mainText()).contains("Västsveriges vackraste kulturstad", "Experimentlust");
        assertAccessible("styrkedjan");
        screenshot("styrkedja");

        // The whole municipality shows KF's focus areas closed: open one with its button, as a disclosure.
        WebElement focusArea = toggleOf("Experimentlust");
        assertThat(focusArea.getAttribute("aria-expanded")).isEqualTo("false");
        String focusAreaId = focusArea.getAttribute("id");
        focusArea.click();
        waitForExpanded(focusAreaId, "true");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus stays on the button").isEqualTo(focusAreaId);
        assertThat(mainText()).contains("Alingsås växer");
        // The keyboard opens the priority goal below it (Enter), and its indicator shows its signal.
        WebElement priorityGoal = toggleOf("Alingsås växer");
        String priorityGoalId = priorityGoal.getAttribute("id");
        priorityGoal.sendKeys(Keys.ENTER);
        waitForExpanded(priorityGoalId, "true");
        assertThat(mainText()).contains("Företagsklimat", "Med anmärkning");
        assertAccessible("styrkedjan med öppnade grenar");
        screenshot("styrkedja-oppnad");
        // Space closes the focus area again.
        driver.findElement(By.id(focusAreaId)).sendKeys(Keys.SPACE);
        waitForExpanded(focusAreaId, "false");
        assertThat(mainText()).doesNotContain("Alingsås växer");

        // Without JavaScript the button opens the branch as a page of its own.
        String branch = driver.findElement(By.id(focusAreaId)).findElement(By.xpath("..")).getAttribute("action");
        driver.get(branch);
        waitForTitle("Experimentlust");
        assertThat(mainText()).contains("Gren i styrkedjan", "Alingsås växer");
        assertAccessible("grenen");

        // The search finds the indicator by a word of its title and shows where it sits in the chain.
        open("/styrkedja");
        waitForTitle("Styrkedja");
        driver.findElement(By.id("q")).sendKeys("företagsklimat", Keys.ENTER);
        waitForTitle("Sök i styrkedjan");
        waitForText("Experimentlust › Alingsås växer");
        assertThat(mainText()).contains("Visar 1–");
        assertAccessible("sökresultatet");
        screenshot("sok");
        follow(By.partialLinkText("Företagsklimat"));
        waitForTitle("Företagsklimat");
        WebElement main = driver.findElement(By.tagName("main"));
        assertThat(main.getText()).contains("U07451", "Med anmärkning", "Ökad", "Ska öka");
        assertThat(objectChartTitles()).hasSize(1);
        assertAccessible("indikatorn");
        screenshot("indikator");

        driver.findElement(By.linkText("Ändra utfall och målvärden")).click();
        waitForTitle("Ändra utfall och målvärden");
        assertAccessible("värdeformuläret");
        List<WebElement> years = driver.findElements(By.cssSelector("input[name$='.year']"));
        int free = (int) years.stream().filter(e -> e.getAttribute("value").isEmpty()).count();
        assertThat(free).isEqualTo(3);
        int row = years.size() - free;
        driver.findElement(By.id("rows" + row + ".year")).sendKeys("2022");
        driver.findElement(By.id("rows" + row + ".outcome")).sendKeys("74,8");
        driver.findElement(By.id("rows" + row + ".target")).sendKeys("74");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        waitForTitle("Företagsklimat");
        waitForText("Ändringarna är sparade");
        assertThat(mainText()).contains("74,8", "Utan anmärkning");

        driver.findElement(By.linkText("Redigera")).click();
        waitForTitle("Redigera");
        assertAccessible("redigeringsformuläret");
        WebElement kolada = driver.findElement(By.id("koladaId"));
        kolada.clear();
        kolada.sendKeys("fel-id");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText("Kolada-id ska vara");
        assertAccessible("formuläret med fel");
        screenshot("formular-med-fel");

        // The organisation opens body by body: KS's committees are closed, one opens with its button, and the search
        // finds a unit by its code.
        open("/organisation");
        waitForTitle("Organisation");
        assertAccessible("organisationen");
        WebElement von = unitToggleOf("Vård- och omsorgsnämnden");
        assertThat(von.getAttribute("aria-expanded")).isEqualTo("false");
        String vonId = von.getAttribute("id");
        von.click();
        waitForExpanded(vonId, "true");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus stays on the button").isEqualTo(vonId);
        assertThat(mainText()).contains("Vård- och omsorgsförvaltningen");
        WebElement vof = unitToggleOf("Vård- och omsorgsförvaltningen");
        String vofId = vof.getAttribute("id");
        vof.sendKeys(Keys.ENTER);
        waitForExpanded(vofId, "true");
        assertThat(mainText()).contains("Äldreomsorg", "Avdelning");
        assertAccessible("organisationen med öppnade organ");
        screenshot("organisation-oppnad");
        driver.findElement(By.id("q")).sendKeys("VOF-HN", Keys.ENTER);
        waitForTitle("Sök i organisationen");
        waitForText("Hemtjänst Norr");
        assertThat(mainText()).contains("Vård- och omsorgsnämnden › Vård- och omsorgsförvaltningen › Äldreomsorg");
        assertAccessible("sökresultatet i organisationen");
        open("/admin/granskningslogg");
        waitForTitle("Granskningslogg");
        assertThat(mainText()).contains("Företagsklimat");
        assertAccessible("granskningsloggen");

        // API tokens, from the header: refused without a name, then created and its secret shown once; everyone's.
        follow(By.xpath("//header//a[normalize-space()='API-nycklar']"));
        waitForTitle("API-nycklar");
        assertAccessible("API-nycklar");
        follow(By.xpath("//main//form//button[normalize-space()='Skapa API-nyckel']"));
        waitForText("Ge nyckeln ett namn");
        assertAccessible("API-nycklar med fel");
        driver.findElement(By.id("name")).sendKeys("Rapportverktyget");
        follow(By.xpath("//main//form//button[normalize-space()='Skapa API-nyckel']"));
        waitForText("visas bara den här gången");
        assertThat(driver.findElement(By.id("hemlighet")).getDomProperty("value")).startsWith("styr_");
        assertAccessible("API-nyckeln som just skapats");
        screenshot("api-nycklar");
        follow(By.linkText("Se och återkalla allas API-nycklar"));
        waitForTitle("Allas API-nycklar");
        assertThat(mainText()).contains("Rapportverktyget", "Alva Administratör");
        assertAccessible("allas API-nycklar");
    }
}
