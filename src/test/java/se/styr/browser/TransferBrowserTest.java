package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styr.SignedIn;
import se.styr.transfer.Transfer;
import se.styr.transfer.TransferKind;

/**
 * The administrator on Import och export: the page, the goal chain's export uploaded again (the preview says nothing
 * changes, so there is nothing to confirm), and a file with a mistake (its problem with sheet, row and column). Only
 * checks run, so the demo's data stay as they are. The pages pass axe-core's WCAG 2.1 A/AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class TransferBrowserTest extends BrowserTestBase {

    @Autowired
    Transfer transfer;
    @Autowired
    UserDetailsService users;

    @Test
    void theAdministratorChecksTheExportAndAFileWithAMistake() throws Exception {
        SignedIn.as(users, "admin");
        byte[] export = transfer.export(TransferKind.STYRKEDJA);
        SecurityContextHolder.clearContext();
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
        Files.write(wrong, transfer.template(TransferKind.STYRKEDJA));
        driver.findElement(By.id("personer-fil")).sendKeys(wrong.toString());
        follow(By.xpath("//main//section//h2[@id='personer']/following::button[1]"));
        waitForText("kunde inte läsas in");
        assertThat(driver.findElements(By.cssSelector("#importfel li")).stream().map(WebElement::getText).toList())
                .containsExactly("Filen saknar bladet ”Personer”. Utgå från mallen på importsidan.");
        assertAccessible("importen med fel");
    }
}
