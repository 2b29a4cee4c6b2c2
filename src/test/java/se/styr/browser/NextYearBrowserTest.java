package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.EmptyDatabase;

/**
 * Alingsås rolled over from Budget 2022–2024 into 2023 by clicking: the administrator creates the next period, carries
 * KF's chain and Vård- och omsorgsnämnden's, confirms an internal-control point of the draft plan, and finds the
 * indicator's 2018–2020 outcomes on its 2023 page. On a database of its own, since the other browser tests expect
 * the demo's single period. Every page passes axe and its Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class NextYearBrowserTest extends BrowserTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "nextyearbrowser");
    }

    @Test
    void roll_alingsas_over_into_2023_and_see_the_indicators_history_on_its_2023_page() {
        open("/nasta-ar");
        logIn("admin");
        waitForTitle("Nästa år");
        assertThat(mainText()).contains("Nästa planperiod (Budget 2023–2025) finns inte ännu.", "Kommunfullmäktige");
        assertAccessible("Nästa år");

        follow(By.xpath("//main//button[normalize-space()='Skapa planperioden Budget 2023–2025']"));
        waitForText("Planperioden Budget 2023–2025 finns nu.");
        assertThat(mainText()).contains("Budget 2022–2024 förs över till Budget 2023–2025.");

        // Kommunfullmäktige's chain: everything is chosen; a box is unticked and ticked again from the keyboard
        follow(By.linkText("Välj och för över: Kommunfullmäktige"));
        waitForTitle("Nästa år: Kommunfullmäktige");
        assertAccessible("Nästa år för Kommunfullmäktige");
        screenshot("nasta-ar-kf");
        List<WebElement> boxes = driver.findElements(By.cssSelector("main input[type=checkbox][name=objekt]"));
        assertThat(boxes).isNotEmpty().allSatisfy(b -> assertThat(b.isSelected()).isTrue());
        WebElement first = boxes.get(0);
        first.sendKeys(Keys.SPACE);
        assertThat(first.isSelected()).isFalse();
        first.sendKeys(Keys.SPACE);
        assertThat(first.isSelected()).isTrue();
        follow(By.xpath("//main//button[normalize-space()='För över valda till Budget 2023–2025']"));
        waitForText("är överförda till Budget 2023–2025");
        assertAccessible("Nästa år efter Kommunfullmäktige");

        // the committee's goals, key figures and assignments, and its internal-control plan as drafts
        follow(By.linkText("Välj och för över: Vård- och omsorgsnämnden"));
        waitForTitle("Nästa år: Vård- och omsorgsnämnden");
        assertThat(mainText()).contains("Kommer som utkast");
        follow(By.xpath("//main//button[normalize-space()='För över valda till Budget 2023–2025']"));
        waitForText("7 internkontrollpunkter (som utkast)");
        follow(By.linkText("7 internkontrollpunkter väntar på beslut"));
        waitForTitle("Internkontrollplan för Budget 2023–2025");
        assertAccessible("internkontrollplanens utkast");
        follow(driver.findElements(By.xpath("//main//button[normalize-space()='Bekräfta']")).get(0));
        waitForText("är bekräftad och finns i den nya planen");
        assertThat(driver.findElements(By.xpath("//main//button[normalize-space()='Bekräfta']"))).hasSize(6);

        // the chain now shows 2023: walk from the focus area down to the indicator
        open("/styrkedja");
        waitForTitle("Styrkedja");
        follow(By.linkText("Experimentlust"));
        waitForTitle("Experimentlust");
        assertThat(mainText()).contains("Budget 2023–2025");
        follow(By.partialLinkText("Alingsås växer genom att stärka"));
        follow(By.partialLinkText("Företagsklimat, Insikt"));
        waitForTitle("Företagsklimat");
        String page = mainText();
        assertThat(page).contains("Budget 2023–2025", "Historik från tidigare planperioder");
        WebElement history = driver.findElement(By.cssSelector("main table.history"));
        assertThat(history.findElements(By.cssSelector("tbody th"))).extracting(WebElement::getText)
                .containsExactly("2018", "2019", "2020");
        assertThat(history.getText()).contains("63", "59", "67", "Budget 2022–2024");
        assertThat(objectChartTitles()).hasSize(1);
        assertAccessible("indikatorn 2023 med historik");
        screenshot("indikator-2023-historik");

        // the history links back to the 2022 object
        follow(history.findElement(By.linkText("Budget 2022–2024")));
        waitForTitle("Företagsklimat");
        assertThat(mainText()).contains("Budget 2022–2024");
    }
}
