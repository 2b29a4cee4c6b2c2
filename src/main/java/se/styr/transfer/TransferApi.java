package se.styr.transfer;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProblem;

/**
 * Import och export in the API: upload a workbook (the answer is the job), follow the job until its preview, confirm
 * it, follow it to its end; download the templates and the exports. The same rights, checks and audit as the page.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Import och export", description = "Organisationen, personer med roller och styrkedjan som Excel: mall, export, import med förhandsgranskning")
class TransferApi {

    /** A job as the API shows it; {@code preview} while it waits for a confirmation, {@code problems} when the file was wrong. */
    record JobView(String id, TransferKind kind, String fileName, ImportPhase phase, boolean running, int total, int done,
                   boolean awaitingConfirmation, Preview preview, int rowsImported, int problemCount,
                   List<ImportProblem> problems, List<String> failure) {
    }

    private final Transfer transfer;
    private final Messages messages;

    TransferApi(Transfer transfer, Messages messages) {
        this.transfer = transfer;
        this.messages = messages;
    }

    @PostMapping(value = "/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Kontrollera en fil (organisation, personer eller styrkedja); svaret är jobbet, som slutar i en förhandsgranskning att bekräfta")
    ResponseEntity<?> upload(@Parameter(description = "organisation, personer eller styrkedja") @PathVariable String kind,
                             @Parameter(description = "Excel-filen (.xlsx) enligt mallen") @RequestParam(required = false) MultipartFile file) {
        TransferKind k = TransferKind.ofSlug(kind);
        if (file == null || file.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, messages.text("import.error.noPart"));
        }
        String id = transfer.startCheck(k, se.styr.platform.excel.ExcelHttp.fileName(file), se.styr.platform.excel.ExcelHttp.bytes(file));
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/jobs/" + id)).body(view(id));
    }

    @Hidden
    @PostMapping("/imports/{kind}")
    ResponseEntity<?> notMultipart(@PathVariable String kind) {
        TransferKind.ofSlug(kind);
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.text("import.error.notMultipart"));
    }

    @GetMapping("/imports/jobs/{id}")
    @Operation(summary = "Ett importjobb: fas och förlopp, förhandsgranskningen (nya, ändrade, oförändrade rader per blad) eller felen")
    JobView job(@PathVariable String id) {
        return view(id);
    }

    @PostMapping("/imports/jobs/{id}/confirm")
    @Operation(summary = "Bekräfta en förhandsgranskad import: filen läses in, helt eller inte alls (409 om jobbet inte väntar på bekräftelse)")
    ResponseEntity<?> confirm(@PathVariable String id) {
        view(id);
        if (!transfer.confirm(id)) {
            return problem(HttpStatus.CONFLICT, messages.text("transfer.job.notConfirmable"));
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/jobs/" + id)).body(view(id));
    }

    @GetMapping("/imports/{kind}/template")
    @Operation(summary = "Mallen (.xlsx) med rubrikrad, exempelrader och bladet Instruktioner")
    org.springframework.http.ResponseEntity<byte[]> template(@PathVariable String kind) {
        TransferKind k = TransferKind.ofSlug(kind);
        return se.styr.platform.excel.ExcelHttp.download("Mall " + k.slug + ".xlsx", transfer.template(k));
    }

    @GetMapping("/exports/{kind}")
    @Operation(summary = "Kommunens organisation, personer eller styrkedja (.xlsx) i samma format som importen läser")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable String kind) {
        TransferKind k = TransferKind.ofSlug(kind);
        return se.styr.platform.excel.ExcelHttp.download(k.slug + ".xlsx", transfer.export(k));
    }

    private JobView view(String id) {
        Transfer.Job t = transfer.job(id).orElseThrow(() -> new NotFoundException("Importen", id));
        var j = t.job();
        return new JobView(j.id(), t.kind(), j.fileName(), j.phase(), j.running(), j.total(), j.done(), j.awaitingConfirmation(),
                t.preview(), j.imported(), j.problemCount(), j.shownProblems(), j.failure());
    }

    private ResponseEntity<?> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(messages.text("import.failed.title"));
        p.setType(URI.create("urn:styr:problem:import"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
