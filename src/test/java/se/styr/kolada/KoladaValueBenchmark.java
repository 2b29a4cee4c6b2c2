package se.styr.kolada;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kolada values into PostgreSQL: N rows (kpi, municipality, year, sex, value; 1 000 000 by default) read from Kolada's
 * JSON pages (5 000 rows a page) and stored by the import's own code ({@link KoladaJson}, {@link KoladaStore}), against
 * a bare {@code psql \copy} of the same rows as CSV into the same indexed table, in the same run. Loopback only; a
 * scratch database of its own (dropped tables, never the application's). Run by bench/kolada-values.sh.
 */
public final class KoladaValueBenchmark {

    private KoladaValueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String db = args.length > 1 ? args[1] : "styr_kolada_bench";
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        DriverManagerDataSource admin = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/postgres", user, "");
        if (JdbcClient.create(admin).sql("select count(*) from pg_database where datname = ?").param(db).query(Long.class).single() == 0) {
            JdbcClient.create(admin).sql("create database " + db).update();
        }
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/" + db, user, "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("drop table if exists kolada_value");
        jdbc.execute("create table kolada_value (kpi varchar(10) not null, area varchar(10) not null, year integer not null, "
                + "sex char(1) not null, amount numeric(18, 4), primary key (kpi, area, year, sex))");
        jdbc.execute("create index kolada_value_rank on kolada_value (kpi, year, sex, amount)");

        List<String> pages = pages(rows);
        Path csv = Files.createTempFile("kolada-bench", ".csv");
        try {
            writeCsv(csv, pages);
            KoladaStore store = new KoladaStore(JdbcClient.create(ds), jdbc);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            for (int round = 1; round <= 2; round++) {
                jdbc.execute("truncate kolada_value");
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", user, "-d", db, "-q", "-c",
                        "\\copy kolada_value from '" + csv + "' csv").inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("psql \\copy failed");
                }
                double bare = (System.nanoTime() - t0) / 1e9;

                jdbc.execute("truncate kolada_value");
                long t1 = System.nanoTime();
                List<KoladaRows.Value> values = new ArrayList<>(rows);
                for (String page : pages) {
                    values.addAll(KoladaJson.values(page, "bench").rows());
                }
                double parse = (System.nanoTime() - t1) / 1e9;
                tx.executeWithoutResult(s -> store.saveValues(values));
                double ours = (System.nanoTime() - t1) / 1e9;

                long t2 = System.nanoTime();
                tx.executeWithoutResult(s -> store.saveValues(values));
                double again = (System.nanoTime() - t2) / 1e9;
                long count = jdbc.queryForObject("select count(*) from kolada_value", Long.class);
                System.out.printf("round %d: %,d rows (%,d stored): bare \\copy %.2f s; import from JSON pages %.2f s "
                                + "(%.0f %% of the bare copy's speed; reading the JSON %.2f s of it); the same import again (idempotent) %.2f s%n",
                        round, rows, count, bare, ours, 100 * bare / ours, parse, again);
            }
        } finally {
            Files.deleteIfExists(csv);
            jdbc.execute("drop table if exists kolada_value");
        }
    }

    /** Kolada v3 data pages: each entry a KPI, municipality and year with T, K and M. */
    static List<String> pages(int rows) {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        int inPage = 0;
        int made = 0;
        int entry = 0;
        while (made < rows) {
            String kpi = String.format("N%05d", entry / (290 * 20));
            String area = String.format("%04d", 1000 + (entry / 20) % 290);
            int year = 2004 + entry % 20;
            entry++;
            page.append(inPage == 0 ? "" : ",").append("{\"kpi\":\"").append(kpi).append("\",\"municipality\":\"")
                    .append(area).append("\",\"period\":").append(year).append(",\"values\":[");
            for (int s = 0; s < 3 && made < rows; s++, made++) {
                page.append(s == 0 ? "" : ",").append("{\"gender\":\"").append("TKM".charAt(s))
                        .append("\",\"count\":1,\"status\":\"\",\"value\":")
                        .append(BigDecimal.valueOf((entry * 37L + s * 11L) % 10000, 1)).append('}');
                inPage++;
            }
            page.append("]}");
            if (inPage >= KoladaClient.PER_PAGE - 2 || made >= rows) {
                pages.add("{\"count\":" + inPage + ",\"next_url\":null,\"values\":[" + page + "]}");
                page.setLength(0);
                inPage = 0;
            }
        }
        return pages;
    }

    private static void writeCsv(Path csv, List<String> pages) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (String page : pages) {
                for (KoladaRows.Value v : KoladaJson.values(page, "bench").rows()) {
                    w.write(v.kpi() + "," + v.area() + "," + v.year() + "," + v.sex() + ","
                            + (v.value() == null ? "" : v.value().toPlainString()) + "\n");
                }
            }
        }
    }
}
