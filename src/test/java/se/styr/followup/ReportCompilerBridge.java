package se.styr.followup;

import org.springframework.context.ApplicationContext;

/**
 * Test scope only: a public door to the package-private {@link ReportCompiler}, for the benchmark in
 * {@code se.styr.followup.bench} (see bench/report-pdf.sh). It does exactly what the report's PDF endpoint does.
 */
public final class ReportCompilerBridge {

    private final FollowupService followup;
    private final ReportCompiler compiler;

    public ReportCompilerBridge(ApplicationContext context) {
        this.followup = context.getBean(FollowupService.class);
        this.compiler = context.getBean(ReportCompiler.class);
    }

    /** The draft report of a round as the PDF endpoint renders it: read the round, compile, article, PDF. */
    public byte[] pdf(long roundId) {
        CompiledReport report = compile(roundId);
        return pdf(report, article(report));
    }

    public CompiledReport compile(long roundId) {
        return compiler.compile(followup.round(roundId), null);
    }

    public String article(CompiledReport report) {
        return compiler.article(report);
    }

    public byte[] pdf(CompiledReport report, String article) {
        return compiler.pdf(article, report.title());
    }

    /** Empties the report cache, so that the next reader compiles the report again. */
    public void forget() {
        compiler.forget();
    }
}
