package se.styr.accounts.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.styr.StyrApplication;

/**
 * Benchmark (not a test: run by bench/api-auth.sh, never by Surefire): requests per second to one small API endpoint
 * ({@code GET /api/v1/substitutes}, two small queries) signed in with a personal API token ({@code Bearer}) against
 * HTTP Basic (a BCrypt check of the password on every request). Four client threads over loopback.
 *
 * <p>The state boots the whole application once per fork on a private in-memory H2 database with the demo data and
 * creates a token for the demo controller through the API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(4)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ApiAuthBenchmark {

    private static final String ENDPOINT = "/api/v1/substitutes";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    private ConfigurableApplicationContext context;
    private HttpClient http;
    private String base;
    private String basic;
    private String bearer;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        context = new SpringApplicationBuilder(StyrApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:styr-api-auth-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1",
                "--styr.demo.enabled=true",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        basic = "Basic " + Base64.getEncoder().encodeToString("controller:styr-demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mätning\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = SECRET.matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("No token: " + created.statusCode() + " " + created.body());
        }
        bearer = "Bearer " + m.group(1);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    @Benchmark
    public int token() throws Exception {
        return get(bearer);
    }

    @Benchmark
    public int basicAuth() throws Exception {
        return get(basic);
    }

    private int get(String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + ENDPOINT))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(ENDPOINT + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body().length();
    }
}
