package se.styr.followup.bench;

import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import se.styr.StyrApplication;
import se.styr.followup.CompiledReport;
import se.styr.followup.ReportCompilerBridge;

/**
 * Benchmark (not a test: run by bench/report-pdf.sh, never by Surefire): the draft interim report of a committee as
 * the PDF endpoint makes it (read the round, compile, render the article, render the PDF), for one committee the
 * size of VON (4 goals, 20 key figures, 60 units, 7 control points, 10 assignments) and for a whole municipality of
 * 10 such committees, one after the other. Targets: at most 1 s and 10 s.
 *
 * <p>The state boots the whole application once per fork on a private in-memory H2 database with the demo data, and
 * adds the 10 committees with {@link SyntheticCommittees}. The sub-steps ({@code compileOnly}, {@code articleOnly},
 * {@code pdfOnly}) show which part dominates; bench/report-pdf.sh runs them only with {@code --steps}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class ReportBenchmark {

    static final int COMMITTEES = 10;

    private ConfigurableApplicationContext context;
    private ReportCompilerBridge reports;
    private Authentication admin;
    private List<SyntheticCommittees.Committee> committees;
    private long oneRound;
    private CompiledReport compiled;
    private String article;

    @Setup(Level.Trial)
    public void boot() {
        // openhtmltopdf logs ~8 INFO lines per PDF through its own java.util.logging handler, whatever
        // logging.level.com.openhtmltopdf says; they would bury JMH's output.
        XRLog.setLoggingEnabled(false);
        long start = System.nanoTime();
        context = new SpringApplicationBuilder(StyrApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:styr-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1",
                "--styr.demo.enabled=true",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        long booted = System.nanoTime();
        // -Dbench.unitReports=false: only the administration's reports, not also the 264 of its departments and units.
        committees = new SyntheticCommittees(context, Boolean.parseBoolean(System.getProperty("bench.unitReports", "true")))
                .create(COMMITTEES);
        admin = SecurityContextHolder.getContext().getAuthentication();
        reports = new ReportCompilerBridge(context);
        oneRound = committees.get(0).roundId();
        compiled = reports.compile(oneRound);
        article = reports.article(compiled);
        long generated = System.nanoTime();
        System.out.printf("%nBoot %.1f s, %d committees generated in %.1f s.%n",
                (booted - start) / 1e9, committees.size(), (generated - booted) / 1e9);
        describePdfs();
    }

    /** Pages and bytes of the PDFs, printed once per fork; with -Dbench.out=DIR they are written there too. */
    private void describePdfs() {
        String out = System.getProperty("bench.out");
        long totalBytes = 0;
        int totalPages = 0;
        for (SyntheticCommittees.Committee c : committees) {
            byte[] pdf = reports.pdf(c.roundId());
            int pages;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                pages = document.getNumberOfPages();
                if (out != null) {
                    Files.createDirectories(Path.of(out));
                    Files.write(Path.of(out, c.code() + ".pdf"), pdf);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (c.roundId() == oneRound) {
                System.out.printf("PDF of one committee (%s): %d pages, %d bytes; article HTML %d characters.%n",
                        c.code(), pages, pdf.length, article.length());
            }
            totalBytes += pdf.length;
            totalPages += pages;
        }
        System.out.printf("PDFs of the whole municipality (%d committees): %d pages, %d bytes.%s%n", committees.size(),
                totalPages, totalBytes, out == null ? "" : " Written to " + out + "/.");
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
    public byte[] oneCommittee() {
        logIn();
        return reports.pdf(oneRound);
    }

    @Benchmark
    @Warmup(iterations = 4, time = 5)
    @Measurement(iterations = 5, time = 5)
    public void wholeMunicipality(Blackhole blackhole) {
        logIn();
        for (SyntheticCommittees.Committee c : committees) {
            blackhole.consume(reports.pdf(c.roundId()));
        }
    }

    // ---- the steps of oneCommittee, to see which dominates

    @Benchmark
    public CompiledReport compileOnly() {
        logIn();
        return reports.compile(oneRound);
    }

    @Benchmark
    public String articleOnly() {
        logIn();
        return reports.article(compiled);
    }

    @Benchmark
    public byte[] pdfOnly() {
        logIn();
        return reports.pdf(compiled, article);
    }
}
