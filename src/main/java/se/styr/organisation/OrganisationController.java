package se.styr.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

@Controller
class OrganisationController {

    private final Organisation organisation;
    private final CurrentMunicipality current;

    OrganisationController(Organisation organisation, CurrentMunicipality current) {
        this.organisation = organisation;
        this.current = current;
    }

    @GetMapping("/organisation")
    String page(Model model) {
        model.addAttribute("units", organisation.units(current.id()));
        model.addAttribute("depths", organisation.depths(current.id()));
        model.addAttribute("periods", organisation.periods(current.id()));
        return "organisation/units";
    }

    @RestController
    @Tag(name = "Organisation")
    static class Api {

        private final Organisation organisation;
        private final CurrentMunicipality current;

        Api(Organisation organisation, CurrentMunicipality current) {
            this.organisation = organisation;
            this.current = current;
        }

        @GetMapping("/api/v1/units")
        @Operation(summary = "Kommunens organisation: organ, förvaltningar, avdelningar och enheter, i id-ordning, en sida i taget")
        Paging.Page<OrgUnit> units(@Parameter(description = "Typ av enhet") @RequestParam(required = false) OrgUnitType type,
                                   @Parameter(description = "Överordnad enhet: bara enheterna direkt under den")
                                   @RequestParam(name = "parent", required = false) Long parentId,
                                   @ParameterObject Paging paging) {
            return organisation.units(current.id(), type, parentId, paging);
        }

        @GetMapping("/api/v1/periods")
        @Operation(summary = "Planperioder, nyaste först (de illustrativa sist), en sida i taget")
        Paging.Page<PlanPeriod> periods(
                @Parameter(description = "Bara perioder som omfattar året") @RequestParam(required = false) Integer year,
                @Parameter(description = "Bara illustrativa (true) eller bara riktiga (false) perioder")
                @RequestParam(required = false) Boolean illustrative,
                @ParameterObject Paging paging) {
            Problems.when(year != null && (year < 1990 || year > 2100), "year", "validering.ar.utanfor", "1990", "2100");
            return organisation.periods(current.id(), year, illustrative, paging);
        }
    }
}
