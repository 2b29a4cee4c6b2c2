package se.styr.followup.arshjul;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import se.styr.followup.Round;
import se.styr.platform.Problems;

/** The year's calendar as JSON, with the same rules, rights and audit as the page. */
@RestController
@RequestMapping("/api/v1/arshjul")
@Tag(name = "Årshjul", description = "Årets uppföljningar som mall med datum relativt året, och årets uppföljningar skapade ur den")
class ArshjulApi {

    private final Arshjul arshjul;

    ArshjulApi(Arshjul arshjul) {
        this.arshjul = arshjul;
    }

    record SaveBody(Integer version, List<CalendarRound> rounds) {
    }

    record CreateBody(Long bodyUnitId) {
    }

    @GetMapping
    @Operation(summary = "Mallen (version 0 och saved false: förslaget, inte sparat ännu)")
    Arshjul.Template template() {
        return arshjul.template();
    }

    @PutMapping
    @Operation(summary = "Spara mallen (administratörer och controllers för hela kommunen; version = den som lästes, 0 första gången)",
            description = "Datum anges som {yearOffset, month, day}: yearOffset 0 är uppföljningens år, 1 året efter. asOf har alltid yearOffset 0.")
    Arshjul.Template save(@RequestBody SaveBody body) {
        Problems.when(body == null || body.version() == null, "version", "validering.version");
        return arshjul.save(body.version(), body.rounds());
    }

    @GetMapping("/{year}")
    @Operation(summary = "Förhandsvisa årets uppföljningar: vilka, med vilka datum, och vilka som redan finns (inget sparas)")
    Arshjul.Plan preview(@PathVariable int year,
                         @Parameter(description = "En nämnd (utan: alla nämnder inom behörigheten)") @RequestParam(required = false) Long bodyUnitId) {
        return arshjul.preview(year, bodyUnitId);
    }

    @PostMapping("/{year}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa årets uppföljningar ur mallen; de som redan finns skapas inte igen")
    List<Round> create(@PathVariable int year, @RequestBody(required = false) CreateBody body) {
        return arshjul.create(year, body == null ? null : body.bodyUnitId());
    }
}
