package se.styr.economy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styr.platform.excel.ImportProgress;
import se.styr.StyrApplication;
import se.styr.economy.excel.ImportFiles;
import se.styr.economy.excel.ImportService;

/**
 * Benchmark (not a test: run by bench/outcome-import.sh, never by Surefire): a 10 000-row outcome file imported end to
 * end as the page's background job and the API do it: ImportService.importOutcomes reads the .xlsx, checks every
 * cell, and replaces the rows in the database in one transaction with its audit entry. Target: at most 2 s.
 *
 * <p>The state boots the whole application once per fork on a private in-memory H2 database with the demo data, signs
 * in the administrator and makes the file once with POI: every unit of the municipality (37), each month and typed
 * account group of 2021–2024, the first 10 000 of those rows (about 250 kB). Each operation replaces the same 10 000
 * rows, so the table stays the same size. {@code parseAndCheck} imports the same file with a bad amount in its last
 * row: read and checked in full, nothing written; the difference to {@code importOutcomes} is the write.
 * Not measured: the upload (multipart parsing) and the job's thread hand-over, both small beside these.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class OutcomeImportBenchmark {

    static final int ROWS = 10_000;

    private ConfigurableApplicationContext context;
    private ImportService imports;
    private Authentication admin;
    private byte[] file;
    private byte[] fileWithOneError;

    @Setup(Level.Trial)
    public void boot() {
        long start = System.nanoTime();
        context = new SpringApplicationBuilder(StyrApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:styr-import-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1",
                "--styr.demo.enabled=true",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        admin = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        imports = context.getBean(ImportService.class);
        List<String> units = context.getBean(JdbcClient.class).sql("select code from org_unit order by id").query(String.class).list();
        List<List<Object>> rows = ImportFiles.outcomeRows(units, List.of(2021, 2022, 2023, 2024), ROWS);
        file = ImportFiles.outcomes(rows);
        List<List<Object>> broken = new ArrayList<>(rows);
        List<Object> last = new ArrayList<>(broken.get(ROWS - 1));
        last.set(4, "12a");
        broken.set(ROWS - 1, last);
        fileWithOneError = ImportFiles.outcomes(broken);
        System.out.printf("%nBoot %.1f s; file of %d rows (%d units), %d bytes.%n", (System.nanoTime() - start) / 1e9, ROWS,
                units.size(), file.length);
    }

    @TearDown(Level.Trial)
    public void close() {
        SecurityContextHolder.clearContext();
        if (context != null) {
            context.close();
        }
    }

    /** Benchmark threads are not the setup thread: the services read the user from this thread's context. */
    private void logIn() {
        SecurityContextHolder.getContext().setAuthentication(admin);
    }

    @Benchmark
    public ImportService.Result importOutcomes() {
        logIn();
        ImportService.Result result = imports.importOutcomes("utfall-10000.xlsx", file, ImportProgress.NONE);
        if (!result.ok() || result.rows() != ROWS) {
            throw new IllegalStateException("The import failed: " + result.problems());
        }
        return result;
    }

    @Benchmark
    public ImportService.Result parseAndCheck() {
        logIn();
        ImportService.Result result = imports.importOutcomes("utfall-10000-fel.xlsx", fileWithOneError, ImportProgress.NONE);
        if (result.problems().size() != 1) {
            throw new IllegalStateException("Expected one problem: " + result.problems());
        }
        return result;
    }
}
