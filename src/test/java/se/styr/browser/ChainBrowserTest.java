package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in headless Chromium: logs in, walks the chain from vision to an indicator, opens it, edits values,
 * and every page passes axe-core's WCAG 2.1 A/AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class ChainBrowserTest {

    private static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("STYR_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("styr-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("STYR_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void waitForTitle(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains(part));
    }

    /** Kept under target/screenshots for a person to look at after a run. */
    private static void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> violations = results.getViolations().stream()
                .map(ChainBrowserTest::describe).toList();
        assertThat(violations).as("WCAG 2.1 AA violations on " + page).isEmpty();
        assertThat(results.getPasses()).as("axe ran its rules on " + page).isNotEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    @Test
    void log_in_walk_the_chain_open_an_indicator_and_enter_values() {
        open("/styrkedja");
        waitForTitle("Logga in");
        assertAccessible("inloggningssidan");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("styr-demo", Keys.ENTER);

        waitForTitle("Styrkedja");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Västsveriges vackraste kulturstad", "Experimentlust");
        assertAccessible("styrkedjan");
        screenshot("styrkedja");

        // Vision → focus area → priority goal → indicator, by following the links as a person would.
        driver.findElement(By.linkText("Experimentlust")).click();
        waitForTitle("Experimentlust");
        assertAccessible("fokusområdet");
        driver.findElement(By.partialLinkText("Alingsås växer")).click();
        waitForTitle("Alingsås växer");
        driver.findElement(By.partialLinkText("Företagsklimat")).click();
        waitForTitle("Företagsklimat");
        WebElement main = driver.findElement(By.tagName("main"));
        assertThat(main.getText()).contains("U07451", "Med anmärkning", "Ökad", "Ska öka");
        assertThat(driver.findElements(By.cssSelector("svg.chart[role=img] title"))).hasSize(1);
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
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Ändringarna är sparade"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("74,8", "Utan anmärkning");

        driver.findElement(By.linkText("Redigera")).click();
        waitForTitle("Redigera");
        assertAccessible("redigeringsformuläret");
        WebElement kolada = driver.findElement(By.id("koladaId"));
        kolada.clear();
        kolada.sendKeys("fel-id");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Kolada-id ska vara"));
        assertAccessible("formuläret med fel");
        screenshot("formular-med-fel");

        open("/organisation");
        waitForTitle("Organisation");
        assertAccessible("organisationen");
        open("/admin/granskningslogg");
        waitForTitle("Granskningslogg");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Företagsklimat");
        assertAccessible("granskningsloggen");
    }
}
