package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: one headless Chromium per test class, going to pages and waiting for them, logging
 * in and out, axe-core's WCAG 2.1 A/AA check and screenshots. The subclasses are the Spring Boot tests.
 */
abstract class BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("STYR_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("styr-chromium"));
        // the console, where Chromium reports what the Content-Security-Policy blocked
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
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
            driver = null;
        }
    }

    /** Waits up to ten seconds, looking every 50 ms: a page swapped in by htmx is usually there within a few. */
    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    static void waitForTitle(String part) {
        waiting().until(ExpectedConditions.titleContains(part));
    }

    /** Waits until the page's main content shows the text (a notice after a save, an error summary, ...). */
    static void waitForText(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    /** The titles of the object page's own chart of its values; a Kolada-linked figure has its comparison chart beside it. */
    static List<WebElement> objectChartTitles() {
        return driver.findElements(By.cssSelector("svg.chart[role=img]:not([aria-labelledby^=kolada]) > title"));
    }

    static String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /**
     * Clicks a link or button and waits until the page it leads to has replaced this one. Links and forms are
     * boosted by htmx, so the page is swapped in place rather than loaded; either way the old main element goes stale.
     */
    static void follow(WebElement linkOrButton) {
        WebElement main = driver.findElement(By.tagName("main"));
        linkOrButton.click();
        waitUntilReplaced(main);
    }

    /** Waits until the page that held this element (its main, usually) has been replaced. */
    static void waitUntilReplaced(WebElement element) {
        waiting().until(d -> gone(element));
    }

    /**
     * Selenium's stalenessOf, but Chromium sometimes answers for an element whose document was just swapped with
     * an "unknown error: Node with given id does not belong to the document" rather than a stale reference.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static void follow(By linkOrButton) {
        follow(driver.findElement(linkOrButton));
    }

    /** Fills in the login page, which must be showing, and sends it. */
    static void logIn(String username) {
        waitForTitle("Logga in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("styr-demo", Keys.ENTER);
        waiting().until(ExpectedConditions.not(ExpectedConditions.titleContains("Logga in")));
    }

    /** Logs out with the header's button, which leads back to the login page. */
    static void logOut() {
        follow(By.xpath("//header//form//button[normalize-space()='Logga ut']"));
        waitForTitle("Logga in");
    }

    /** Also fails when the page broke its Content-Security-Policy since the last check (Chromium's console says so). */
    static void assertAccessible(String page) {
        List<String> blocked = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(blocked).as("Content-Security-Policy violations up to " + page).isEmpty();
        // a long report on a busy machine can take axe longer than its default 30 s; a timeout is an error, not a pass
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).setTimeout(180)
                .analyze(driver);
        assertThat(results.isErrored()).as("axe failed on " + page + ": " + results.getErrorMessage()).isFalse();
        List<String> violations = results.getViolations().stream().map(BrowserTestBase::describe).toList();
        assertThat(violations).as("WCAG 2.1 AA violations on " + page).isEmpty();
        assertThat(results.getPasses()).as("axe ran its rules on " + page).isNotEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    /**
     * Kept under target/screenshots for a person to look at after a run: the whole page, for which the window is
     * made as tall as the page (at most 12000 pixels) while the picture is taken.
     */
    static void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Number extra = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollHeight - window.innerHeight, 0)");
        try {
            if (extra.intValue() > 0) {
                driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(window.getHeight() + extra.intValue(), 12000)));
            }
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
