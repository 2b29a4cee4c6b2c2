import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for bench/pages.sh: measures every main page and API list of a running Styr against its PostgreSQL
 * database. Loopback only; every phase is bounded in time and requests and ends by itself.
 *
 * <p>Per page: p50/p95 at one user (after one warm-up request), then 50 users at once, each asking for the page once a
 * second for a bounded time; errors (not 2xx, or no answer within the timeout); the JVM's RSS after the page
 * (/proc/PID/status); and the bare SQL for the same rows, hand-written per page and timed over JDBC, with the ratio
 * page p50 / SQL p50 at one user. Ids (the controller's committee, its round, a goal, a key figure) are looked up in the
 * database, so the same run works on the demo and on a generated municipality. An API list may answer a plain JSON
 * array or a page ({"items": [...], ...}); its SQL then reads as many rows as the answer holds.
 *
 * <p>Usage: java -cp postgresql.jar bench/PageBenchmark.java BASE_URL JDBC_URL PID LABEL OUT.md
 * Before any page is measured, each is asked for up to bench.warmupRequests (2) times or bench.warmupSeconds (10).
 * System properties: bench.users (50), bench.loadSeconds (20), bench.singleRequests (20), bench.singleSeconds (10),
 * bench.timeoutSeconds (30), bench.recoverySeconds (180: after each page's load, how long to wait for the application
 * to answer a light page within 5 s again before the next page), bench.password (styr-demo), bench.only (a comma-separated list of page names).
 */
public class PageBenchmark {

    static final int USERS = Integer.getInteger("bench.users", 50);
    static final int LOAD_SECONDS = Integer.getInteger("bench.loadSeconds", 20);
    static final int SINGLE_REQUESTS = Integer.getInteger("bench.singleRequests", 20);
    static final int SINGLE_SECONDS = Integer.getInteger("bench.singleSeconds", 10);
    static final int WARMUP_REQUESTS = Integer.getInteger("bench.warmupRequests", 2);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 10);
    static final int RECOVERY_SECONDS = Integer.getInteger("bench.recoverySeconds", 180);
    static final Duration TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 30));
    static final String PASSWORD = System.getProperty("bench.password", "styr-demo");

    /** A page: its name, URL, who asks (a session, or HTTP Basic for the API), and the SQL reading what it shows. */
    record Page(String name, String path, String user, boolean api, List<String> sql) {
    }

    /** recoverySeconds: how long after the load the application took to answer a light page again (-1: never). */
    record Result(Page page, long bytes, Stats single, Stats load, double loadSeconds, double sqlMs, long rssKb, long recoverySeconds) {
    }

    record Stats(int count, int errors, double p50, double p95, double max) {
        static Stats of(List<Double> millis, int errors) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return new Stats(sorted.size(), errors, pct(sorted, 50), pct(sorted, 95), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
        }
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    final String base;
    final Connection db;
    final long pid;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, List<String>> sessions = new LinkedHashMap<>();

    PageBenchmark(String base, Connection db, long pid) {
        this.base = base;
        this.db = db;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("Usage: java -cp postgresql.jar bench/PageBenchmark.java BASE_URL JDBC_URL PID LABEL OUT.md");
            System.exit(2);
        }
        if (!URI.create(args[0]).getHost().equals("127.0.0.1") && !URI.create(args[0]).getHost().equals("localhost")) {
            throw new IllegalArgumentException("Only loopback: " + args[0]);
        }
        try (Connection db = DriverManager.getConnection(args[1], System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""))) {
            PageBenchmark bench = new PageBenchmark(args[0], db, Long.parseLong(args[2]));
            String table = bench.run(args[3]);
            System.out.println(table);
            Files.writeString(Path.of(args[4]), table);
        }
    }

    String run(String label) throws Exception {
        long started = System.nanoTime();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Map<String, Long> ids = ids();
        System.err.println("Ids: " + ids);
        List<Page> pages = pages(ids);
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank()) {
            List<String> names = List.of(only.split(","));
            pages = pages.stream().filter(p -> names.contains(p.name())).toList();
        }
        // warm-up: the JIT and the caches see every page before any is measured
        for (Page page : pages) {
            long until = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
            List<String> headers = headers(page, 0);
            for (int i = 0; i < WARMUP_REQUESTS && System.nanoTime() < until; i++) {
                send(page, headers);
            }
        }
        List<Result> results = new ArrayList<>();
        for (Page page : pages) {
            System.err.printf("%s ...%n", page.name());
            Result r = measure(page, ids);
            System.err.printf("  %d B, 1 user p50 %.0f ms p95 %.0f ms (%d, %d errors); %d users p50 %.0f ms p95 %.0f ms (%d, %d errors); SQL %.1f ms; RSS %d MB%n",
                    r.bytes(), r.single().p50(), r.single().p95(), r.single().count(), r.single().errors(), USERS, r.load().p50(),
                    r.load().p95(), r.load().count(), r.load().errors(), r.sqlMs(), r.rssKb() / 1024);
            results.add(r);
        }
        long[] rss = rss();
        StringBuilder out = new StringBuilder();
        out.append("### ").append(label).append("\n\n");
        out.append(String.format("Counts: %s. JVM -Xmx512m; RSS at the end %d MB, peak (VmHWM) %d MB. %d users × 1 request/s for %d s per page; "
                + "1 user: up to %d requests or %d s (at least 3) after a warm-up. Whole run %d s; "
                + "load average of the machine (/proc/loadavg) before: %s, after: %s.%n%n", counts(), rss[0] / 1024, rss[1] / 1024,
                USERS, LOAD_SECONDS, SINGLE_REQUESTS, SINGLE_SECONDS, (System.nanoTime() - started) / 1_000_000_000,
                loadBefore, Files.readString(Path.of("/proc/loadavg")).strip()));
        out.append("| page | size | 1 user p50 | p95 | ").append(USERS).append(" users p50 | p95 | max | req/s | errors | bare SQL | ratio | RSS | recovered |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %.1f | %d | %s | %s | %d MB | %s |%n", r.page().name(), size(r.bytes()),
                    ms(r.single().p50()), ms(r.single().p95()), ms(r.load().p50()), ms(r.load().p95()), ms(r.load().max()),
                    r.load().count() / r.loadSeconds(), r.single().errors() + r.load().errors(), ms(r.sqlMs()),
                    Double.isNaN(r.sqlMs()) || r.sqlMs() == 0 ? "–" : String.format("%.0f×", r.single().p50() / r.sqlMs()),
                    r.rssKb() / 1024, r.recoverySeconds() < 0 ? "no" : r.recoverySeconds() + " s"));
        }
        return out.toString();
    }

    // ---- what to measure

    Map<String, Long> ids() throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("municipality", one("select min(id) from municipality"));
        ids.put("kf", one("select min(id) from org_unit where type = 'KOMMUNFULLMAKTIGE'"));
        ids.put("committee", one("""
                select a.org_unit_id from role_assignment a join app_user u on u.id = a.user_id
                where u.username = 'controller' and a.role = 'CONTROLLER'"""));
        ids.put("round", one("""
                select r.id from followup_round r where r.body_unit_id = ?
                order by r.state = 'OPPEN' desc, (select count(*) from followup_task t where t.round_id = r.id) desc, r.id desc limit 1""",
                ids.get("committee")));
        ids.put("admin", one("select admin_unit_id from followup_round where id = ?", ids.get("round")));
        ids.put("goal", one("""
                select o.id from goal_object o join followup_object fo on fo.object_id = o.id
                where fo.round_id = ? and o.kind = 'NAMNDMAL'
                order by (select count(*) from goal_object c where c.parent_id = o.id) desc, o.id limit 1""", ids.get("round")));
        ids.put("figure", one("""
                select k.id from goal_object k where k.parent_id = ? and k.kind = 'NYCKELTAL'
                order by (select count(*) from measure_value v where v.object_id = k.id) desc, k.id limit 1""", ids.get("goal")));
        ids.put("unit", one("""
                select a.org_unit_id from role_assignment a join app_user u on u.id = a.user_id
                where u.username = 'enhetschef' and a.role = 'REPORTER'"""));
        ids.put("year", one("select max(year) from measure_value where outcome is not null"));
        return ids;
    }

    List<Page> pages(Map<String, Long> ids) {
        String subtree = """
                with recursive sub(id) as (select cast(? as bigint) union all select u.id from org_unit u join sub on u.parent_id = sub.id)""";
        // the newest rounds as a list shows them (the page 25, the API 50), with their task counts per state
        String roundsFirst = """
                with r as (select id, name, as_of, state, body_unit_id, admin_unit_id from followup_round
                  where municipality_id = ? order by as_of desc, id desc limit %d)
                select r.id, r.name, r.as_of, r.state, b.name, a.name, t.state, count(t.id),
                  sum(case when t.state in ('EJ_PABORJAD', 'PAGAR', 'ATERSAND') and d.due_on < current_date then 1 else 0 end)
                from r join org_unit b on b.id = r.body_unit_id join org_unit a on a.id = r.admin_unit_id
                left join followup_task t on t.round_id = r.id left join followup_deadline d on d.round_id = r.id and d.level = 'ENHET'
                group by r.id, r.name, r.as_of, r.state, b.name, a.name, t.state order by r.as_of desc, r.id desc""";
        String rounds = roundsFirst.formatted(25);
        String apiRounds = roundsFirst.formatted(50);
        String controllerStart = """
                select r.id, r.name, b.name, t.state, count(*) from followup_round r join org_unit b on b.id = r.body_unit_id
                join followup_task t on t.round_id = r.id where r.state = 'OPPEN' and r.body_unit_id = ? group by r.id, r.name, b.name, t.state""";
        String missingOutcomes = """
                select count(*) from followup_share s join goal_object k on k.parent_id = s.object_id and k.kind = 'NYCKELTAL'
                left join followup_outcome o on o.round_id = s.round_id and o.object_id = k.id and o.unit_id = s.unit_id
                where s.round_id = ? and o.id is null""";
        String toApprove = """
                select t.id, t.part, t.state, u.name from followup_task t join org_unit u on u.id = t.unit_id
                where t.round_id = ? and t.state = 'KLARMARKERAD' and u.parent_id = ?""";
        String reporterTasks = """
                select t.id, t.part, t.state, t.comment, u.name, r.name, d.due_on from followup_task t join org_unit u on u.id = t.unit_id
                join followup_round r on r.id = t.round_id left join followup_deadline d on d.round_id = r.id and d.level = 'ENHET'
                where r.state = 'OPPEN' and (t.unit_id = ? or u.parent_id = ?)""";
        // The organisation page shows KF and KS open and the units below KS closed, each with how many are directly under it.
        String orgTop = """
                with recursive shown(id, depth) as (select id, 0 from org_unit where municipality_id = ? and parent_id is null
                  union all select c.id, s.depth + 1 from org_unit c join shown s on c.parent_id = s.id where s.depth < 2)
                select u.id, u.parent_id, u.type, u.name, u.code, u.position, u.active,
                  (select count(*) from org_unit k where k.parent_id = u.id) from org_unit u join shown s on s.id = u.id
                order by u.position, u.name""";
        String periods = "select id, name, first_year, last_year, illustrative from plan_period where municipality_id = ?";
        // A body's chain shows KF's objects above the body's own open (two levels at most) and the body's own closed,
        // each with the number under it in the body's part of the chain, its goals' states from their key figures' values.
        String bodyTop = subtree + """
                , mine as (select o.id, p1.id a1, p2.id a2, p3.id a3 from goal_object o left join goal_object p1 on p1.id = o.parent_id
                  left join goal_object p2 on p2.id = p1.parent_id left join goal_object p3 on p3.id = p2.parent_id
                  where o.owner_unit_id in (select id from sub) and not o.retired),
                up(id) as (select id from mine union select a1 from mine union select a2 from mine union select a3 from mine),
                l0 as (select o.id, o.owner_unit_id from goal_object o where o.id in (select id from up) and o.parent_id is null and not o.retired),
                l1 as (select c.id, c.owner_unit_id from goal_object c join l0 on c.parent_id = l0.id
                  where c.id in (select id from up) and not c.retired and l0.owner_unit_id not in (select id from sub)),
                l2 as (select c.id from goal_object c join l1 on c.parent_id = l1.id
                  where c.id in (select id from up) and not c.retired and l1.owner_unit_id not in (select id from sub)),
                shown(id) as (select id from l0 union all select id from l1 union all select id from l2),
                counted(id, below) as (select s.id, count(c.id) from shown s left join goal_object c on c.parent_id = s.id
                  and not c.retired and c.id in (select id from up) group by s.id)
                select o.id, o.kind, o.parent_id, o.owner_unit_id, o.position, o.title, o.judgement, o.status, u.code, n.below,
                  k.id, k.steering, v.year, v.outcome, v.target
                from counted n join goal_object o on o.id = n.id join org_unit u on u.id = o.owner_unit_id
                left join goal_object k on k.parent_id = o.id and k.kind in ('INDIKATOR', 'NYCKELTAL') and not k.retired
                  and o.kind in ('PRIORITERAT_MAL', 'NAMNDMAL', 'ARBETSMILJOMAL')
                left join measure_value v on v.object_id = k.id order by o.position, o.id, v.year""";
        String bodies = "select id, parent_id, type, name, code, position from org_unit where municipality_id = ? and type in ('KOMMUNFULLMAKTIGE', 'KOMMUNSTYRELSE', 'NAMND', 'BOLAG') order by position, name";

        String object = """
                select o.*, u.name, p.title, p.kind from goal_object o join org_unit u on u.id = o.owner_unit_id
                left join goal_object p on p.id = o.parent_id where o.id = ?""";
        String objectValues = "select year, outcome, target from measure_value where object_id = ? order by year";
        String children = """
                select c.id, c.kind, c.title, c.direction, c.steering, v.year, v.outcome, v.target from goal_object c
                left join measure_value v on v.object_id = c.id where c.parent_id = ? and not c.retired order by c.position, v.year""";
        String round = "select r.*, b.name, a.name from followup_round r join org_unit b on b.id = r.body_unit_id join org_unit a on a.id = r.admin_unit_id where r.id = ?";
        String deadlines = "select level, due_on from followup_deadline where round_id = ?";
        // The round's page shows its tasks counted per department, part and state; the departments open on demand.
        String roundTasks = """
                with recursive sub(id, branch) as (select u.id, u.id from org_unit u
                  where u.parent_id = (select admin_unit_id from followup_round where id = ?)
                  union all select c.id, sub.branch from org_unit c join sub on c.parent_id = sub.id)
                select d.id, d.name, t.part, t.state, u.type, count(*) from sub join followup_task t on t.unit_id = sub.id and t.round_id = ?
                join org_unit u on u.id = sub.id join org_unit d on d.id = sub.branch
                group by d.id, d.name, t.part, t.state, u.type order by d.id""";
        String roundObjects = """
                select o.id, o.kind, o.title, o.position, count(s.unit_id) from followup_object fo join goal_object o on o.id = fo.object_id
                left join followup_share s on s.round_id = fo.round_id and s.object_id = o.id where fo.round_id = ?
                group by o.id, o.kind, o.title, o.position order by o.kind, o.position""";
        String reportObjects = """
                select o.id, o.kind, o.parent_id, o.title, o.description, o.position, o.risk_value, o.process, p.title, r.analysis,
                  r.assessment, r.result, r.action, r.status, r.forecast
                from followup_object fo join followup_round rd on rd.id = fo.round_id join goal_object o on o.id = fo.object_id
                left join goal_object p on p.id = o.parent_id
                left join followup_report r on r.round_id = fo.round_id and r.object_id = o.id and r.unit_id = rd.admin_unit_id
                where fo.round_id = ? order by o.kind, o.position""";
        String reportFigures = """
                select k.id, k.parent_id, k.title, k.direction, k.measure_unit, v.year, v.outcome, v.target
                from followup_object fo join goal_object k on k.parent_id = fo.object_id and k.kind = 'NYCKELTAL' and not k.retired
                left join measure_value v on v.object_id = k.id and v.year between ? - 2 and ? + 1
                where fo.round_id = ? order by k.parent_id, k.position, v.year""";
        String objectsPage = "select * from goal_object where municipality_id = ? order by id limit 50";
        String objectsCount = "select count(*) from goal_object where municipality_id = ?";
        // The whole municipality's tree shows KF's focus areas, closed, each with the number of objects under it.
        String focusAreas = """
                with recursive under(top, id) as (select o.id, o.id from goal_object o where o.municipality_id = ? and o.kind = 'FOKUSOMRADE'
                  and not o.retired union all select under.top, c.id from goal_object c join under on c.parent_id = under.id where not c.retired)
                select f.id, f.title, f.position, count(*) - 1 from goal_object f join under on under.top = f.id
                group by f.id, f.title, f.position order by f.position""";

        long m = ids.get("municipality");
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("/ (controller)", "/", "controller", false, sql(controllerStart, ids.get("committee"), missingOutcomes, ids.get("round"),
                toApprove, ids.get("round"), ids.get("admin"))));
        pages.add(new Page("/ (enhetschef)", "/", "enhetschef", false, sql(reporterTasks, ids.get("unit"), ids.get("unit"),
                missingOutcomes, ids.get("round"))));
        pages.add(new Page("/styrkedja", "/styrkedja", "controller", false, sql(focusAreas, m, bodies, m)));
        pages.add(new Page("/styrkedja?organ={committee}", "/styrkedja?organ=" + ids.get("committee"), "controller", false,
                sql(bodyTop, ids.get("committee"), bodies, m)));
        pages.add(new Page("/styrkedja?organ={KF}", "/styrkedja?organ=" + ids.get("kf"), "controller", false,
                sql(focusAreas, m, bodies, m)));
        pages.add(new Page("/objekt/{goal}", "/objekt/" + ids.get("goal"), "controller", false,
                sql(object, ids.get("goal"), objectValues, ids.get("goal"), children, ids.get("goal"))));
        pages.add(new Page("/objekt/{key figure}", "/objekt/" + ids.get("figure"), "controller", false,
                sql(object, ids.get("figure"), objectValues, ids.get("figure"), children, ids.get("figure"))));
        pages.add(new Page("/uppfoljning", "/uppfoljning", "controller", false, sql(rounds, m)));
        pages.add(new Page("/uppfoljning/{round}", "/uppfoljning/" + ids.get("round"), "controller", false,
                sql(round, ids.get("round"), deadlines, ids.get("round"), roundTasks, ids.get("round"), ids.get("round"), roundObjects, ids.get("round"))));
        List<String> report = sql(round, ids.get("round"), reportObjects, ids.get("round"), reportFigures, ids.get("year"), ids.get("year"), ids.get("round"));
        pages.add(new Page("/uppfoljning/{round}/rapport", "/uppfoljning/" + ids.get("round") + "/rapport", "controller", false, report));
        pages.add(new Page("/uppfoljning/{round}/rapport.pdf", "/uppfoljning/" + ids.get("round") + "/rapport.pdf", "controller", false, report));
        pages.add(new Page("/organisation", "/organisation", "controller", false, sql(orgTop, m, periods, m)));
        pages.add(new Page("/api/v1/objects", "/api/v1/objects", "controller", true, sql(objectsPage, m, objectsCount, m)));
        pages.add(new Page("/api/v1/objects/{key figure}", "/api/v1/objects/" + ids.get("figure"), "controller", true,
                sql(object, ids.get("figure"), objectValues, ids.get("figure"), children, ids.get("figure"))));
        pages.add(new Page("/api/v1/rounds", "/api/v1/rounds", "controller", true, sql(apiRounds, m)));
        pages.add(new Page("/api/v1/rounds/{round}/report", "/api/v1/rounds/" + ids.get("round") + "/report", "controller", true, report));
        pages.add(new Page("/api/v1/tasks/mine", "/api/v1/tasks/mine", "enhetschef", true, sql(reporterTasks, ids.get("unit"), ids.get("unit"),
                missingOutcomes, ids.get("round"))));
        pages.add(new Page("/api/v1/budgets", "/api/v1/budgets", "controller", true,
                sql("select b.id, b.period_id, b.version_no, b.state, b.tax_rate, b.decided_on, b.version, p.name, p.first_year, p.last_year from budget b join plan_period p on p.id = b.period_id where b.municipality_id = ? order by p.first_year desc, b.version_no desc", m)));
        // the report last and its PDF at the very end: under load they are the ones that may leave the application occupied
        pages.sort(java.util.Comparator.comparingInt(p -> p.name().endsWith(".pdf") ? 2
                : p.name().contains("rapport") || p.name().endsWith("/report") ? 1 : 0));
        return pages;
    }

    /** Pairs of SQL and its parameters, flattened: "sql", p1, p2, "sql", p1 … as "sql\u0000p1\u0000p2". */
    static List<String> sql(Object... parts) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (Object part : parts) {
            if (part instanceof String s) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder(s);
            } else {
                current.append('\u0000').append(part);
            }
        }
        out.add(current.toString());
        return out;
    }

    // ---- measuring

    Result measure(Page page, Map<String, Long> ids) throws Exception {
        List<String> headers = headers(page, 0);
        HttpResponse<byte[]> warm = send(page, headers);
        long bytes = warm == null ? -1 : warm.body().length;
        Integer items = page.api() && warm != null && ok(warm) ? items(new String(warm.body(), StandardCharsets.UTF_8)) : null;
        List<Double> single = new ArrayList<>();
        int singleErrors = warm == null || !ok(warm) ? 1 : 0;
        long until = System.nanoTime() + SINGLE_SECONDS * 1_000_000_000L;
        while (single.size() < SINGLE_REQUESTS && (single.size() < 3 || System.nanoTime() < until)) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = send(page, headers);
            single.add((System.nanoTime() - t0) / 1e6);
            if (r == null || !ok(r)) {
                singleErrors++;
            }
            if (r == null && single.size() >= 3) {
                break;
            }
        }
        Stats one = Stats.of(single, singleErrors);

        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<List<String>> userHeaders = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            userHeaders.add(headers(page, u));
        }
        long loadStart = System.nanoTime();
        long loadEnd = loadStart + LOAD_SECONDS * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            List<String> h = userHeaders.get(u);
            long offset = (long) (1_000_000_000L * u / USERS);
            Thread thread = new Thread(() -> {
                long next = loadStart + offset;
                while (true) {
                    long now = System.nanoTime();
                    if (next > now) {
                        sleepNanos(next - now);
                    }
                    if (System.nanoTime() >= loadEnd) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = send(page, h);
                    times.add((System.nanoTime() - t0) / 1e6);
                    if (r == null || !ok(r)) {
                        errors.incrementAndGet();
                    }
                    next = Math.max(next + 1_000_000_000L, t0);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join(TIMEOUT.toMillis() + (LOAD_SECONDS + 5) * 1000L);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Stats load = Stats.of(new ArrayList<>(times), errors.get());
        long recovery = recover();
        return new Result(page, bytes, one, load, loadSeconds, sqlMillis(page.sql(), items), rss()[0], recovery);
    }

    /**
     * Requests left behind by the load (their clients gave up) may still occupy the application: wait until it answers
     * /uppfoljning within 5 s again, at most RECOVERY_SECONDS, so the next page is measured on its own.
     */
    long recover() throws Exception {
        Page probe = new Page("probe", "/uppfoljning", "controller", false, List.of());
        List<String> headers = headers(probe, 0);
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1_000_000_000L < RECOVERY_SECONDS) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = send(probe, headers, Duration.ofSeconds(5));
            if (r != null && ok(r) && System.nanoTime() - t0 < 5_000_000_000L) {
                return (System.nanoTime() - start) / 1_000_000_000L;
            }
            sleepNanos(2_000_000_000L);
        }
        return -1;
    }

    static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean ok(HttpResponse<byte[]> r) {
        return r.statusCode() >= 200 && r.statusCode() < 300;
    }

    HttpResponse<byte[]> send(Page page, List<String> headers) {
        return send(page, headers, TIMEOUT);
    }

    HttpResponse<byte[]> send(Page page, List<String> headers, Duration timeout) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + page.path())).timeout(timeout).GET();
            for (int i = 0; i < headers.size(); i += 2) {
                b.header(headers.get(i), headers.get(i + 1));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A personal API token for the API (made once per user with HTTP Basic, as a client would, and used from then on);
     * for pages, a session per simulated user (logged in once, through the login form).
     */
    List<String> headers(Page page, int user) throws Exception {
        if (page.api()) {
            return List.of("Authorization", "Bearer " + token(page.user()), "Accept", "application/json");
        }
        String key = page.user() + "#" + user;
        if (!sessions.containsKey(key)) {
            sessions.put(key, List.of("Cookie", login(page.user())));
        }
        return sessions.get(key);
    }

    final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    String token(String username) throws Exception {
        String known = tokens.get(username);
        if (known != null) {
            return known;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).timeout(TIMEOUT)
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mätning " + System.nanoTime() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() / 100 != 2 || !secret.find()) {
            throw new IllegalStateException("Could not make an API token for " + username + ": " + created.statusCode() + " " + created.body());
        }
        tokens.put(username, secret.group(1));
        return secret.group(1);
    }

    String login(String username) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
        String cookie = cookie(form);
        String body = "username=" + enc(username) + "&password=" + enc(PASSWORD) + (csrf.find() ? "&_csrf=" + enc(csrf.group(1)) : "");
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        HttpResponse<String> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        String session = cookie(answer);
        if (answer.statusCode() != 302 || location.contains("error") || (session == null && cookie == null)) {
            throw new IllegalStateException("Login as " + username + " failed: " + answer.statusCode() + " " + location);
        }
        return session != null ? session : cookie;
    }

    static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElse(null);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The number of elements of a JSON array answer, or of the "items" array of a paged answer; null otherwise. */
    static Integer items(String json) {
        String s = json.strip();
        int start;
        if (s.startsWith("[")) {
            start = 0;
        } else if (s.startsWith("{")) {
            Matcher m = Pattern.compile("\"(items|content)\"\\s*:\\s*\\[").matcher(s);
            if (!m.find()) {
                return null;
            }
            start = m.end() - 1;
        } else {
            return null;
        }
        int depth = 0;
        int count = 0;
        boolean inString = false;
        boolean any = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    any = true;
                }
                case '[', '{' -> {
                    if (depth == 1) {
                        any = true;
                    }
                    depth++;
                }
                case ']', '}' -> {
                    depth--;
                    if (depth == 0) {
                        return any ? count + 1 : 0;
                    }
                }
                case ',' -> {
                    if (depth == 1) {
                        count++;
                    }
                }
                default -> {
                    if (depth == 1 && !Character.isWhitespace(c)) {
                        any = true;
                    }
                }
            }
        }
        return null;
    }

    /** p50 of 15 runs (after 2 warm-ups) of the page's statements, every row and column read; a list reads as many rows as the answer held. */
    double sqlMillis(List<String> statements, Integer limit) throws SQLException {
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < 17; run++) {
            long t0 = System.nanoTime();
            for (String statement : statements) {
                String[] parts = statement.split("\u0000");
                String sql = parts[0] + (limit != null && statements.size() == 1 ? " limit " + limit : "");
                try (PreparedStatement ps = db.prepareStatement(sql)) {
                    for (int i = 1; i < parts.length; i++) {
                        ps.setLong(i, Long.parseLong(parts[i]));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rs.getObject(c);
                            }
                        }
                    }
                }
            }
            if (run >= 2) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(times);
        return pct(times, 50);
    }

    Long one(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Nothing found: " + sql);
                }
                long v = rs.getLong(1);
                if (rs.wasNull()) {
                    throw new IllegalStateException("Nothing found: " + sql);
                }
                return v;
            }
        }
    }

    String counts() throws SQLException {
        return String.format("%d units, %d goal objects, %d yearly values, %d rounds, %d tasks",
                one("select count(*) from org_unit"), one("select count(*) from goal_object"), one("select count(*) from measure_value"),
                one("select count(*) from followup_round"), one("select count(*) from followup_task"));
    }

    /** VmRSS and VmHWM of the application, in kB. */
    long[] rss() throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 1000 ? String.format("%.2f s", v / 1000) : v >= 10 ? String.format("%.0f ms", v) : String.format("%.1f ms", v);
    }

    static String size(long bytes) {
        return bytes < 0 ? "–" : bytes >= 1_000_000 ? String.format("%.1f MB", bytes / 1e6) : bytes >= 1000 ? String.format("%.0f kB", bytes / 1e3) : bytes + " B";
    }
}
