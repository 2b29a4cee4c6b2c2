package se.styr.economy.excel;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.styr.platform.Messages;

/**
 * The Excel imports as JSON, run while the request waits: the same checks, rights and audit as the page. A file with
 * problems gives 400 problem+json with every problem in {@code errors} (sheet, row, column, message), and nothing is
 * written.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ekonomi: import från Excel", description = "Nämndernas detaljbudgetar och utfall per månad från Excel-mallen")
class ImportApi {

    /** What a successful import did. */
    record Imported(ImportService.Kind kind, String fileName, int rows) {
    }

    private final ImportService imports;
    private final Messages messages;

    ImportApi(ImportService imports, Messages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(value = "/budgets/{id}/committee-budgets/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Läs in nämnders detaljbudgetar i en budget i utkast (mallen på /ekonomi/import/mall/namndbudget.xlsx)")
    ResponseEntity<?> committeeBudgets(@PathVariable long id,
                                       @Parameter(description = "Excel-filen (.xlsx) med bladet Nämndbudget") @RequestParam(required = false) MultipartFile file,
                                       @Parameter(description = "Budgetens version som lästes; utan den gäller den aktuella")
                                       @RequestParam(required = false) Integer version) {
        if (file == null) {
            return noFile(HttpStatus.BAD_REQUEST, "import.error.noPart");
        }
        return answer(imports.importCommitteeBudgets(id, version, se.styr.platform.excel.ExcelHttp.fileName(file), se.styr.platform.excel.ExcelHttp.bytes(file),
                se.styr.platform.excel.ImportProgress.NONE));
    }

    @PostMapping(value = "/outcomes/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Läs in utfall per enhet, månad och kontogrupp (mallen på /ekonomi/import/mall/utfall.xlsx)")
    ResponseEntity<?> outcomes(@Parameter(description = "Excel-filen (.xlsx) med bladet Utfall") @RequestParam(required = false) MultipartFile file) {
        if (file == null) {
            return noFile(HttpStatus.BAD_REQUEST, "import.error.noPart");
        }
        return answer(imports.importOutcomes(se.styr.platform.excel.ExcelHttp.fileName(file), se.styr.platform.excel.ExcelHttp.bytes(file), se.styr.platform.excel.ImportProgress.NONE));
    }

    private ResponseEntity<?> answer(ImportService.Result result) {
        if (result.ok()) {
            return ResponseEntity.ok(new Imported(result.kind(), result.fileName(), result.rows()));
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, messages.text("import.failed", String.valueOf(result.problems().size())));
        p.setProperty("errors", result.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * The same addresses in anything but multipart/form-data. Without this, Spring refuses such a request before any
     * handler is chosen, so the API's Swedish problem+json never answers it.
     */
    @Hidden
    @PostMapping({"/budgets/{id}/committee-budgets/import", "/outcomes/import"})
    ResponseEntity<?> notMultipart() {
        return noFile(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.error.notMultipart");
    }

    private ResponseEntity<?> noFile(HttpStatus status, String key) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, messages.text(key)));
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(messages.text("import.failed.title"));
        p.setType(URI.create("urn:styr:problem:import"));
        return p;
    }
}
