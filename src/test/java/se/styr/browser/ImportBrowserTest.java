package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.styr.economy.excel.ImportFiles;

/**
 * The controller reads outcomes from Excel on the import page: first a file with mistakes, whose every problem is
 * listed with sheet, row and column, then a good file of a few thousand rows, whose progress the page follows until
 * it is read. The pages pass axe-core's WCAG 2.1 A/AA rules. The outcome table is put back as it was afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class ImportBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    private List<Map<String, Object>> outcomes;

    @BeforeEach
    void keepTheOutcomes() {
        outcomes = jdbc.sql("select * from economic_outcome").query().listOfRows();
    }

    @AfterEach
    void putTheOutcomesBack() {
        jdbc.sql("delete from economic_outcome").update();
        for (Map<String, Object> row : outcomes) {
            jdbc.sql("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (:org_unit_id, :year, :month, :account_group, :amount)")
                    .params(row).update();
        }
    }

    @Test
    void aControllerReadsOutcomesFromExcel() throws Exception {
        open("/");
        logIn("controller");
        waitForTitle("Start");
        follow(By.xpath("//header//a[normalize-space()='Ekonomi']"));
        waitForTitle("Ekonomi");
        follow(By.linkText("Importera och exportera Excel"));
        waitForTitle("Importera och exportera Excel");
        assertThat(mainText()).contains("Nämndens detaljbudget", "Utfall per månad", "Exportera till Excel");
        assertAccessible("importsidan");
        screenshot("import");

        Path dir = Files.createTempDirectory("styr-import");
        Path bad = dir.resolve("utfall-med-fel.xlsx");
        Files.write(bad, ImportFiles.outcomes(List.of(
                List.of("VOF-HN", 2022, 1, "Personalkostnader", -100),
                List.of("VOF-HN", 2022, 13, "Personalkostnader", -100),
                List.of("Okänd enhet", 2022, 2, "Lokalhyror", -100),
                List.of("VOF-HN", 2022, 3, "Personalkostnader", "12a"))));
        driver.findElement(By.id("utfall-fil")).sendKeys(bad.toString());
        follow(By.xpath("//main//button[normalize-space()='Läs in utfallet']"));
        waitForText("kunde inte läsas in");
        assertThat(driver.findElements(By.cssSelector("#importfel li")).stream().map(WebElement::getText).toList()).containsExactly(
                "Blad Utfall, rad 3, kolumn C: ”13” är ingen månad. Ange 1–12.",
                "Blad Utfall, rad 4, kolumn A: ”Okänd enhet” är ingen enhet i kommunen. Ange enhetens kod eller hela namn.",
                "Blad Utfall, rad 5, kolumn E: ”12a” är inte ett belopp i tkr.");
        assertThat(driver.getCurrentUrl()).as("the job's own address, to reload").matches(".*/ekonomi/import/jobb/[0-9a-f-]{36}$");
        assertAccessible("importen med fel");
        screenshot("import-fel");

        follow(By.linkText("Läs in en annan fil"));
        waitForTitle("Importera och exportera Excel");
        List<String> units = jdbc.sql("""
                        select u.code from org_unit u where u.code like 'VOF-%' or u.code in ('81820', '81830', '81160', '81380', '81930', '81940')
                        order by u.code""").query(String.class).list();
        // every unit of VON (the controller's committee), each month and typed account group of 2021–2024
        int count = units.size() * 84 * 4;
        Path good = dir.resolve("utfall-2021-2024.xlsx");
        Files.write(good, ImportFiles.outcomes(ImportFiles.outcomeRows(units, List.of(2021, 2022, 2023, 2024), count)));
        driver.findElement(By.id("utfall-fil")).sendKeys(good.toString());
        follow(By.xpath("//main//button[normalize-space()='Läs in utfallet']"));
        // The import may well be done before the page is: a progress bar is looked at when there is one to see.
        List<WebElement> bar = driver.findElements(By.cssSelector("#importlage progress"));
        if (!bar.isEmpty()) {
            screenshot("import-forlopp");
        }
        waitForText("är inläst");
        String rows = String.format(java.util.Locale.ROOT, "%,d", count).replace(',', ' ');
        assertThat(driver.findElement(By.cssSelector("#importlage .notice")).getText())
                .isEqualTo("Filen utfall-2021-2024.xlsx är inläst: " + rows + " rader.");
        assertThat(driver.findElements(By.cssSelector("#importlage[hx-trigger]"))).as("polling has stopped").isEmpty();
        assertThat(jdbc.sql("select count(*) from economic_outcome where org_unit_id in (select id from org_unit where code in (:codes))")
                .param("codes", units).query(Long.class).single()).isEqualTo((long) count);
        assertAccessible("importen klar");
        screenshot("import-klar");
        logOut();
    }
}
