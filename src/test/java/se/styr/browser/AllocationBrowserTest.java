package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styr.SignedIn;
import se.styr.economy.allocation.AllocationModel;
import se.styr.economy.allocation.AllocationService;
import se.styr.economy.budget.BudgetService;

/**
 * The administrator opens the demo's resource allocation model from the economy page, gives full PKV instead of half,
 * sees the committees' frames recomputed in place without the page being loaded again, types a mistake and sees it
 * explained, and saves. The page passes axe-core's WCAG 2.1 A/AA rules in each state. The in-memory database is shared
 * with the other tests of the run, so the model is put back as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class AllocationBrowserTest extends BrowserTestBase {

    @Autowired
    AllocationService allocations;
    @Autowired
    BudgetService budgets;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private long budgetId;
    private AllocationModel original;

    @BeforeEach
    void remember() {
        SignedIn.as(users, "admin");
        budgetId = budgets.forYear(2022).orElseThrow().id();
        original = allocations.view(budgetId).model();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void putTheModelBack() {
        SignedIn.as(users, "admin");
        AllocationService.View now = allocations.view(budgetId);
        if (!now.model().equals(original)) {
            allocations.save(budgetId, now.version(), original);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void full_pkv_recomputes_the_frames_in_place_and_is_saved() {
        long von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        open("/ekonomi");
        logIn("admin");
        waitForTitle("Ekonomi");
        follow(By.linkText("Resursfördelning: nästa års ramar"));
        waitForTitle("Resursfördelning: Budget 2022–2024");
        assertThat(cell(von, "Pris- och löneuppräkning")).isEqualTo("18 012");
        assertThat(cell(von, "Ny ram")).isEqualTo("853 209");
        assertThat(cell(von, "Ram i driftbudgeten")).isEqualTo("853 556");
        assertThat(cell(von, "Skillnad")).isEqualTo("347");
        assertAccessible("resursfördelningsmodellen");
        screenshot("resursfordelning");

        // A marker that a page load would wipe out: the frames must change without one.
        ((JavascriptExecutor) driver).executeScript("window.styrNotReloaded = true;");
        WebElement share = driver.findElement(By.id("pkvShare"));
        share.clear();
        share.sendKeys("100");
        waitForText("Pris- och löneuppräkning (100 % av PKV)");
        assertThat(cell(von, "Pris- och löneuppräkning")).isEqualTo("36 024");
        assertThat(cell(von, "Ny ram")).isEqualTo("871 221");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("return window.styrNotReloaded === true;")).isTrue();
        assertThat(driver.findElement(By.id("resultat-status")).getDomProperty("textContent"))
                .startsWith("Ramarna är omräknade. Summa ny ram: 2022 ");
        assertAccessible("resursfördelningsmodellen efter en ändring");
        screenshot("resursfordelning-full-pkv");

        WebElement pkv = driver.findElement(By.id("pkv_2023"));
        pkv.clear();
        pkv.sendKeys("tre");
        waitForText("Ange ett tal, till exempel 83,5.");
        assertThat(driver.findElement(By.cssSelector("#resultat .error-summary")).getText()).contains("Ange ett tal, till exempel 83,5.");
        assertAccessible("resursfördelningsmodellen med fel i förhandsvisningen");
        pkv.clear();
        pkv.sendKeys("3,6");
        waitForText("Pris- och löneuppräkning (100 % av PKV)");

        follow(By.xpath("//main//form//button[normalize-space()='Spara']"));
        waitForText("Modellen är sparad.");
        assertThat(driver.findElement(By.id("pkvShare")).getDomProperty("value")).isEqualTo("100");
        assertThat(cell(von, "Pris- och löneuppräkning")).isEqualTo("36 024");
        assertAccessible("resursfördelningsmodellen efter sparande");
        logOut();
    }

    /** The first year's figure of a row in a committee's table, spaces as typed. */
    private static String cell(long committee, String rowStart) {
        return driver.findElement(By.xpath("//table[@id='resultat-" + committee + "']//tr[th[starts-with(normalize-space(), '"
                + rowStart + "')]]/td[1]")).getText().replace('\u00a0', ' ');
    }
}
