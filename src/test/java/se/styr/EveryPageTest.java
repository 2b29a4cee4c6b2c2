package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page reachable from the start page, as every demo user: breadth first over the same-site links
 * ({@code a[href]}, GET only; forms are not submitted, so nothing is written and the user is never logged out).
 * Fails on a 5xx (or an exception MockMvc lets through), an unresolved message key ({@code ??key??}), one of Spring's
 * English default texts, and an HTML page without {@code <html lang="sv">} or a title. Downloads (PDF, Excel) and the
 * API's Swagger UI (a third-party page, in English by design) are only checked for their status.
 */
@StyrIntegrationTest
@TestPropertySource(properties = "spring.test.mockmvc.print=none") // a failing walk would otherwise print every request
class EveryPageTest {

    /**
     * At most this many pages per user. The demo's biggest walk (the administrator's) reaches about 1 900 pages, so
     * the bound only stops a walk that runs away (say, links that build ever new query strings); the test also
     * checks below that every kind of page was reached.
     */
    static final int MAX_PAGES = 3_000;

    /**
     * At most this many pages of one kind per user (see {@link #pattern}): the demo has hundreds of task objects
     * rendered by the same template, and walking them all costs minutes on each database without reaching another
     * template. It is above the demo's number of goal objects (126), so every object page is walked whatever order the
     * database lists them in (which differs between H2 and PostgreSQL), and with it every link an object page offers.
     */
    static final int PER_KIND = 150;

    private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[^\\s<>?\"]+\\?\\?");
    private static final List<String> ENGLISH_DEFAULTS = List.of("Whitelabel", "Internal Server Error", "Forbidden",
            "Not Found", "Bad Request", "Access Denied", "Method Not Allowed", "Unauthorized", "Unsupported Media Type",
            "Payload Too Large", "There was an unexpected error");
    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");
    private static final Set<String> ENGLISH_TITLES = Set.of("Error", "Whitelabel Error Page");

    /** The kinds of page every signed-in user reaches from the start page. */
    private static final List<String> EVERYONE_REACHES = List.of("/", "/styrkedja", "/styrkedja?organ", "/objekt/{n}",
            "/uppfoljning", "/uppfoljning/{n}", "/uppfoljning/{n}/enhet/{n}/objekt/{n}", "/uppfoljning/{n}/rapport",
            "/uppfoljning/{n}/rapport.pdf", "/ekonomi", "/ekonomi/budget/{n}", "/ekonomi/resursfordelning/{n}",
            "/ekonomi/finansiella-mal", "/ekonomi/uppfoljning", "/ekonomi/uppfoljning/{n}/{n}/{n}",
            "/ekonomi/uppfoljning/{n}/volymer", "/forslag", "/forslag/{n}", "/forslag/jamfor", "/publicerat/forslag/{n}",
            "/organisation", "/organisation/enhet/{n}", "/organisation/planperioder", "/vikarie", "/kvalitet/risker",
            "/kvalitet/risker/{n}");

