package se.styr.kolada;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one integration boundary to Kolada's v3 API: builds the addresses, follows {@code next_url} page by page, gives
 * up after the configured timeout and retries a slow or failing Kolada a few times before it says so in Swedish.
 * Everything is read before anything is stored, so a failure half way leaves nothing half-stored.
 */
@Component
public class KoladaClient {

    static final int PER_PAGE = 5000;
    /** Kolada refuses long year lists; ask for at most this many years at a time. */
    static final int YEARS_PER_REQUEST = 20;
    private static final int MAX_PAGES = 10_000;

    private final String baseUrl;
    private final Duration timeout;
    private final int attempts;
    private final Duration retryDelay;
    private final HttpClient http;

    KoladaClient(@Value("${styr.kolada.base-url:https://api.kolada.se/v3}") String baseUrl,
                 @Value("${styr.kolada.timeout:PT20S}") Duration timeout,
                 @Value("${styr.kolada.attempts:3}") int attempts,
                 @Value("${styr.kolada.retry-delay:PT2S}") Duration retryDelay) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.retryDelay = retryDelay;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Every KPI whose title has the words (all KPIs when blank). */
    List<KoladaRows.Kpi> kpis(String title) {
        String query = title == null || title.isBlank() ? "" : "&title=" + java.net.URLEncoder.encode(title.strip(), StandardCharsets.UTF_8);
        return all(baseUrl + "/kpi?per_page=" + PER_PAGE + query, KoladaJson::kpis);
    }

    /** The values of the KPIs for the areas and years, every sex, all pages. */
    List<KoladaRows.Value> values(Collection<String> kpis, Collection<String> areas, Collection<Integer> years) {
        List<KoladaRows.Value> rows = new ArrayList<>();
        List<Integer> sorted = years.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i += YEARS_PER_REQUEST) {
            List<Integer> chunk = sorted.subList(i, Math.min(sorted.size(), i + YEARS_PER_REQUEST));
            String url = baseUrl + "/data/kpi/" + String.join(",", kpis) + "/municipality/" + String.join(",", areas)
                    + "/year/" + String.join(",", chunk.stream().map(String::valueOf).toList()) + "?per_page=" + PER_PAGE;
            rows.addAll(all(url, KoladaJson::values));
        }
        return rows;
    }

    /**
     * The values of one KPI for every municipality, county and Riket (no municipality filter, {@code
     * /data/kpi/{id}/year/{years}}), every sex, all pages: what the rank among all municipalities needs.
     */
    List<KoladaRows.Value> valuesOfAll(String kpi, Collection<Integer> years) {
        List<KoladaRows.Value> rows = new ArrayList<>();
        List<Integer> sorted = years.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i += YEARS_PER_REQUEST) {
            List<Integer> chunk = sorted.subList(i, Math.min(sorted.size(), i + YEARS_PER_REQUEST));
            rows.addAll(all(baseUrl + "/data/kpi/" + kpi + "/year/"
                    + String.join(",", chunk.stream().map(String::valueOf).toList()) + "?per_page=" + PER_PAGE, KoladaJson::values));
        }
        return rows;
    }

    /** Kolada's municipality groups with their members ({@code /municipality_groups}), all pages. */
    List<KoladaRows.Group> groups() {
        return all(baseUrl + "/municipality_groups?per_page=" + PER_PAGE, KoladaJson::groups);
    }

    /** Told after every page read: how many rows it held. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = rows -> { };

        void page(int rows);
    }

    /** Per thread, as imports of several municipalities (or the schedule and a person) may run at once. */
    private final ThreadLocal<Progress> progress = ThreadLocal.withInitial(() -> Progress.NONE);

    /** Runs the work with the progress told of every page its calls read (the import's run records it). */
    <R> R reporting(Progress to, java.util.function.Supplier<R> work) {
        Progress before = progress.get();
        progress.set(to);
        try {
            return work.get();
        } finally {
            progress.set(before);
        }
    }

    private <T> List<T> all(String first, BiFunction<String, Object, KoladaRows.Page<T>> parser) {
        List<T> rows = new ArrayList<>();
        String url = first;
        int pages = 0;
        while (url != null && !url.isBlank()) {
            if (++pages > MAX_PAGES) {
                throw new KoladaException("kolada.error.tooManyPages");
            }
            KoladaRows.Page<T> page = parser.apply(get(url), new org.springframework.context.support.DefaultMessageSourceResolvable(
                    new String[] {"kolada.where.page"}, new Object[] {pages}));
            rows.addAll(page.rows());
            progress.get().page(page.rows().size());
            url = page.nextUrl();
        }
        return rows;
    }

    private String get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        String problem = null;
        Object detail = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                problem = "kolada.error.status";
                detail = status;
                if (status < 500 && status != 429) {
                    break;
                }
            } catch (HttpTimeoutException e) {
                problem = "kolada.error.timeout";
                detail = timeout.toSeconds();
            } catch (IOException e) {
                problem = "kolada.error.unreachable";
                detail = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KoladaException(e, "kolada.error.interrupted");
            }
            if (attempt < attempts) {
                pause();
            }
        }
        throw new KoladaException(problem, detail, attempts);
    }

    private void pause() {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KoladaException(e, "kolada.error.interrupted");
        }
    }
}
