package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.EmptyDatabase;

/**
 * The first start as the person installing Styr meets it, on an empty database of its own: the start page says Styr is
 * not set up, the log has the one-time link, the setup page takes the municipality and the administrator (first with a
 * mistake), the administrator logs in and sees the municipality; the link is dead afterwards. Every page passes axe and
 * its Content-Security-Policy. Behind a TLS proxy the session cookie is Secure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "styr.demo.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
@Tag("browser")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SetupBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "Varbergs fästning står kvar";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "setupbrowser");
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void from_an_empty_database_the_log_link_sets_up_the_municipality_and_the_administrator_logs_in(CapturedOutput output) throws Exception {
        open("/");
        waitForTitle("Styr är inte uppsatt än");
        assertAccessible("Styr är inte uppsatt än");

        Matcher link = Pattern.compile("http://localhost:" + port + "(/uppsattning/[A-Za-z0-9_-]{43})").matcher(output.getAll());
        assertThat(link.find()).as("the setup link in the log").isTrue();
        open(link.group(1));
        waitForTitle("Sätt upp Styr");
        assertAccessible("Sätt upp Styr");

        driver.findElement(By.id("name")).sendKeys("Varbergs kommun");
        driver.findElement(By.id("koladaId")).sendKeys("1383");
        driver.findElement(By.id("vision")).sendKeys("Varberg – västkustens kreativa mötesplats.");
        driver.findElement(By.id("coreValues")).sendKeys("Tillit, mod och omtanke");
        driver.findElement(By.id("displayName")).sendKeys("Vera Admin");
        driver.findElement(By.id("username")).sendKeys("vera");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("passwordRepeat")).sendKeys(PASSWORD + " inte");
        follow(By.xpath("//button[normalize-space()='Sätt upp Styr']"));
        waitForText("Formuläret innehåller fel");
        assertThat(mainText()).contains("Lösenorden är inte likadana");
        assertAccessible("Sätt upp Styr med fel");

        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("passwordRepeat")).sendKeys(PASSWORD);
        follow(By.xpath("//button[normalize-space()='Sätt upp Styr']"));
        waitForTitle("Logga in");
        waitForText("Styr är uppsatt");
        assertAccessible("Logga in efter uppsättningen");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo("vera");
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitForTitle("Start");
        assertThat(driver.findElement(By.tagName("header")).getText()).contains("Varbergs kommun").contains("Personer");
        assertAccessible("Startsidan för den nya kommunen");

        follow(By.linkText("Personer"));
        waitForTitle("Personer");
        assertThat(mainText()).contains("Vera Admin");
        assertAccessible("Personer");
        follow(By.linkText("Vera Admin"));
        waitForTitle("Vera Admin");
        assertAccessible("En person");
        follow(By.linkText("Byt lösenord"));
        waitForTitle("Byt lösenord");
        assertAccessible("Byt lösenord");

        open(link.group(1));
        waitForTitle("Styr är redan uppsatt");
        assertAccessible("Länken är använd");
    }

    /** After the setup (the first test): the login page's session, made for its CSRF token. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void behind_a_tls_proxy_the_session_cookie_is_secure_and_redirects_keep_https() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "styr.varberg.se").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION=") && c.contains("Secure") && c.contains("HttpOnly"));
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(url("/")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "styr.varberg.se").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith("https://styr.varberg.se/login");
        // without the proxy's headers nothing changes
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }
}
