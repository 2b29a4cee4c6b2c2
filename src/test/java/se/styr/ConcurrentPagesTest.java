package se.styr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fifty people open the same page at the same moment, as thirty unit managers do on deadline day: every main page, the
 * report's PDF and the API's list of rounds must answer all of them (200) with the default connection pool. A request
 * that takes a second connection while it holds one deadlocks the pool under such load (and ends in a 500 after the
 * pool's 30 s timeout), so the test also checks that no thread did that.
 * <p>
 * Traffic goes only to the test's own server on 127.0.0.1, 50 requests per page, each bounded in time (5 minutes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentPagesTest {

    private static final int AT_ONCE = 50;
    private static final int SESSIONS = 10;
    /**
     * Generous, as the test is about answers, not speed: a deadlocked pool answers 500 after its 30 s timeout, while
     * fifty PDFs on a busy two-core machine can take minutes, one rendering per core at a time.
     */
    private static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ExecutorService executor;
    private HttpClient http;
    private final List<String> sessions = new ArrayList<>();

    @BeforeAll
    void logIn() throws Exception {
        executor = Executors.newFixedThreadPool(AT_ONCE);
        http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(session("controller", "styr-demo"));
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Logs in through the login form, as a browser does, and returns the session's cookie. */
    private String session(String username, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).timeout(REQUEST_LIMIT).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form has a CSRF token").isTrue();
        String cookie = cookie(form);
        String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).timeout(REQUEST_LIMIT)
                        .header("Cookie", "SESSION=" + cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(login);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).reduce((a, b) -> b).orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void fifty_simultaneous_requests_to_each_main_page_all_succeed() throws Exception {
        long round = jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();
        long object = jdbc.sql("select min(id) from goal_object where kind = 'NAMNDMAL'").query(Long.class).single();
        Map<String, Boolean> pages = new LinkedHashMap<>();
        pages.put("/", false);
        pages.put("/styrkedja", false);
        pages.put("/objekt/" + object, false);
        pages.put("/uppfoljning/" + round, false);
        pages.put("/uppfoljning/" + round + "/rapport", false);
        pages.put("/uppfoljning/" + round + "/rapport.pdf", false);
        pages.put("/api/v1/rounds", true);
        QueryCounter.clearNested();

        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> page : pages.entrySet()) {
            List<String> statuses = fiftyAtOnce(page.getKey(), page.getValue());
            List<String> notOk = statuses.stream().filter(s -> !s.equals("200")).toList();
            if (!notOk.isEmpty()) {
                failures.put(page.getKey(), notOk);
            }
        }
        assertThat(failures).as("pages with answers other than 200 (the status, or why there was none)").isEmpty();
        assertThat(QueryCounter.nestedConnections()).as("threads that took a second connection while holding one").isEmpty();
    }

    /** Sends the same request fifty times at once and waits (bounded) for all answers. */
    private List<String> fiftyAtOnce(String path, boolean api) throws InterruptedException {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_LIMIT);
            if (api) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("controller:styr-demo".getBytes(StandardCharsets.UTF_8)));
            } else {
                request.header("Cookie", "SESSION=" + sessions.get(i % SESSIONS));
            }
            answers.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> String.valueOf(r.statusCode()))
                    .exceptionally(e -> (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName()));
        }
        List<String> statuses = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            try {
                statuses.add(answer.get(REQUEST_LIMIT.toSeconds() + 10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                statuses.add(e.getClass().getSimpleName());
            }
        }
        return statuses;
    }
}
