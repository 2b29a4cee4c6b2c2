package se.styr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.styr.SwedishAnswers;

/**
 * Every error status through the real server (security filters, Tomcat's error dispatch, multipart limits), on an API
 * path and on a page path: Swedish problem+json or the Swedish error page, never Spring's English or a class name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@se.styr.OwnDatabase
@Tag("db")
class ErrorResponsesTest {

    @org.springframework.beans.factory.annotation.Autowired
    ApiErrors apiErrors;
    @org.springframework.beans.factory.annotation.Autowired
    PageErrors pageErrors;

    /** A unique key taken by a transaction that raced past the same checks, or a deadlock's loser: someone else was first. */
    @Test
    void a_write_that_lost_a_race_in_the_database_is_a_swedish_conflict_not_a_server_error() {
        for (RuntimeException lost : java.util.List.of(new org.springframework.dao.DuplicateKeyException("duplicate key value"),
                new org.springframework.dao.CannotAcquireLockException("deadlock detected"))) {
            org.springframework.http.ProblemDetail p = apiErrors.race(lost);
            assertThat(p.getStatus()).isEqualTo(409);
            assertThat(p.getTitle()).isEqualTo("Objektet har ändrats av någon annan");
            assertThat(p.getDetail()).startsWith("Någon annan har sparat ändringar i objektet");
            org.springframework.web.servlet.ModelAndView page = pageErrors.race(lost);
            assertThat(page.getStatus()).isEqualTo(org.springframework.http.HttpStatus.CONFLICT);
            assertThat(page.getModel().get("details").toString()).contains("Någon annan har sparat ändringar i objektet");
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":styr-demo").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> api(String method, String path, String user, String contentType, String body) throws Exception {
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return anonymous.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser session: logged in through the form, with its CSRF token. */
    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Browser(String user) throws Exception {
            csrf = token(get("/login").body());
            HttpResponse<String> login = client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(form("username=" + user + "&password=styr-demo&_csrf=" + enc(csrf))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            csrf = token(get("/").body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpRequest.BodyPublisher form(String s) {
        return HttpRequest.BodyPublishers.ofString(s);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String token(String html) {
        String token = SwedishAnswers.csrfToken(html);
        assertThat(token).as("CSRF token in the page").isNotNull();
        return token;
    }

    /** Swedish problem+json of the status, without Spring's English fields or anything internal. */
    private static void assertProblem(HttpResponse<String> r, int status, String detailPart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":" + status).contains(detailPart).doesNotContain("\"error\":");
        assertNothingInternal(r.body());
    }

    private static void assertPage(HttpResponse<String> r, int status, String textPart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("lang=\"sv\"").contains("Något gick fel").contains(textPart);
        assertNothingInternal(r.body());
    }

    private static void assertNothingInternal(String body) {
        assertThat(body).doesNotContain(SwedishAnswers.INTERNAL.toArray(String[]::new));
    }

    @Test
    void not_found() throws Exception {
        assertProblem(api("GET", "/api/v1/finns-inte", "admin", null, null), 404, "Sidan eller objektet finns inte.");
        assertPage(new Browser("admin").get("/finns-inte"), 404, "Sidan eller objektet finns inte.");
    }

    @Test
    void the_budget_table_answers_unreadable_addresses_in_swedish() throws Exception {
        Browser admin = new Browser("admin");
        assertPage(admin.get("/ekonomi/budget/1/tabell/NAMND-abc"), 404, "Tabellen NAMND-abc finns inte");
        assertPage(admin.get("/ekonomi/budget/1/tabell/OKAND"), 404, "Tabellen OKAND finns inte");
        HttpResponse<String> unreadableVersion = admin.send(request("/ekonomi/budget/1/tabell/RESULTAT")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("version=inte+ett+tal&SKATTEINTAKTER_2022=1&_csrf=" + enc(admin.csrf))));
        // the form comes back with its error summary, not the error page
        assertThat(unreadableVersion.statusCode()).isEqualTo(400);
        assertThat(unreadableVersion.body()).contains("Formuläret innehåller fel", "Versionen saknas. Öppna objektet på nytt.");
        assertNothingInternal(unreadableVersion.body());
        assertPage(new Browser("politiker").get("/ekonomi/finansiella-mal?manad=maj"), 400, "Parametern manad har ett ogiltigt värde.");
    }

    @Test
    void method_not_allowed() throws Exception {
        assertProblem(api("DELETE", "/api/v1/proposals", "admin", null, null), 405, "Metoden DELETE kan inte användas");
        assertPage(new Browser("admin").get("/ekonomi/import/utfall"), 405, "Metoden GET kan inte användas");
    }

    @Test
    void unsupported_media_type() throws Exception {
        HttpResponse<String> r = api("POST", "/api/v1/budgets/1/allocation/preview", "admin", "text/plain", "pkvShare=50");
        assertProblem(r, 415, "Innehållstypen text/plain");
        assertThat(r.body()).contains("application/json");
    }

    @Test
    void too_large_says_the_limit() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        String boundary = "styrgrans";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stor.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + big.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length + big.length, tail.length);
        HttpResponse<String> apiAnswer = anonymous.send(request("/api/v1/outcomes/import").header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(apiAnswer, 413, "högst 10 MB");
        Browser browser = new Browser("admin");
        HttpResponse<String> page = browser.send(request("/ekonomi/import/utfall").header("X-CSRF-TOKEN", browser.csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertPage(page, 413, "högst 10 MB");
    }

    @Test
    void without_credentials() throws Exception {
        HttpResponse<String> r = api("GET", "/api/v1/proposals", null, null, null);
        assertProblem(r, 401, "Inloggning krävs");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        HttpResponse<String> page = anonymous.send(request("/styrkedja").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void role_refused() throws Exception {
        assertProblem(api("GET", "/api/v1/audit", "politiker", null, null), 403, "Du har inte behörighet");
        assertPage(new Browser("politiker").get("/admin/granskningslogg"), 403, "Du har inte behörighet");
    }

    @Test
    void csrf_refused_on_a_page() throws Exception {
        Browser browser = new Browser("admin");
        HttpResponse<String> r = browser.send(request("/forslag/forhandsgranska")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form("title=x&_csrf=fel")));
        assertPage(r, 403, "säkerhetskod (CSRF)");
    }

    @Test
    void unreadable_json_names_the_field_or_the_position_in_swedish() throws Exception {
        HttpResponse<String> syntax = api("POST", "/api/v1/budgets/1/allocation/preview", "admin", "application/json", "{\"pkvShare\": 50,\n \"volumeShare\": }");
        assertProblem(syntax, 400, "rad 2");
        assertThat(syntax.body()).contains("Ogiltig JSON");
        HttpResponse<String> type = api("POST", "/api/v1/budgets/1/allocation/preview", "admin", "application/json", "{\"pkvShare\": \"femtio\"}");
        assertProblem(type, 400, "Fältet pkvShare");
        HttpResponse<String> empty = api("POST", "/api/v1/budgets/1/allocation/preview", "admin", "application/json", null);
        assertProblem(empty, 400, "Begäran saknar innehåll");
    }
}
