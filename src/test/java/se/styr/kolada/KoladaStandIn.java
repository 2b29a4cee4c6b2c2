package se.styr.kolada;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Kolada's v3 API on the loopback interface: answers recorded pages in Kolada's format for the
 * seed's KPI ids and Alingsås (1489), two pages at a time, or fails the way Kolada can (5xx, silence, broken JSON).
 */
final class KoladaStandIn {

    enum Mode { OK, ERROR_500, ERROR_500_ONCE, SLOW, MALFORMED, MALFORMED_PAGE_2 }

    static final KoladaStandIn INSTANCE = new KoladaStandIn();

    volatile Mode mode = Mode.OK;
    /** The Alingsås value of U21468 in 2021 that the stand-in answers (a revision can be tried by changing it). */
    volatile String alingsas2021 = "91";
    final AtomicInteger requests = new AtomicInteger();
    final List<String> paths = new ArrayList<>();
    private final HttpServer server;

    private KoladaStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v3/kpi", this::kpis);
        server.createContext("/v3/data", this::data);
        server.createContext("/v3/municipality_groups", this::groups);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    private void kpis(HttpExchange x) throws IOException {
        boolean second = String.valueOf(x.getRequestURI().getQuery()).contains("page=2");
        String body = second
                ? """
                  {"count": 1, "next_url": null, "values": [
                   {"id": "N20900", "title": "Nettokostnadsavvikelse äldreomsorg, (%)", "description": "Skillnad mellan faktisk och standardkostnad för äldreomsorg.", "operating_area": "Äldreomsorg", "is_divided_by_gender": false, "municipality_type": "K"}]}
                  """
                : """
                  {"count": 2, "next_url": "%s/kpi?per_page=5000&page=2", "values": [
                   {"id": "U21468", "title": "Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%%)", "description": "Andel brukare som svarat mycket eller ganska nöjd på frågan om hur nöjd man är sammantaget med hemtjänsten.", "operating_area": "Äldreomsorg", "is_divided_by_gender": true, "municipality_type": "K"},
                   {"id": "U28524", "title": "Brukaren trivs alltid hemma, andel (%%)", "description": "Andel brukare i gruppbostad LSS som svarat att de trivs alltid hemma.", "operating_area": "Funktionsnedsättning", "is_divided_by_gender": false, "municipality_type": "K"}]}
                  """.formatted(baseUrl());
        send(x, 200, body);
    }

