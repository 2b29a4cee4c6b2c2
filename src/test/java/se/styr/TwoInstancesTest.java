package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of Styr (two application contexts on their own ports, in this JVM) on one PostgreSQL database, as
 * behind a load balancer without sticky sessions: a person logs in on one and goes on on the other; an import started
 * on one is followed on the other; stopping and starting one loses neither the session nor the job. Only on the
 * PostgreSQL pass (on H2 each context would have its own in-memory database); all traffic goes to 127.0.0.1.
 */
@Tag("db")
class TwoInstancesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private String session;

    /** A database of the test's own, so that what the two instances commit is never seen by another test class. */
    private String database;

    private ConfigurableApplicationContext instance() throws java.sql.SQLException {
        if (database == null) {
            database = EmptyDatabase.create("twoinstances");
        }
        return new SpringApplicationBuilder(StyrApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--spring.datasource.url=" + database);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null && c.isActive()) {
                c.close();
            }
        }
    }

    @Test
    void twoInstancesShareSessionsAndImportJobsAndARestartLosesNothing() throws Exception {
        Assumptions.assumeTrue(TestEnvironment.postgresProfile(), () -> {
            String text = "HOPPAR ÖVER TwoInstancesTest: två instanser på en databas prövas bara mot PostgreSQL (postgres-körningen)";
            System.err.println("*** " + text);
            return text;
        });
        a = instance();
        b = instance();

        // log in on A; B knows the session
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base(a) + "/login")).GET());
        session = cookie(login);
        HttpResponse<String> signedIn = send(form(base(a) + "/login", "username=controller&password=styr-demo&_csrf="
                + URLEncoder.encode(csrf(login.body()), StandardCharsets.UTF_8)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        session = cookie(signedIn);
        HttpResponse<String> onB = page(b, "/ekonomi/import");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(onB.body()).select(".site-header .user").text()).contains("Inloggad som Carl Controller");

        // an import started on A, with the CSRF token B's page carries, is followed on B to its end
        HttpResponse<String> upload = send(multipart(base(a) + "/ekonomi/import/utfall", csrf(onB.body()),
                "utfall-tva-instanser.xlsx", outcomes("VOF-HN", 2023, 84)));
        assertThat(upload.statusCode()).isEqualTo(302);
        String job = URI.create(upload.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(job).startsWith("/ekonomi/import/jobb/");
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> !Jsoup.parse(page(b, job).body())
                .select(".notice").isEmpty());
        assertThat(Jsoup.parse(page(b, job).body()).select(".notice").text())
                .isEqualTo("Filen utfall-tva-instanser.xlsx är inläst: 84 rader.");

        // A stops: B goes on with the same session; A starts again and has the session and the job
        a.close();
        assertThat(page(b, "/ekonomi/import").statusCode()).isEqualTo(200);
        a = instance();
        HttpResponse<String> again = page(a, job);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(again.body()).select(".notice").text()).isEqualTo("Filen utfall-tva-instanser.xlsx är inläst: 84 rader.");

        // a job whose instance died without ending it is shown as interrupted, and the page stops polling
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        OffsetDateTime minuteAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        jdbc.sql("""
                        insert into import_job (id, municipality_id, owner, kind, file_name, phase, total, done, imported,
                                                problem_count, instance_id, started_at, heartbeat_at)
                        select 'a-died', municipality_id, 'controller', 'UTFALL', 'halvvags.xlsx', 'SKRIVER', 100, 40, 0, 0,
                               'gone', ?, ? from app_user where username = 'controller'""")
                .params(minuteAgo, minuteAgo).update();
        Document died = Jsoup.parse(page(a, "/ekonomi/import/jobb/a-died").body());
        assertThat(died.select("#importfel li").eachText()).containsExactly(
                "Importen avbröts: servern som körde den stannade innan den blev klar. En import skrivs hel eller inte alls, så läs in filen igen.");
        assertThat(died.select("#importlage").hasAttr("hx-trigger")).isFalse();

        // logging out on one logs out on both
        HttpResponse<String> logout = send(form(base(b) + "/logout", "_csrf="
                + URLEncoder.encode(csrf(page(b, "/ekonomi/import").body()), StandardCharsets.UTF_8)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(page(a, "/ekonomi/import").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> page(ConfigurableApplicationContext context, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base(context) + path)).GET());
    }

    private HttpRequest.Builder form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder multipart(String url, String csrf, String fileName, byte[] file) {
        String boundary = "styr" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie the answer sets, or the one we had. */
    private String cookie(HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(set);
            if (m.find()) {
                return m.group(1);
            }
        }
        return session;
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    /** Monthly outcomes for one unit and year, as the import's template has them. */
    private static byte[] outcomes(String unit, int year, int rows) throws IOException {
        List<String> groups = List.of("Verksamhetens intäkter", "Personalkostnader", "Lokalhyror", "Köp av tjänster",
                "Övriga kostnader", "Kommunbidrag", "Finansnetto");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Utfall");
            List<Object> header = List.of("Enhet", "År", "Månad", "Kontogrupp", "Belopp (tkr)");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue((String) header.get(c));
            }
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 1);
                String group = groups.get(i % groups.size());
                row.createCell(0).setCellValue(unit);
                row.createCell(1).setCellValue(year);
                row.createCell(2).setCellValue(1 + i / groups.size());
                row.createCell(3).setCellValue(group);
                int index = groups.indexOf(group);
                row.createCell(4).setCellValue(index >= 1 && index <= 4 ? -(50 + i) : 100 + i);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
