package se.styr.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    private final ReportCompiler compiler;
    private final FollowupRepository repository;
    private final Organisation organisation;
    private final Access access;

    FollowupApi(FollowupService followup, ReportCompiler compiler, FollowupRepository repository, Organisation organisation,
                Access access) {
        this.followup = followup;
        this.compiler = compiler;
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
    }

    @GetMapping("/rounds")
    @Operation(summary = "Kommunens uppföljningar med framdrift, nyast först, en sida i taget")
    Paging.Page<FollowupViews.RoundSummary> rounds(
            @Parameter(description = "Organet (nämnden) som uppföljningen gäller") @RequestParam(required = false) Long body,
            @Parameter(description = "Typ av uppföljning") @RequestParam(required = false) RoundType type,
            @Parameter(description = "Planperiodens id") @RequestParam(required = false) Long period,
            @Parameter(description = "År (uppföljningens per-datum)") @RequestParam(required = false) Integer year,
            @ParameterObject Paging paging) {
        long municipalityId = access.municipalityId();
        Problems.when(year != null && (year < 1990 || year > 2100), "year", "validering.ar.utanfor", "1990", "2100");
        long total = repository.countRounds(municipalityId, body, type, period, year);
        List<Round> rounds = total == 0 ? List.of() : repository.roundsPage(municipalityId, body, type, period, year, paging);
        Map<Long, List<FollowupRepository.TaskCount>> counts = repository.taskCounts(rounds.stream().map(Round::id).toList())
                .stream().collect(Collectors.groupingBy(FollowupRepository.TaskCount::roundId));
        Map<Long, OrgUnit> units = rounds.isEmpty() ? Map.of() : organisation.units(municipalityId).stream()
                .collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        LocalDate today = followup.today();
        return paging.of(total, rounds.stream().map(r -> new FollowupViews.RoundSummary(r, units.get(r.bodyUnitId()),
                units.get(r.adminUnitId()), progress(r, counts.getOrDefault(r.id(), List.of()), today))).toList());
    }

    /** A round's progress from its counted tasks, by the same rule as {@code FollowupService.taskView}. */
    private static FollowupViews.Progress progress(Round round, List<FollowupRepository.TaskCount> counts, LocalDate today) {
        Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
        int total = 0;
        int overdue = 0;
        for (FollowupRepository.TaskCount c : counts) {
            byState.merge(c.state(), c.count(), Integer::sum);
            total += c.count();
            LocalDate due = round.deadlineFor(c.level());
            if (!round.isDecided() && !c.state().isDone() && due != null && today.isAfter(due)) {
                overdue += c.count();
            }
        }
        return new FollowupViews.Progress(total, byState, overdue);
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
        return followup.overview(id);
    }

    @GetMapping("/rounds/{id}/report")
    @Operation(summary = "Nämndens sammanställda rapport (aktuellt utkast)")
    CompiledReport report(@PathVariable long id) {
        return compiler.compile(followup.round(id), null);
    }

    @GetMapping("/rounds/{id}/versions")
    @Operation(summary = "Rapportens beslutade versioner")
    List<ReportVersion> versions(@PathVariable long id) {
        return followup.versions(id);
    }

    @GetMapping("/rounds/{id}/figures/{figureId}/outcomes")
    @Operation(summary = "Ett nyckeltals utfall per avdelning och enhet, med signal och trend")
    FollowupViews.OutcomesPage outcomes(@PathVariable long id, @PathVariable long figureId) {
        return followup.outcomes(id, figureId);
    }

    @PutMapping("/rounds/{id}/figures/{figureId}/outcomes")
    @Operation(summary = "För in utfall per enhet; ändrad signal eller trend kräver motivering")
    FollowupViews.OutcomesPage saveOutcomes(@PathVariable long id, @PathVariable long figureId,
                                            @RequestBody List<FollowupService.OutcomeInput> rows) {
        followup.saveOutcomes(id, figureId, rows);
        return followup.outcomes(id, figureId);
    }

    @GetMapping("/rounds/{id}/units/{unitId}/objects/{objectId}")
    @Operation(summary = "Ett objekt för en enhet: rapportering, nyckeltal, instruktioner och underlag från enheterna under")
    FollowupViews.ObjectPage object(@PathVariable long id, @PathVariable long unitId, @PathVariable long objectId) {
        return followup.objectPage(id, unitId, objectId);
    }

    record ReportBody(Integer version, String analysis, String assessment, String result, String action,
                      AssignmentStatus status, String forecast) {
    }

    @PutMapping("/rounds/{id}/units/{unitId}/objects/{objectId}/report")
    @Operation(summary = "Spara enhetens rapportering på objektet (version = den som lästes, 0 för en ny)")
    Report saveReport(@PathVariable long id, @PathVariable long unitId, @PathVariable long objectId,
                      @RequestBody ReportBody body) {
        Problems.when(body.version() == null, "version", "validering.version");
        return followup.saveReport(id, unitId, objectId, new FollowupService.ReportInput(body.analysis(), body.assessment(),
                body.result(), body.action(), body.status(), body.forecast()), body.version());
    }

    @GetMapping("/tasks/mine")
    @Operation(summary = "Startsidan: mina uppgifter, att attestera och det som behöver uppmärksammas")
    FollowupViews.StartPage mine() {
        return followup.start();
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "En uppgift med sina objekt och enheterna under")
    FollowupViews.TaskPage task(@PathVariable long taskId) {
        return followup.task(taskId);
    }

    record Transition(Integer version, String comment) {
    }

    @PostMapping("/tasks/{taskId}/done")
    @Operation(summary = "Klarmarkera uppgiften")
    Task markDone(@PathVariable long taskId, @RequestBody Transition body) {
        return followup.markDone(taskId, version(body));
    }

    @PostMapping("/tasks/{taskId}/approve")
    @Operation(summary = "Godkänn (attestera) en klarmarkerad uppgift")
    Task approve(@PathVariable long taskId, @RequestBody Transition body) {
        return followup.approve(taskId, version(body));
    }

    @PostMapping("/tasks/{taskId}/send-back")
    @Operation(summary = "Skicka tillbaka en klarmarkerad eller godkänd uppgift med en kommentar")
    Task sendBack(@PathVariable long taskId, @RequestBody Transition body) {
        return followup.sendBack(taskId, version(body), body.comment());
    }

    private static int version(Transition body) {
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        return body.version();
    }
}
