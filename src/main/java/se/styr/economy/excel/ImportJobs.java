package se.styr.economy.excel;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.ValidationException;

/**
 * Imports running in the background, so the page can show how far a large file has come. Two threads; a job runs as
 * the user who uploaded it and only that user can see it. Jobs are kept in memory for an hour after they end: a
 * restart forgets them, and the import itself either was written whole or not at all.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    /** One import: its phase and row count while it runs, then what it did. Read by the page while it runs. */
    static final class Job implements ImportService.Progress {

        static final int SHOWN = 500;

        final String id = UUID.randomUUID().toString();
        final String owner;
        final ImportService.Kind kind;
        final String fileName;
        /** The budget a detail budget was read into, for the link to it; null for outcomes. */
        final Long budgetId;
        private volatile ImportService.Phase phase = ImportService.Phase.VANTAR;
        private volatile int total;
        private final AtomicInteger done = new AtomicInteger();
        private volatile ImportService.Result result;
        private volatile List<String> failure = List.of();
        private volatile Instant ended;

        Job(String owner, ImportService.Kind kind, String fileName, Long budgetId) {
            this.owner = owner;
            this.kind = kind;
            this.fileName = fileName;
            this.budgetId = budgetId;
        }

        /**
         * The job's state at one moment, for a page: read together, so that a job ending meanwhile is never shown
         * both running and ended.
         */
        record Snapshot(String id, String fileName, Long budgetId, ImportService.Phase phase, int total, int done, boolean running,
                        int imported, List<ImportService.Problem> problems, List<ImportService.Problem> shownProblems, List<String> failure) {
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(id, fileName, budgetId, phase, total, getDone(), isRunning(), getImported(), getProblems(),
                    getShownProblems(), failure);
        }

        @Override
        public synchronized void phase(ImportService.Phase phase, int total) {
            this.phase = phase;
            this.total = total;
            done.set(0);
        }

        @Override
        public void rows(int done) {
            this.done.set(done);
        }

        public String getId() {
            return id;
        }

        public ImportService.Kind getKind() {
            return kind;
        }

        public String getFileName() {
            return fileName;
        }

        public Long getBudgetId() {
            return budgetId;
        }

        public ImportService.Phase getPhase() {
            return phase;
        }

        public int getTotal() {
            return total;
        }

        public int getDone() {
            return done.get();
        }

        public boolean isRunning() {
            return ended == null;
        }

        /** Rows read and written, when the import succeeded. */
        public int getImported() {
            return result == null ? 0 : result.rows();
        }

        /** The file's problems, when it had any (nothing was written). */
        public List<ImportService.Problem> getProblems() {
            return result == null ? List.of() : result.problems();
        }

        /** The problems the page lists: the first {@value #SHOWN}. */
        public List<ImportService.Problem> getShownProblems() {
            List<ImportService.Problem> all = getProblems();
            return all.size() > SHOWN ? all.subList(0, SHOWN) : all;
        }

        /** What stopped the import when it was not the file's cells: a conflict, rights, the budget's rules. */
        public List<String> getFailure() {
            return failure;
        }

        private synchronized void end(ImportService.Result result, List<String> failure) {
            this.result = result;
            this.failure = failure;
            this.phase = result != null && result.ok() ? ImportService.Phase.KLAR : ImportService.Phase.AVBRUTEN;
            this.ended = Instant.now();
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "styr-import");
        t.setDaemon(true);
        return t;
    });
    private final Messages messages;

    ImportJobs(Messages messages) {
        this.messages = messages;
    }

    /** Starts the work in the background as the current user; {@code work} reports its progress to the job. */
    Job start(ImportService.Kind kind, String fileName, Long budgetId,
              Function<ImportService.Progress, ImportService.Result> work) {
        forgetOld();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        Job job = new Job(user.getName(), kind, fileName, budgetId);
        jobs.put(job.id, job);
        executor.execute(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(user);
            SecurityContextHolder.setContext(context);
            try {
                job.end(work.apply(job), List.of());
            } catch (ValidationException e) {
                job.end(null, e.problems().stream().map(messages::text).toList());
            } catch (ConflictException e) {
                job.end(null, List.of(messages.text("conflict.message")));
            } catch (AccessDeniedException | NotFoundException e) {
                job.end(null, List.of(e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Importen av {} misslyckades", fileName, e);
                job.end(null, List.of(messages.text("error.500")));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    /** The job, if the current user started it. */
    Optional<Job> find(String id) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return Optional.ofNullable(jobs.get(id)).filter(j -> user != null && j.owner.equals(user.getName()));
    }

    private void forgetOld() {
        Instant limit = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(limit));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
