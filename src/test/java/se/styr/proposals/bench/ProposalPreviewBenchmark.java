package se.styr.proposals.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.styr.StyrApplication;

/**
 * Benchmark (not a test: run by bench/proposal-preview.sh, never by Surefire): what the proposal editor waits for when a
 * number changes — one htmx request to {@code /forslag/forhandsgranska} over HTTP, answered with the typed proposal
 * computed on its base (frames, PKV and volume through the base's allocation model, result, balance requirement,
 * result target and the municipality's financial goals) beside the majority's budget and one other proposal, rendered
 * as HTML. Target: at most 100 ms, so that the comparison follows the typing.
 *
 * <p>The state boots the whole application once per fork on a private in-memory H2 database with the demo data and
 * signs in Vänsterpartiet's demo user over HTTP. The form is V's 2026–2028 proposal as loaded (30 öre, its tax bases
 * and frame changes) typed as a new proposal and compared with the published one; each request changes the tax by
 * one öre so that no answer repeats the last.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ProposalPreviewBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConfigurableApplicationContext context;
    private HttpClient http;
    private String base;
    private String csrf;
    private List<String[]> form;
    private int ore;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        context = new SpringApplicationBuilder(StyrApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:styr-proposal-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1",
                "--styr.demo.enabled=true",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get("/login");
        send(post("/login", List.of(new String[] {"username", "partiV"}, new String[] {"password", "styr-demo"},
                new String[] {"_csrf", csrf(login)})));
        csrf = csrf(get("/forslag"));
        form = form(context.getBean(JdbcClient.class));
    }

    /** V 2026–2028 as loaded, as the editor's fields: a new proposal (id 0) compared with the published one. */
    private static List<String[]> form(JdbcClient jdbc) {
        Map<String, Object> v = jdbc.sql("""
                select v.id, p.id as proposal, p.budget_id, p.party_unit_id from proposal_version v join proposal p on p.id = v.proposal_id
                where v.title = 'Vänsterpartiets budgetförslag 2026–2028'""").query().singleRow();
        long version = ((Number) v.get("id")).longValue();
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"budgetId", String.valueOf(v.get("budget_id"))});
        form.add(new String[] {"partyUnitId", String.valueOf(v.get("party_unit_id"))});
        form.add(new String[] {"id", "0"});
        form.add(new String[] {"title", "Vänsterpartiets budgetförslag 2026–2028, ändrat"});
        form.add(new String[] {"resultTarget", "2,5"});
        form.add(new String[] {"pkvShare", "100"});
        form.add(new String[] {"volumeShare", "100"});
        form.add(new String[] {"jamfor", String.valueOf(version)});
        jdbc.sql("select year, amount from proposal_tax_base where version_id = ? order by year").param(version)
                .query((rs, n) -> new String[] {"taxBase" + rs.getInt(1), String.valueOf(rs.getLong(2) / 1000)}).list().forEach(form::add);
        List<Map<String, Object>> changes = jdbc.sql("select org_unit_id, year, amount, permanent from proposal_frame_change where version_id = ? order by position")
                .param(version).query().listOfRows();
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> c = changes.get(i);
            form.add(new String[] {"change" + i + ".unit", String.valueOf(c.get("org_unit_id"))});
            form.add(new String[] {"change" + i + ".year", String.valueOf(c.get("year"))});
            form.add(new String[] {"change" + i + ".amount", String.valueOf(((Number) c.get("amount")).longValue() / 1000)});
            form.add(new String[] {"change" + i + ".kind", Boolean.TRUE.equals(c.get("permanent")) ? "permanent" : "temporary"});
        }
        return form;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    @Benchmark
    public int preview() throws Exception {
        List<String[]> typed = new ArrayList<>(form);
        typed.add(new String[] {"taxChangeOre", String.valueOf(30 + ore++ % 2)});
        typed.add(new String[] {"_csrf", csrf});
        HttpResponse<String> response = send(post("/forslag/forhandsgranska", typed));
        if (response.statusCode() != 200 || !response.body().contains("(ej sparat)")) {
            throw new IllegalStateException("The preview failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().length();
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()).body();
    }

    private HttpRequest post(String path, List<String[]> fields) {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }
}
