package se.styr.platform.excel;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.ValidationException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports running in the background, so the page can show how far a large file has come. Two threads per instance;
 * a job runs as the user who uploaded it and only that user can see it. Jobs are rows of {@code import_job}, so a job
 * started on one instance is followed on any other and survives a restart. The instance running a job writes its
 * progress and a heartbeat every second from a thread of its own (never from the import's thread, whose writes are in
 * the import's transaction); a job whose heartbeat has stopped is shown as interrupted. The import itself is written
 * whole or not at all.
 *
 * <p>A job may end in a preview ({@link ImportPhase#GRANSKAS}) instead of a write: the file is kept with the job until
 * the user confirms ({@link #confirm}) or the preview expires after {@link #PREVIEW_KEPT}.
 */
@Component
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** Ended jobs are kept this long, then the scheduled clean-up forgets them. */
    static final Duration KEPT = Duration.ofDays(7);
    /** A preview not confirmed within this time expires and its file is forgotten. */
    public static final Duration PREVIEW_KEPT = Duration.ofHours(24);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** A running job whose instance has not beaten for this long has stopped with its instance. */
    static final Duration DEAD_AFTER = Duration.ofSeconds(30);
    /** The problems the page lists, and all that is kept of a file's problems besides their number. */
    public static final int SHOWN = 500;

    /**
     * One import as the page shows it, read in one piece so it is never both running and ended. {@code preview} is the
     * JSON of what a confirmation would do (see {@link #preview(Job, Class)}), null unless the phase is GRANSKAS.
     */
    public record Job(String id, String kind, String fileName, Long budgetId, ImportPhase phase, int total, int done,
                      boolean running, int imported, int problemCount, List<ImportProblem> shownProblems,
                      List<String> failure, String preview) {

        public boolean awaitingConfirmation() {
            return phase == ImportPhase.GRANSKAS;
        }
    }

    /** A job running on this instance: its progress in memory until the heartbeat writes it. */
    private static final class Live implements ImportProgress {

        private final String id;
        private volatile ImportPhase phase = ImportPhase.VANTAR;
        private volatile int total;
        private final AtomicInteger done = new AtomicInteger();

        Live(String id) {
            this.id = id;
        }

        @Override
        public synchronized void phase(ImportPhase phase, int total) {
            this.phase = phase;
            this.total = total;
            done.set(0);
        }

        @Override
        public void rows(int done) {
            this.done.set(done);
        }
    }

    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, daemon("styr-import"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("styr-import-heartbeat"));
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Messages messages;

    ImportJobs(JdbcClient jdbc, JsonMapper json, Messages messages) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the work in the background as the current user of {@code municipalityId}; {@code work} reports its
     * progress to the job. {@code kind} names the import for the module that owns it. Returns the job's id.
     */
    public String start(long municipalityId, String kind, String fileName, Long budgetId,
                        Function<ImportProgress, ? extends ImportOutcome> work) {
        return start(municipalityId, kind, fileName, budgetId, null, work);
    }

    /**
     * As {@link #start(long, String, String, Long, Function)}, keeping {@code file} with the job: when the work ends
     * in a preview, {@link #confirm} hands the same file to the confirming work, on whichever instance.
     */
    public String start(long municipalityId, String kind, String fileName, Long budgetId, byte[] file,
                        Function<ImportProgress, ? extends ImportOutcome> work) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        Live job = new Live(UUID.randomUUID().toString());
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into import_job (id, municipality_id, owner, kind, file_name, budget_id, phase, total, done, imported,
                                                problem_count, instance_id, started_at, heartbeat_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?)""")
                .params(job.id, municipalityId, user.getName(), kind, fileName, budgetId, job.phase.name(),
                        instance, now, now, file)
                .update();
        run(job, user, fileName, work);
        return job.id;
    }

    /**
     * Runs the confirming work of a previewed job with the file kept with it; false when the job is not the current
     * user's, or no longer waits for a confirmation (already confirmed, expired). The job's page then follows the
     * write as it followed the check.
     */
    public boolean confirm(long municipalityId, String id, BiFunction<byte[], ImportProgress, ? extends ImportOutcome> work) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            return false;
        }
        OffsetDateTime now = now();
        // Only one confirmation wins: the phase changes from GRANSKAS in the same statement that checks it.
        int claimed = jdbc.sql("""
                        update import_job set phase = ?, total = 0, done = 0, instance_id = ?, heartbeat_at = ?, ended_at = null, preview = null
                        where id = ? and owner = ? and municipality_id = ? and phase = ? and payload is not null""")
                .params(ImportPhase.VANTAR.name(), instance, now, id, user.getName(), municipalityId, ImportPhase.GRANSKAS.name())
                .update();
        if (claimed == 0) {
            return false;
        }
        byte[] file = jdbc.sql("select payload from import_job where id = ?").param(id).query(byte[].class).single();
        String fileName = jdbc.sql("select file_name from import_job where id = ?").param(id).query(String.class).single();
        Live job = new Live(id);
        run(job, user, fileName, progress -> work.apply(file, progress));
        return true;
    }

    private void run(Live job, Authentication user, String fileName, Function<ImportProgress, ? extends ImportOutcome> work) {
        live.put(job.id, job);
        executor.execute(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(user);
            SecurityContextHolder.setContext(context);
            try {
                end(job, work.apply(job), List.of());
            } catch (ValidationException e) {
                end(job, null, e.problems().stream().map(messages::text).toList());
            } catch (ConflictException e) {
                end(job, null, List.of(messages.text("conflict.message")));
            } catch (AccessDeniedException | NotFoundException e) {
                end(job, null, List.of(e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Importen av {} misslyckades", fileName, e);
                end(job, null, List.of(messages.text("error.500")));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private void end(Live job, ImportOutcome result, List<String> failure) {
        live.remove(job.id);
        List<ImportProblem> problems = result == null ? List.of() : result.problems();
        boolean ok = result != null && result.ok();
        boolean preview = ok && result.preview() != null;
        ImportPhase phase = preview ? ImportPhase.GRANSKAS : ok ? ImportPhase.KLAR : ImportPhase.AVBRUTEN;
        // The file is kept only while a preview waits for its confirmation.
        jdbc.sql("""
                        update import_job set phase = ?, total = ?, done = ?, imported = ?, problem_count = ?, problems = ?, failure = ?,
                                              preview = ?, heartbeat_at = ?, ended_at = ?""" + (preview ? "" : ", payload = null") + " where id = ?")
                .params(phase.name(), job.total, job.done.get(), ok ? result.rows() : 0, problems.size(),
                        json.writeValueAsString(problems.size() > SHOWN ? problems.subList(0, SHOWN) : problems),
                        json.writeValueAsString(failure), preview ? json.writeValueAsString(result.preview()) : null,
                        now(), now(), job.id)
                .update();
    }

    /** Writes the progress of this instance's running jobs, which is also their heartbeat. */
    private void beat() {
        try {
            OffsetDateTime now = now();
            for (Live job : live.values()) {
                jdbc.sql("update import_job set phase = ?, total = ?, done = ?, heartbeat_at = ? where id = ? and ended_at is null")
                        .params(job.phase.name(), job.total, job.done.get(), now, job.id).update();
            }
        } catch (RuntimeException e) {
            log.warn("Importjobbens puls kunde inte skrivas: {}", e.getMessage());
        }
    }

    /** The job, if the current user started it in {@code municipalityId}. */
    public Optional<Job> find(long municipalityId, String id) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            return Optional.empty();
        }
        OffsetDateTime deadBefore = now().minus(DEAD_AFTER);
        return jdbc.sql("""
                        select id, file_name, budget_id, phase, total, done, imported, problem_count, problems, failure,
                               ended_at, heartbeat_at, kind, preview
                        from import_job where id = ? and owner = ? and municipality_id = ?""")
                .params(id, user.getName(), municipalityId)
                .query((rs, n) -> job(rs, deadBefore)).optional();
    }

    /** The job's preview read as the type its module wrote. */
    public <T> T preview(Job job, Class<T> type) {
        return job.preview() == null ? null : json.readValue(job.preview(), type);
    }

    private Job job(ResultSet rs, OffsetDateTime deadBefore) throws SQLException {
        boolean running = rs.getObject(11, OffsetDateTime.class) == null;
        boolean interrupted = running && rs.getObject(12, OffsetDateTime.class).isBefore(deadBefore);
        String failure = rs.getString(10);
        return new Job(rs.getString(1), rs.getString(13), rs.getString(2), rs.getObject(3, Long.class),
                interrupted ? ImportPhase.AVBRUTEN : ImportPhase.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), running && !interrupted, rs.getInt(7), rs.getInt(8),
                rs.getString(9) == null ? List.of() : json.readValue(rs.getString(9), PROBLEMS),
                interrupted ? List.of(messages.text("import.job.interrupted"))
                        : failure == null ? List.of() : json.readValue(failure, TEXTS),
                rs.getString(14));
    }

    /**
     * Records as interrupted the jobs whose instance stopped without ending them, lets previews expire, and forgets
     * ended jobs after {@link #KEPT}. On one instance at a time.
     */
    @Scheduled(fixedDelay = 10, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "import-jobs-cleanup", lockAtMostFor = "PT5M")
    void cleanUp() {
        OffsetDateTime now = now();
        jdbc.sql("update import_job set phase = ?, failure = ?, ended_at = ? where ended_at is null and heartbeat_at < ?")
                .params(ImportPhase.AVBRUTEN.name(), json.writeValueAsString(List.of(messages.text("import.job.interrupted"))),
                        now, now.minus(DEAD_AFTER))
                .update();
        jdbc.sql("update import_job set phase = ?, failure = ?, payload = null, preview = null where phase = ? and ended_at < ?")
                .params(ImportPhase.AVBRUTEN.name(), json.writeValueAsString(List.of(messages.text("import.job.expired"))),
                        ImportPhase.GRANSKAS.name(), now.minus(PREVIEW_KEPT))
                .update();
        jdbc.sql("delete from import_job where ended_at < ?").param(now.minus(KEPT)).update();
    }
    /** A stopping instance ends its jobs' heartbeats; what had not ended is shown as interrupted at once. */
    @PreDestroy
    void stop() throws InterruptedException {
        heartbeat.shutdownNow();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try {
            jdbc.sql("update import_job set phase = ?, failure = ?, ended_at = ? where instance_id = ? and ended_at is null")
                    .params(ImportPhase.AVBRUTEN.name(), json.writeValueAsString(List.of(messages.text("import.job.interrupted"))),
                            now(), instance)
                    .update();
        } catch (RuntimeException e) {
            log.warn("Avbrutna importjobb kunde inte markeras: {}", e.getMessage());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
