package se.styr.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.accounts.Access;
import se.styr.goals.AssignmentStatus;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** Follow-up rounds as JSON, with the same rules, rights and audit as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Uppföljning", description = "Uppföljningar, uppgifter, rapportering, utfall och nämndens rapport")
class FollowupApi {

    private final FollowupService followup;
    private final RoundPages pages;
    private final WorkPages work;
    private final Reporting reporting;
    private final TaskWorkflow workflow;
    private final ReportCompiler compiler;
    private final AnnualReviews annualReviews;

    FollowupApi(FollowupService followup, RoundPages pages, WorkPages work, Reporting reporting, TaskWorkflow workflow,
                ReportCompiler compiler, AnnualReviews annualReviews) {
        this.followup = followup;
        this.pages = pages;
        this.work = work;
        this.reporting = reporting;
        this.workflow = workflow;
        this.compiler = compiler;
        this.annualReviews = annualReviews;
    }

    @GetMapping("/rounds")
    @Operation(summary = "Kommunens uppföljningar med framdrift, nyast först, en sida i taget")
    Paging.Page<FollowupViews.RoundSummary> rounds(
            @Parameter(description = "Organet (nämnden) som uppföljningen gäller") @RequestParam(required = false) Long body,
            @Parameter(description = "Typ av uppföljning") @RequestParam(required = false) RoundType type,
            @Parameter(description = "Planperiodens id") @RequestParam(required = false) Long period,
            @Parameter(description = "År (uppföljningens per-datum)") @RequestParam(required = false) Integer year,
            @ParameterObject Paging paging) {
        Problems.when(year != null && (year < 1990 || year > 2100), "year", "validering.ar.utanfor", "1990", "2100");
        return work.rounds(RoundFilter.of(body, type, period, year), paging);
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Öppna en uppföljning: objekten delas ut och uppgifterna skapas")
    Round open(@RequestBody FollowupService.OpenRound in) {
        return followup.open(in);
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "En uppföljning: framdrift per avdelning och enhet, objekt och delning, beslutade versioner")
    FollowupViews.Overview round(@PathVariable long id) {
        return pages.overview(id);
    }

    @GetMapping("/rounds/{id}/report")
    @Operation(summary = "Nämndens sammanställda rapport (aktuellt utkast)")
    CompiledReport report(@PathVariable long id) {
        return compiler.draft(id).report();
    }

    @GetMapping("/rounds/{id}/versions")
    @Operation(summary = "Rapportens beslutade versioner")
    List<ReportVersion> versions(@PathVariable long id) {
        return followup.versions(id);
    }

    @Schema(description = "Nämndens beslut om rapporten. Är inte alla uppgifter godkända måste confirmUnapproved vara true; "
            + "antalet ej godkända uppgifter sparas med versionen och i loggen.")
    record DecisionBody(@Schema(description = "Uppföljningens version som lästes") Integer version, LocalDate decidedOn,
                        @Schema(description = "Beslutet, till exempel \"VON § 80, 2022-09-27\"") String decisionRef,
                        @Schema(description = "Vad som rättats sedan föregående version (krävs från version 2)") String note,
                        @Schema(description = "Besluta trots att uppgifter inte är godkända") Boolean confirmUnapproved) {
    }

    @PostMapping("/rounds/{id}/decision")
    @Operation(summary = "Registrera nämndens beslut: uppföljningen låses och versionen sparas som den beslutades; "
            + "med ej godkända uppgifter krävs confirmUnapproved")
    Round decide(@PathVariable long id, @RequestBody DecisionBody body) {
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        FollowupService.Decision decision = new FollowupService.Decision(body.decidedOn(), body.decisionRef(), body.note(),
                Boolean.TRUE.equals(body.confirmUnapproved()));
        return followup.decide(id, body.version(), decision, decided -> compiler.decidedArticle(decided, decision));
    }

    @GetMapping("/rounds/{id}/annual-review")
    @Operation(summary = "Årsbokslutets frågor: har internkontrollplanen följts, har aktiviteterna genomförts, "
            + "kommentar om prognossäkerheten (version 0: inget sparat ännu)")
    AnnualReview annualReview(@PathVariable long id) {
        return annualReviews.review(id);
    }

    record AnnualReviewBody(@Schema(description = "Versionen som lästes, 0 för en ny") Integer version,
                            Boolean controlPlanFollowed, String controlPlanComment, Boolean activitiesFollowed,
                            String activitiesComment, String forecastComment) {
    }

    @PutMapping("/rounds/{id}/annual-review")
    @Operation(summary = "Spara årsbokslutets frågor; en plan som inte följts kräver en kommentar om varför")
    AnnualReview saveAnnualReview(@PathVariable long id, @RequestBody AnnualReviewBody body) {
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        return annualReviews.save(id, new AnnualReviews.Input(body.controlPlanFollowed(), body.controlPlanComment(),
                body.activitiesFollowed(), body.activitiesComment(), body.forecastComment()), body.version());
    }

    @GetMapping("/rounds/{id}/figures/{figureId}/outcomes")
    @Operation(summary = "Ett nyckeltals utfall per avdelning och enhet, med signal och trend")
    FollowupViews.OutcomesPage outcomes(@PathVariable long id, @PathVariable long figureId) {
        return pages.outcomes(id, figureId);
    }

    @PutMapping("/rounds/{id}/figures/{figureId}/outcomes")
    @Operation(summary = "För in utfall per enhet; ändrad signal eller trend kräver motivering")
    FollowupViews.OutcomesPage saveOutcomes(@PathVariable long id, @PathVariable long figureId,
                                            @RequestBody List<Reporting.OutcomeInput> rows) {
        reporting.saveOutcomes(id, figureId, rows);
        return pages.outcomes(id, figureId);
    }

    @GetMapping("/rounds/{id}/units/{unitId}/objects/{objectId}")
    @Operation(summary = "Ett objekt för en enhet: rapportering, nyckeltal, instruktioner och underlag från enheterna under")
    FollowupViews.ObjectPage object(@PathVariable long id, @PathVariable long unitId, @PathVariable long objectId) {
        return pages.objectPage(id, unitId, objectId);
    }

    record ReportBody(Integer version, String analysis, String assessment, String result, String action,
                      AssignmentStatus status, String forecast) {
    }

    @PutMapping("/rounds/{id}/units/{unitId}/objects/{objectId}/report")
    @Operation(summary = "Spara enhetens rapportering på objektet (version = den som lästes, 0 för en ny)")
    Report saveReport(@PathVariable long id, @PathVariable long unitId, @PathVariable long objectId,
                      @RequestBody ReportBody body) {
        Problems.when(body.version() == null, "version", "validering.version");
        return reporting.saveReport(id, unitId, objectId, new Reporting.ReportInput(body.analysis(), body.assessment(),
                body.result(), body.action(), body.status(), body.forecast()), body.version());
    }

    @GetMapping("/tasks/mine")
    @Operation(summary = "Mina uppgifter i öppna uppföljningar (att rapportera, eller med approve=true att attestera), "
            + "nyaste uppföljningen först, en sida i taget")
    Paging.Page<FollowupViews.TaskView> mine(
            @Parameter(description = "true: enheternas under mina klarmarkerade uppgifter som väntar på min attest")
            @RequestParam(defaultValue = "false") boolean approve,
            @Parameter(description = "Bara uppgifterna i den här uppföljningen") @RequestParam(required = false) Long round,
            @Parameter(description = "Uppgiftens status") @RequestParam(required = false) TaskState state,
            @ParameterObject Paging paging) {
        return work.myTasks(approve, round, state, paging);
    }

    @GetMapping("/start")
    @Operation(summary = "Startsidan: mina uppgifter, att attestera, som vikarie och det som behöver uppmärksammas "
            + "(det startsidan visar; förr /tasks/mine)")
    FollowupViews.StartPage start() {
        return work.start();
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "En uppgift med sina objekt och enheterna under")
    FollowupViews.TaskPage task(@PathVariable long taskId) {
        return pages.task(taskId);
    }

    record Transition(Integer version, String comment) {
    }

    @PostMapping("/tasks/{taskId}/done")
    @Operation(summary = "Klarmarkera uppgiften")
    Task markDone(@PathVariable long taskId, @RequestBody Transition body) {
        return workflow.markDone(taskId, version(body));
    }

    @PostMapping("/tasks/{taskId}/approve")
    @Operation(summary = "Godkänn (attestera) en klarmarkerad uppgift")
    Task approve(@PathVariable long taskId, @RequestBody Transition body) {
        return workflow.approve(taskId, version(body));
    }

    @PostMapping("/tasks/{taskId}/send-back")
    @Operation(summary = "Skicka tillbaka en klarmarkerad eller godkänd uppgift med en kommentar")
    Task sendBack(@PathVariable long taskId, @RequestBody Transition body) {
        return workflow.sendBack(taskId, version(body), body.comment());
    }

    private static int version(Transition body) {
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        return body.version();
    }
}
