package se.styr.economy.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import se.styr.economy.AccountGroup;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/** The economic follow-up as JSON, with the same rules, rights and audit as the pages. Amounts in whole kronor. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ekonomisk uppföljning", description = "Nämndernas prognoser per månad: budget, prognos, avvikelse, utfall, investeringar och åtgärdsplan")
class EconomicFollowupApi {

    private final EconomicFollowupService followup;
    private final EconomicFollowupEditing editing;

    EconomicFollowupApi(EconomicFollowupService followup, EconomicFollowupEditing editing) {
        this.followup = followup;
        this.editing = editing;
    }

    @GetMapping("/economic-forecasts")
    @Operation(summary = "Per nämnd den senaste prognosen under året till och med månaden (nettokostnader i kronor), "
            + "nämnderna i organisationens ordning, en sida i taget")
    Paging.Page<CommitteeForecast> forecasts(@RequestParam int year, @RequestParam int month,
                                             @Parameter(description = "Bara den här nämnden") @RequestParam(required = false) Long body,
                                             @ParameterObject Paging paging) {
        Problems.when(month < 1 || month > 12, "month", "ekuppf.error.month");
        return followup.committeeForecasts(year, month, body, paging);
    }

    @GetMapping("/committees/{unitId}/economic-reports/{year}/{month}")
    @Operation(summary = "En nämnds ekonomiska uppföljning för året och månaden")
    EconomicFollowupReport report(@PathVariable long unitId, @PathVariable int year, @PathVariable int month) {
        followup.committee(unitId);
        return followup.report(unitId, year, month).orElseThrow(() -> new NotFoundException("Den ekonomiska uppföljningen",
                unitId + "/" + year + "/" + month));
    }

    record NewReport(@Schema(description = "Typ av uppföljning; förval Månadsuppföljning") EconomicFollowupType type) {
    }

    @PostMapping("/committees/{unitId}/economic-reports/{year}/{month}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa nämndens uppföljning för månaden (utkast, jämförs med föregående rapport under året)")
    EconomicFollowupReport create(@PathVariable long unitId, @PathVariable int year, @PathVariable int month,
                                  @RequestBody(required = false) NewReport body) {
        return editing.create(unitId, year, month,
                body == null || body.type() == null ? EconomicFollowupType.MANADSUPPFOLJNING : body.type());
    }

    @Schema(description = "En kontogrupps prognos för helåret och förklaring, i kronor; kostnader negativa. Utan förklaring lämnas den som den är; en tom förklaring tar bort den.")
    record ForecastRow(AccountGroup group, Long forecast, String explanation) {
    }

    @Schema(description = "Prognosrader att spara; rader som inte skickas lämnas som de är. Med submit lämnas uppföljningen in.")
    record ForecastBody(@Schema(description = "Versionen som lästes") Integer version, List<ForecastRow> rows,
                        String actionPlan, LocalDate actionPlanDecidedOn, String actionPlanReference,
                        @Parameter(description = "Lämna in efter att ha sparat") Boolean submit) {
    }

    @PutMapping("/economic-reports/{id}/forecast")
    @Operation(summary = "Spara prognosrader (och åtgärdsplan); en negativ prognos kan bara lämnas in med en beslutad åtgärdsplan")
    EconomicFollowupReport saveForecast(@PathVariable long id, @RequestBody ForecastBody body) {
        followup.requireMayEditReport(id);
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        ReportInput current = editing.unchanged(id);
        Map<AccountGroup, Long> forecast = new EnumMap<>(AccountGroup.class);
        Map<AccountGroup, String> explanations = new EnumMap<>(AccountGroup.class);
        if (body.rows() != null) {
            Problems.when(body.rows().size() > AccountGroup.values().length, "rows", "validering.rader", AccountGroup.values().length);
            for (ForecastRow row : body.rows()) {
                Problems.when(row == null || row.group() == null, "rows", "validering.val");
                forecast.put(row.group(), row.forecast());
                // Finansnetto has a forecast but no explanation: a row without one leaves the explanation as it is.
                if (row.explanation() != null) {
                    explanations.put(row.group(), row.explanation());
                }
            }
        }
        ReportInput in = new ReportInput(current.type(), current.compareWithId(),
                current.summary(), Map.of(), forecast, Map.of(), explanations, Map.of(),
                body.actionPlan() != null ? body.actionPlan() : current.actionPlan(),
                body.actionPlanDecidedOn() != null ? body.actionPlanDecidedOn() : current.actionPlanDecidedOn(),
                body.actionPlanReference() != null ? body.actionPlanReference() : current.actionPlanReference());
        return editing.save(id, body.version(), in, Boolean.TRUE.equals(body.submit()));
    }

    record Version(Integer version) {
    }

    @PostMapping("/economic-reports/{id}/reopen")
    @Operation(summary = "Öppna en inlämnad uppföljning igen")
    EconomicFollowupReport reopen(@PathVariable long id, @RequestBody Version body) {
        followup.requireMayEditReport(id);
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        return editing.reopen(id, body.version());
    }
}