    private void data(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        synchronized (paths) {
            paths.add(x.getRequestURI().toString());
        }
        String query = String.valueOf(x.getRequestURI().getQuery());
        boolean second = query.contains("page=2");
        String path = x.getRequestURI().getPath();
        boolean answers = mode == Mode.OK || mode == Mode.ERROR_500_ONCE && requests.get() > 1;
        if (answers && !path.contains("/municipality/")) { // every municipality's values of one KPI
            String kpi = path.replaceAll(".*/data/kpi/([^/]+)/year/.*", "$1");
            if (!kpi.equals("U21468")) {
                send(x, 200, kpi.equals("N20900") ? NULL_VALUE : "{\"count\": 0, \"next_url\": null, \"values\": []}");
                return;
            }
            if (query.contains("page=3")) {
                send(x, 200, others());
                return;
            }
        }
        switch (mode) {
            case ERROR_500 -> send(x, 503, "Service Unavailable");
            case ERROR_500_ONCE -> {
                if (requests.get() == 1) {
                    send(x, 500, "{}");
                } else {
                    send(x, 200, second ? page2(x) : page1(x));
                }
            }
            case SLOW -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, page1(x));
            }
            case MALFORMED -> send(x, 200, "{\"count\": 1, \"values\": [ {\"kpi\": \"U21468\", ");
            case MALFORMED_PAGE_2 -> send(x, 200, second ? "<html>Bad gateway</html>" : page1(x));
            default -> send(x, 200, second ? page2(x) : page1(x));
        }
    }

    private String page1(HttpExchange x) {
        String path = x.getRequestURI().getPath();
        return """
               {"count": 4, "next_url": "%s?per_page=5000&page=2", "previous_url": null, "values": [
                {"kpi": "U21468", "municipality": "1489", "period": 2020, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 93.0},
                  {"gender": "K", "count": 1, "status": "", "value": 94.0},
                  {"gender": "M", "count": 1, "status": "", "value": 90.0}]},
                {"kpi": "U21468", "municipality": "1489", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": %s}]},
                {"kpi": "U21468", "municipality": "0000", "period": 2020, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 88.0}]},
                {"kpi": "U21468", "municipality": "0000", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 87.0}]}]}
               """.formatted("http://127.0.0.1:" + server.getAddress().getPort() + path, alingsas2021);
    }

    private String page2(HttpExchange x) {
        String path = x.getRequestURI().getPath();
        boolean all = !path.contains("/municipality/");
        return """
               {"count": 4, "next_url": %s, "values": [
                {"kpi": "U21468", "municipality": "0014", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 89.0}]},
                {"kpi": "U21468", "municipality": "1488", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 95.0}]},
                {"kpi": "U21468", "municipality": "1490", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 85.0}]}%s]}
               """.formatted(all ? "\"http://127.0.0.1:" + server.getAddress().getPort() + path + "?per_page=5000&page=3\"" : "null",
                all ? "" : """
                ,{"kpi": "N20900", "municipality": "1489", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": null}]}""");
    }

    private static final String NULL_VALUE = """
            {"count": 1, "next_url": null, "values": [
             {"kpi": "N20900", "municipality": "1489", "period": 2021, "values": [
               {"gender": "T", "count": 1, "status": "", "value": null}]}]}
            """;

    /**
     * The third page of every municipality's U21468 (made-up values, test data only): the other municipalities' 2021
     * totals and 2020 women's and men's values, and two regions that must not count in the rank.
     */
    static final java.util.Map<String, int[]> OTHERS = others(283);

    private static java.util.Map<String, int[]> others(int n) {
        java.util.Map<String, int[]> result = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            result.put(String.valueOf(2000 + i), new int[] {60 + i % 40, 70 + i % 30, 65 + i % 30}); // T 2021, K 2020, M 2020
        }
        return result;
    }

    private static String others() {
        StringBuilder values = new StringBuilder();
        OTHERS.forEach((area, v) -> values.append(values.isEmpty() ? "" : ",").append("""
                {"kpi": "U21468", "municipality": "%s", "period": 2021, "values": [{"gender": "T", "count": 1, "status": "", "value": %d}]},
                {"kpi": "U21468", "municipality": "%s", "period": 2020, "values": [{"gender": "K", "count": 1, "status": "", "value": %d},
                 {"gender": "M", "count": 1, "status": "", "value": %d}]}""".formatted(area, v[0], area, v[1], v[2])));
        for (String region : new String[] {"0001", "0013"}) {
            values.append("""
                    ,{"kpi": "U21468", "municipality": "%s", "period": 2021, "values": [{"gender": "T", "count": 1, "status": "", "value": 99.5}]}"""
                    .formatted(region));
        }
        return "{\"count\": " + (OTHERS.size() * 2 + 2) + ", \"next_url\": null, \"values\": [" + values + "]}";
    }

    /** Kolada's municipality groups, on two pages (ids and titles made up for the test; members are real codes). */
    private void groups(HttpExchange x) throws IOException {
        send(x, 200, groupPage(String.valueOf(x.getRequestURI().getQuery()).contains("page=2")));
    }

    String groupPage(boolean second) {
        return second ? """
                {"count": 1, "next_url": null, "values": [
                 {"id": "G900002", "title": "Kommuner i Västra Götaland (test)", "members": [
                   {"id": "1489", "title": "Alingsås"}, {"id": "1490", "title": "Borås"}, {"id": "1487", "title": "Vänersborg"}]}]}
                """ : """
                {"count": 1, "next_url": "%s/municipality_groups?per_page=5000&page=2", "values": [
                 {"id": "G900001", "title": "Liknande kommuner äldreomsorg, Alingsås (test)", "members": [
                   {"id": "1488", "title": "Trollhättan"}, {"id": "1490", "title": "Borås"}]}]}
                """.formatted(baseUrl());
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        } catch (IOException ignored) {
            // the client gave up waiting (the timeout case)
        }
    }
}
