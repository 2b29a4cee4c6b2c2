package se.styr.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.styr.audit.AuditSource;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportJobs;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProgress;

/**
 * Import och export of the organisation, the people and the goal chain. {@link #check} reads a file and says what it
 * would change without writing; {@link #importFile} writes it, whole or not at all. Both run every row through the
 * owning module's service inside one transaction (a check rolls it back), so the services' rules, rights and audit
 * apply as for a hand edit; the audit entries say that they come from an import of the named file.
 */
@Service
public class Transfer {

    private final TransferContext context;
    private final ChainImport chainImport;
    private final ChainExport chainExport;
    private final PeopleTransfer people;
    private final OrganisationTransfer organisation;
    private final ImportJobs jobs;

    Transfer(TransferContext context, ChainImport chainImport, ChainExport chainExport, PeopleTransfer people,
             OrganisationTransfer organisation, ImportJobs jobs) {
        this.context = context;
        this.chainImport = chainImport;
        this.chainExport = chainExport;
        this.people = people;
        this.organisation = organisation;
        this.jobs = jobs;
    }

    /** Whether the current person may import and export this kind (rows of the goal chain are checked within scope). */
    public boolean may(TransferKind kind) {
        return context.may(kind);
    }

    /** Refuses (403 with the kind's Swedish message) a person who may not import or export this kind. */
    public void require(TransferKind kind) {
        context.require(kind);
    }

    /** What importing the file would do, without writing anything. */
    public TransferResult check(TransferKind kind, String fileName, byte[] file, ImportProgress progress) {
        return run(kind, fileName, file, false, null, progress);
    }

    /**
     * Imports the file, whole or not at all. {@code confirmed} is the preview the user confirmed, or null; when the data
     * have changed since, so that the import would do something else, nothing is written and the result says so.
     */
    public TransferResult importFile(TransferKind kind, String fileName, byte[] file, Preview confirmed, ImportProgress progress) {
        return run(kind, fileName, file, true, confirmed, progress);
    }

    public byte[] export(TransferKind kind) {
        context.require(kind);
        return switch (kind) {
            case STYRKEDJA -> chainExport.export();
            case PERSONER -> people.export();
            case ORGANISATION -> organisation.export();
        };
    }

    public byte[] template(TransferKind kind) {
        return switch (kind) {
            case STYRKEDJA -> chainExport.template();
            case PERSONER -> people.template();
            case ORGANISATION -> organisation.template();
        };
    }

    /** Starts checking the file in the background; the job ends in a preview to confirm, or in the file's problems. */
    public String startCheck(TransferKind kind, String fileName, byte[] file) {
        context.require(kind);
        return jobs.start(context.municipalityId(), kind.jobKind(), fileName, null, file,
                progress -> check(kind, fileName, file, progress));
    }

    /** Confirms a previewed job: the same file is imported in the background. False when there is nothing to confirm. */
    public boolean confirm(String jobId) {
        Job job = job(jobId).orElse(null);
        if (job == null || !job.job().awaitingConfirmation()) {
            return false;
        }
        context.require(job.kind());
        Preview preview = job.preview();
        String fileName = job.job().fileName();
        return jobs.confirm(context.municipalityId(), jobId, (file, progress) -> importFile(job.kind(), fileName, file, preview, progress));
    }

    /** A transfer job with its kind and preview. */
    public record Job(ImportJobs.Job job, TransferKind kind, Preview preview) {
    }

    public Optional<Job> job(String id) {
        return jobs.find(context.municipalityId(), id).filter(j -> j.kind().startsWith("TRANSFER_"))
                .map(j -> new Job(j, TransferKind.valueOf(j.kind().substring("TRANSFER_".length())), jobs.preview(j, Preview.class)));
    }

    private TransferResult run(TransferKind kind, String fileName, byte[] file, boolean write, Preview confirmed,
                               ImportProgress progress) {
        context.require(kind);
        List<String> sheets = switch (kind) {
            case STYRKEDJA -> ChainSheet.titles();
            case PERSONER -> List.of(PeopleTransfer.PEOPLE, PeopleTransfer.ROLES);
            case ORGANISATION -> List.of(OrganisationTransfer.SHEET);
        };
        ImportRun run = context.run(sheets);
        progress.phase(ImportPhase.LASER, 0);
        try (ExcelFile workbook = run.open(file)) {
            if (workbook != null) {
                AuditSource.during(context.text("transfer.audit", fileName), () -> context.transaction().execute(status -> {
                    switch (kind) {
                        case STYRKEDJA -> chainImport.read(workbook, run, write, progress);
                        case PERSONER -> people.read(workbook, run, write, progress);
                        case ORGANISATION -> organisation.read(workbook, run, write, progress);
                    }
                    if (write && !run.hasProblems() && confirmed != null && !sameCounts(confirmed, run.preview())) {
                        run.fileProblem("transfer.error.changedSincePreview");
                    }
                    if (!write || run.hasProblems()) {
                        status.setRollbackOnly();
                    }
                    return null;
                }));
            }
        }
        List<String> order = new ArrayList<>(sheets);
        return new TransferResult(kind, fileName, write && !run.hasProblems(), run.rows(), run.sorted(order),
                run.hasProblems() ? null : run.preview());
    }

    private static boolean sameCounts(Preview a, Preview b) {
        return a.sheets().equals(b.sheets());
    }
}
