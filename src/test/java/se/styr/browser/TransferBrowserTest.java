package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The administrator on Import och export: the page, the goal chain's export uploaded again (the preview says nothing
 * changes, so there is nothing to confirm), and a file with a mistake (its problem with sheet, row and column). Only
 * checks run, so the demo's data stay as they are. The pages pass axe-core's WCAG 2.1 A/AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class TransferBrowserTest extends BrowserTestBase {

    /** A download through the API as the administrator (HTTP Basic, the demo's password). */
    private byte[] download(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("admin:styr-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theAdministratorChecksTheExportAndAFileWithAMistake() throws Exception {
        byte[] export = download("/api/v1/exports/styrkedja");
        Path dir = Files.createTempDirectory("styr-transfer");
        Path same = dir.resolve("styrkedja.xlsx");
        Files.write(same, export);

        open("/");
        logIn("admin");
        waitForTitle("Start");
        follow(By.xpath("//header//a[normalize-space()='Import och export']"));
        waitForTitle("Import och export");
        assertThat(mainText()).contains("Organisationen", "Personer och roller", "Styrkedjan");
        assertAccessible("Import och export");

        driver.findElement(By.id("styrkedja-fil")).sendKeys(same.toString());
        follow(By.xpath("//main//section//h2[@id='styrkedja']/following::button[1]"));
        waitForText("Filen ändrar ingenting");
        assertThat(driver.findElements(By.cssSelector("#forhandsgranskning tbody th")).stream().map(WebElement::getText).toList())
                .startsWith("Fokusområden", "Prioriterade mål", "Indikatorer");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Bekräfta och läs in']"))).isEmpty();
        assertAccessible("förhandsgranskningen");

        follow(By.linkText("Avbryt och läs in en annan fil"));
        waitForTitle("Import och export");
        Path wrong = dir.resolve("personer.xlsx");
        Files.write(wrong, download("/api/v1/imports/styrkedja/template"));
        driver.findElement(By.id("personer-fil")).sendKeys(wrong.toString());
        follow(By.xpath("//main//section//h2[@id='personer']/following::button[1]"));
        waitForText("kunde inte läsas in");
        assertThat(driver.findElements(By.cssSelector("#importfel li")).stream().map(WebElement::getText).toList())
                .containsExactly("Filen saknar bladet ”Personer”. Utgå från mallen på importsidan.");
        assertAccessible("importen med fel");
    }
}
