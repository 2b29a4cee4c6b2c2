package se.styr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write mapping of the application (pages and API, read from Spring's own handler mappings), run as every demo
 * person who must be refused it: nobody signed in, a reader ({@code politiker}), a unit manager outside the object's
 * part of the tree ({@code enhetschef2}, reporter at Haga 1, while the samples belong to VON, Hemtjänst Nolby or KF),
 * another party ({@code partiV}, on the Social Democrats' proposal) and the auditor ({@code revisor}, refused wherever
 * a reader is, except the review's questions and closing, where the line names {@code politiker} instead). Each refusal must be a 403 or 404 (the login
 * page or a 401 for nobody), in Swedish and naming nothing internal, leave every table as it was, and — a 403 to a
 * signed-in person — leave a line in the audit log.
 *
 * <p>The expectations are {@code authorization-matrix.txt}: one line per mapping and the persons refused. A mapping
 * without a line, or a line without a mapping, fails the test, so a new endpoint cannot be added without deciding who
 * is refused it. The requests go through the real server (security filters, Tomcat's error dispatch).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@se.styr.OwnDatabase
@Tag("db")
class AuthorizationMatrixTest {

    /** Who is refused. */
    enum Refused {
        ANONYM(null), LASARE("politiker"), UTANFOR("enhetschef2"), ANNAT_PARTI("partiV"), REVISOR("revisor");

        final String username;

        Refused(String username) {
            this.username = username;
        }

        static Refused of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static final Set<RequestMethod> WRITES = EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    /** Rows that are not the municipality's data: the refusals' own audit lines, sessions, the login throttle, locks. */
    private static final Set<String> NOT_DATA = Set.of("audit_entry", "spring_session", "spring_session_attributes",
            "login_throttle", "shedlock", "flyway_schema_history");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** Who is refused a mapping, and the request's content where the empty one would not reach the check of rights. */
    record Expectation(Set<Refused> refused, String content) {
    }

    record Endpoint(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean uploads() {
            return java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
        }
    }

    @Test
    void every_write_mapping_refuses_everyone_who_may_not_make_it() throws Exception {
        Map<String, Endpoint> endpoints = writeMappings();
        Map<String, Expectation> expected = expectations();

        Set<String> missing = new TreeSet<>(endpoints.keySet());
        missing.removeAll(expected.keySet());
        Set<String> stale = new TreeSet<>(expected.keySet());
        stale.removeAll(endpoints.keySet());
        assertThat(missing).as("write mappings without a line in authorization-matrix.txt (add them with who is refused)")
                .isEmpty();
        assertThat(stale).as("lines in authorization-matrix.txt without a write mapping").isEmpty();

        Map<Refused, Client> clients = new LinkedHashMap<>();
        for (Refused r : Refused.values()) {
            clients.put(r, new Client(r));
        }
        Map<String, String> samples = samples();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint e : endpoints.values()) {
            Set<Refused> refused = expected.get(e.key()).refused();
            String content = fill(expected.get(e.key()).content(), samples);
            if (refused.isEmpty()) {
                continue;
            }
            String path = path(e.pattern(), samples, failures);
            if (path == null) {
                continue;
            }
            String before = digest();
            for (Refused r : refused) {
                long auditBefore = refusals();
                HttpResponse<String> answer = clients.get(r).send(e, path, content, samples);
                requests++;
                String problem = problem(e, r, answer);
                if (problem == null && r != Refused.ANONYM && answer.statusCode() == 403 && refusals() <= auditBefore) {
                    problem = "no audit line for the refusal";
                }
                if (problem != null) {
                    failures.add(e.key() + " as " + r + " (" + e.method() + " " + path + "): " + problem);
                }
            }
            if (!digest().equals(before)) {
                failures.add(e.key() + " (" + path + "): the data changed although every request was refused");
            }
        }
        System.out.printf("Behörighetsmatrisen: %d skrivande adresser, %d med nekade roller, %d nekade anrop%n",
                endpoints.size(), expected.values().stream().filter(x -> !x.refused().isEmpty()).count(), requests);
        assertThat(failures).as("refusals that did not hold").isEmpty();
    }

    /** The refusal as it must be; null when it is. */
    private static String problem(Endpoint e, Refused r, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String body = answer.body();
        if (r == Refused.ANONYM && !e.api()) {
            return status == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/login") ? null
                    : "expected the login page, got " + status + " " + excerpt(body);
        }
        if (r == Refused.ANONYM) {
            if (status != 401) {
                return "expected 401, got " + status + " " + excerpt(body);
            }
        } else if (status != 403 && status != 404) {
            return "expected 403 or 404, got " + status + " " + excerpt(body);
        }
        if (e.api() ? !type.startsWith("application/problem+json") : !type.startsWith("text/html")) {
            return "answered " + type;
        }
        if (!e.api() && !body.contains("lang=\"sv\"")) {
            return "not a Swedish page";
        }
        String internal = SwedishAnswers.internal(body);
        return internal == null ? null : "names " + internal + ": " + excerpt(body);
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private Map<String, Endpoint> writeMappings() {
        Map<String, Endpoint> found = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = m.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods) {
                if (!WRITES.contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    Endpoint e = new Endpoint(method.name(), pattern, m.getValue());
                    // a mapping answered by two handlers (a file upload and its refusal without a file): the upload's
                    found.merge(e.key(), e, (a, b) -> a.uploads() ? a : b);
                }
            }
        }
        return found;
    }

    /**
     * The lines of authorization-matrix.txt: "METHOD pattern refused…" ("-" for nobody), then optionally " | " and the
     * request's content (JSON for the API, a form for pages) with samples as {name}; "#" starts a comment.
     */
    private static Map<String, Expectation> expectations() throws IOException {
        Map<String, Expectation> lines = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.txt")) {
            assertThat(in).as("authorization-matrix.txt").isNotNull();
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.replaceAll("\\s#.*|^#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                int bar = line.indexOf(" | ");
                String content = bar < 0 ? null : line.substring(bar + 3).strip();
                String[] words = (bar < 0 ? line : line.substring(0, bar)).strip().split("\\s+");
                Set<Refused> refused = EnumSet.noneOf(Refused.class);
                for (int i = 2; i < words.length; i++) {
                    if (words[i].equals("lasare")) {
                        // the auditor reads as a reader and is refused every write a reader is, but the review's
                        refused.add(Refused.REVISOR);
                    }
                    if (words[i].equals("politiker")) {
                        refused.add(Refused.LASARE); // the reader alone: the auditor may make this write
                    } else if (!words[i].equals("-")) {
                        refused.add(Refused.of(words[i]));
                    }
                }
                assertThat(lines.put(words[0] + " " + words[1], new Expectation(refused, content)))
                        .as("twice in the matrix: " + line).isNull();
            }
        }
        return lines;
    }

    /** The content with each {name} replaced by its sample. */
    private static String fill(String content, Map<String, String> samples) {
        if (content == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(content);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = samples.get(m.group(1));
            assertThat(value).as("a sample for {" + m.group(1) + "} in " + content).isNotNull();
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return m.appendTail(filled).toString();
    }

    /**
     * A sample value for each path variable and request parameter, named by the variable and the path segment before
     * it: the demo's own rows, in VON's part of the tree or above it, so that Haga 1's unit manager is outside them.
     */
    private Map<String, String> samples() {
        Map<String, String> s = new LinkedHashMap<>();
        String von = one("select id from org_unit where code = 'VON'");
        String nolby = one("select id from org_unit where code = 'VOF-HN'");
        String round = one("select min(r.id) from followup_round r join org_unit u on u.id = r.body_unit_id where u.code = 'VON'");
        String task = one("select min(t.id) from followup_task t join org_unit u on u.id = t.unit_id where u.code = 'VOF-HN'");
        String object = one("select min(id) from goal_object");
        String budget = one("select min(id) from budget");
        String period = one("select min(id) from plan_period");
        for (String name : List.of("budget/id", "budgets/id", "budgets/budgetId", "budget", "budgetId")) {
            s.put(name, budget);
        }
        for (String name : List.of("uppfoljning/id", "rounds/id", "rapport/id", "round", "roundId")) {
            s.put(name, round);
        }
        for (String name : List.of("uppgift/taskId", "tasks/taskId", "taskId")) {
            s.put(name, task);
        }
        for (String name : List.of("objekt/id", "objekt/objectId", "objects/id", "objects/objectId", "delning/objectId",
                "objectId", "parentId")) {
            s.put(name, object);
        }
        for (String name : List.of("uppfoljning/unitId", "enhet/unitId", "units/id", "units/unitId", "unitId", "unit",
                "enheter/id", "enheter/unitId")) {
            s.put(name, nolby);
        }
        for (String name : List.of("committees/unitId", "organ/body", "body", "bodyUnitId", "organ")) {
            s.put(name, von);
        }
        for (String name : List.of("periods/id", "fromPeriodId", "period", "periodId", "perioder/id", "planperioder/id")) {
            s.put(name, period);
        }
        s.put("risker/id", one("select min(id) from risk"));
        s.put("risks/id", s.get("risker/id"));
        s.put("atgarder/id", one("select min(id) from quality_action"));
        s.put("actions/id", s.get("atgarder/id"));
        s.put("handlingsplaner/id", one("select min(id) from action_plan"));
        s.put("people/id", one("select id from app_user where username = 'enhetschef'"));
        s.put("personer/id", s.get("people/id"));
        s.put("roles/roleId", one("select min(r.id) from role_assignment r join app_user u on u.id = r.user_id where u.username = 'enhetschef'"));
        s.put("roller/roleId", s.get("roles/roleId"));
        s.put("forslag/id", one("select min(p.id) from proposal p join org_unit u on u.id = p.party_unit_id where u.code = 'S'"));
        s.put("proposals/id", s.get("forslag/id"));
        s.put("finansiella-mal/id", one("select min(id) from financial_goal"));
        s.put("financial-goals/id", s.get("finansiella-mal/id"));
        s.put("resursfordelning/id", one("select min(id) from allocation_model"));
        s.put("allocation/id", s.get("resursfordelning/id"));
        s.put("economic-reports/id", one("select min(id) from economic_report"));
        s.put("internal-control-drafts/id", one("select min(id) from internal_control_draft"));
        s.put("internkontroll/id", s.get("internal-control-drafts/id"));
        s.put("internkontroll/point", one("select min(id) from goal_object where kind = 'INTERNKONTROLLPUNKT'"));
        s.put("dokument/typ", "riskanalys");
        for (String name : List.of("vikarie/id", "substitutes/id", "utskick/id", "mail/id", "notices/id", "meddelanden/id",
                "tokens/id", "api-nycklar/id", "oidc-mappings/id", "oidc-roller/id", "jobs/id", "jobb/id")) {
            s.putIfAbsent(name, "0"); // none in the demo: the refusal must not depend on one existing
        }
        s.put("enhet/id", nolby);
        s.put("von", von);
        s.put("kf", one("select id from org_unit where code = 'KF'"));
        s.put("objectOwner", one("select owner_unit_id from goal_object where id = " + object));
        s.put("partyS", one("select id from org_unit where code = 'S'"));
        s.put("budget", budget);
        s.put("period", period);
        s.put("tabell/code", "RESULTAT");
        s.put("tables/code", "RESULTAT");
        s.put("imports/kind", "utfall");
        s.put("import-export/slug", "organisation");
        s.put("utfall/figureId", one("select min(id) from goal_object where kind = 'NYCKELTAL'"));
        s.put("figures/figureId", s.get("utfall/figureId"));
        s.put("decision", "godkann");
        s.put("year", "2022");
        s.put("month", "8");
        s.put("version", "0");
        // meetings: the committee's planned meeting (the working committee's is approved and frozen)
        s.put("arenden/id", one("select min(id) from meeting_case"));
        s.put("sammantraden/id", one("select min(id) from meeting where status <> 'JUSTERAT'"));
        s.put("narvaro/attendeeId", one("select min(id) from meeting_attendee"));
        s.put("punkter/itemId", one("select min(id) from agenda_item"));
        s.put("protokoll/paragraphId", one("select min(id) from minutes_paragraph"));
        s.put("delegationMatter", one("select min(id) from delegation_matter"));
        // the auditors' review: VON's of 2022 (sent to the committee; refusals come before that matters)
        s.put("granskning/id", one("select min(id) from audit_review"));
        s.put("reviews/id", s.get("granskning/id"));
        s.put("fragor/questionId", one("select min(id) from audit_review_question"));
        s.put("questions/questionId", s.get("fragor/questionId"));
        s.put("underlag/evidenceId", one("select min(id) from audit_review_evidence"));
        s.put("handlingar/documentId", one("select min(id) from case_document"));
        s.put("revideringar/id", one("select min(id) from delegation_revision where status = 'UTKAST'"));
        return s;
    }

    private String one(String sql) {
        // 0 when the demo has none: the refusal must then come before the object is looked up, or be a 404
        return jdbc.sql("select coalesce((" + sql + "), 0)").query(Long.class).single().toString();
    }

    /** The pattern with each variable replaced by its sample; null (and a failure) when a variable has none. */
    private static String path(String pattern, Map<String, String> samples, List<String> failures) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String segment = before.endsWith("/") ? before.substring(before.lastIndexOf('/', before.length() - 2) + 1,
                    before.length() - 1) : "";
            String value = samples.getOrDefault(segment + "/" + m.group(1), samples.get(m.group(1)));
            if (value == null) {
                failures.add(pattern + ": no sample for {" + m.group(1) + "} after \"" + segment
                        + "\" (add one in AuthorizationMatrixTest.samples)");
                return null;
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The audit log's refusals so far. */
    private long refusals() {
        return jdbc.sql("select count(*) from audit_entry where action = 'NEKAD'").query(Long.class).single();
    }

    /** A digest of every row of every table that holds the municipality's data. */
    private String digest() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<String> tables = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (schema != null && (schema.equalsIgnoreCase("public")) && !NOT_DATA.contains(table)) {
                    tables.add(table);
                }
            }
        }
        for (String table : new TreeSet<>(tables)) {
            md.update(table.getBytes(StandardCharsets.UTF_8));
            List<String> rows = jdbc.sql("select * from " + table).query((rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(rs.getString(c)).append('\u0001');
                }
                return row.toString();
            }).list();
            new TreeSet<>(rows).forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** One person's way in: a browser session with its CSRF token for pages, HTTP Basic for the API. */
    private final class Client {
        final Refused who;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Client(Refused who) throws Exception {
            this.who = who;
            csrf = token(get("/login").body());
            if (who.username != null) {
                HttpResponse<String> login = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + who.username + "&password=styr-demo&_csrf="
                                + enc(csrf))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + who.username).doesNotContain("error");
                csrf = token(get("/").body());
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(Endpoint e, String path, String content, Map<String, String> samples) throws Exception {
            StringBuilder params = new StringBuilder(content != null && !e.api() ? content : "");
            boolean json = false;
            boolean multipart = false;
            for (MethodParameter p : e.handler().getMethodParameters()) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    json = true;
                } else if (p.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                    multipart = true;
                } else if (content == null && param != null && param.required() && param.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getParameterName();
                    if (name != null && !Map.class.isAssignableFrom(p.getParameterType())) {
                        params.append(params.isEmpty() ? "" : "&").append(enc(name)).append('=')
                                .append(enc(samples.getOrDefault(name, "1")));
                    }
                }
            }
            HttpRequest.Builder b;
            if (e.api()) {
                String query = params.isEmpty() ? "" : "?" + params;
                b = request(path + query);
                if (who.username != null) {
                    b.header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((who.username + ":styr-demo").getBytes(StandardCharsets.UTF_8)));
                }
                if (multipart) {
                    String boundary = "matris";
                    b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                    b.method(e.method(), HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                            + "name=\"file\"; filename=\"fil.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n--" + boundary + "--\r\n"));
                } else {
                    b.header("Content-Type", "application/json");
                    // a body complete enough to reach the check of rights: the version of the object read (refused before it matters)
                    b.method(e.method(), HttpRequest.BodyPublishers.ofString(content != null ? content : json ? "{\"version\": 0}" : ""));
                }
            } else {
                if (!params.toString().matches("(^|.*&)version=.*")) {
                    params.append(params.isEmpty() ? "" : "&").append("version=0");
                }
                String form = params + "&_csrf=" + enc(csrf);
                if (multipart) {
                    String boundary = "matris";
                    b = request(path + "?_csrf=" + enc(csrf) + (params.isEmpty() ? "" : "&" + params));
                    b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                    b.method(e.method(), HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                            + "name=\"file\"; filename=\"fil.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n--" + boundary + "--\r\n"));
                } else if (e.method().equals("POST")) {
                    b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form));
                } else {
                    b = request(path + "?" + form).method(e.method(), HttpRequest.BodyPublishers.noBody());
                }
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String token(String html) {
        String token = SwedishAnswers.csrfToken(html);
        assertThat(token).as("a CSRF token on the page").isNotNull();
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