    /** The kinds of page only some users reach: their editing and administration pages. */
    private static final Map<String, List<String>> ALSO_REACHES = Map.of(
            "admin", List.of("/admin/granskningslogg", "/objekt/{n}/redigera", "/objekt/{n}/varden", "/uppfoljning/ny",
                    "/uppfoljning/{n}/utfall", "/uppfoljning/{n}/delning/{n}", "/uppfoljning/{n}/texter",
                    "/ekonomi/finansiella-mal/{n}", "/ekonomi/finansiella-mal/underlag?ar&grund", "/ekonomi/import",
                    "/ekonomi/budget/{n}/tabell/RESULTAT", "/admin/kommun", "/organisation/planperioder/{n}",
                    "/organisation/enhet/{n}/ny", "/organisation/enhet/{n}/andra", "/organisation/enhet/{n}/flytta",
                    "/organisation/enhet/{n}/avveckla"),
            "controller", List.of("/objekt/{n}/redigera", "/uppfoljning/{n}/utfall", "/organisation/enhet/{n}/ny",
                    "/organisation/enhet/{n}/andra", "/organisation/enhet/{n}/flytta"),
            "enhetschef", List.of("/uppfoljning/uppgift/{n}", "/uppfoljning/{n}/enhet/{n}/objekt/{n}?flik"),
            "enhetschef2", List.of("/uppfoljning/uppgift/{n}", "/uppfoljning/{n}/enhet/{n}/objekt/{n}?flik"),
            "revisor", List.of("/namnd/granskning", "/namnd/granskning/{n}", "/namnd/granskning/{n}/utskrift"));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin", "controller", "avdelningschef", "enhetschef", "enhetschef2", "forvaltningschef",
            "politiker", "partiS", "partiV", "revisor"})
    void everyPageReachableFromTheStartPageIsSwedishAndWhole(String username) throws Exception {
        UserDetails person = users.loadUserByUsername(username);
        MockHttpSession session = new MockHttpSession();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, String> linkedFrom = new java.util.HashMap<>();
        Map<String, Integer> patterns = new TreeMap<>();
        Map<Integer, Set<String>> clientErrors = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int pages = 0;
        Map<String, Integer> sampled = new TreeMap<>();
        while (!queue.isEmpty() && pages < MAX_PAGES) {
            String url = queue.poll();
            String kind = pattern(url);
            if (patterns.getOrDefault(kind, 0) >= PER_KIND) {
                sampled.merge(kind, 1, Integer::sum);
                continue;
            }
            pages++;
            patterns.merge(kind, 1, Integer::sum);
            MockHttpServletResponse response;
            try {
                response = mvc.perform(get(URI.create(url)).with(user(person)).session(session)).andReturn().getResponse();
            } catch (Exception e) {
                failures.add(url + ": " + rootCause(e));
                continue;
            }
            int status = response.getStatus();
            if (status >= 500) {
                failures.add(url + ": status " + status);
                continue;
            }
            if (status >= 400) {
                clientErrors.computeIfAbsent(status, s -> new TreeSet<>()).add(url + " (from " + linkedFrom.get(url) + ")");
            }
            if (status >= 300 && status < 400 && response.getRedirectedUrl() != null) {
                enqueue(sameSite(response.getRedirectedUrl(), url), url, seen, queue, linkedFrom);
                continue;
            }
            String type = response.getContentType();
            if (type == null || !type.startsWith("text/html") || url.startsWith("/swagger-ui")) {
                continue;
            }
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            failures.addAll(problems(url, html));
            Document page = Jsoup.parse(html, "http://localhost" + url);
            for (Element link : page.select("a[href]")) {
                enqueue(sameSite(link.attr("href"), url), url, seen, queue, linkedFrom);
            }
        }
        System.out.printf("%s: %d pages, %d still queued, %d kinds of page%n", username, pages, queue.size(), patterns.size());
        patterns.forEach((p, n) -> System.out.printf("  %5d %s%n", n, p));
        sampled.forEach((p, n) -> System.out.printf("  %5d more of %s not walked (at most %d of a kind)%n", n, p, PER_KIND));
        clientErrors.forEach((s, urls) -> System.out.printf("  %d: %s%n", s, urls));
        failures.stream().limit(50).forEach(f -> System.out.println("  FAIL " + f));

        assertThat(failures)
                .as("pages that fail for " + username).isEmpty();
        assertThat(queue).as("the walk ended before the bound of " + MAX_PAGES + " pages").isEmpty();
        assertThat(patterns.keySet()).as("kinds of page " + username + " reached").containsAll(EVERYONE_REACHES)
                .containsAll(ALSO_REACHES.getOrDefault(username, List.of()));
        assertThat(clientErrors).as("links that lead to 4xx for " + username).isEmpty();
    }

    private static List<String> problems(String url, String html) {
        List<String> found = new ArrayList<>();
        Matcher key = MESSAGE_KEY.matcher(html);
        while (key.find()) {
            found.add(url + ": unresolved message key " + key.group());
        }
        for (String english : ENGLISH_DEFAULTS) {
            if (html.contains(english)) {
                found.add(url + ": English default text \"" + english + "\"");
            }
        }
        Document page = Jsoup.parse(html);
        Element root = page.selectFirst("html");
        if (root == null || !"sv".equals(root.attr("lang"))) {
            found.add(url + ": no <html lang=\"sv\">");
        }
        String title = page.title().strip();
        if (title.isEmpty() || ENGLISH_TITLES.contains(title)) {
            found.add(url + ": title \"" + title + "\"");
        }
        return found;
    }

    private static void enqueue(String url, String from, Set<String> seen, Deque<String> queue, Map<String, String> linkedFrom) {
        if (url != null && seen.add(url)) {
            queue.add(url);
            linkedFrom.put(url, from);
        }
    }

    /** The link as a path and query on this site, or null when it leads elsewhere (another host, mailto:, logout). */
    static String sameSite(String href, String from) {
        URI target;
        try {
            target = URI.create("http://localhost" + from).resolve(href.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"http".equals(target.getScheme()) || !"localhost".equals(target.getHost()) || target.getPort() != -1) {
            return null;
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        if (path.equals("/logout")) {
            return null;
        }
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    /** The kind of page: numbers in the path as {n}, and the names of the query's parameters. */
    static String pattern(String url) {
        int q = url.indexOf('?');
        String path = NUMBER.matcher(q < 0 ? url : url.substring(0, q)).replaceAll("/{n}");
        if (q < 0) {
            return path;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : url.substring(q + 1).split("&")) {
            names.add(pair.split("=", 2)[0]);
        }
        return path + "?" + String.join("&", names);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(300, message.length()));
    }
}
