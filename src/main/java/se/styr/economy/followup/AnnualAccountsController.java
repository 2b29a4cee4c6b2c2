package se.styr.economy.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * The årsbokslut's economy: the forecast accuracy of every committee and of the municipality as a page, and a
 * committee's annual accounts and the municipality's forecast accuracy in the API.
 */
@Controller
@Tag(name = "Ekonomisk uppföljning")
class AnnualAccountsController {

    /** Committees per page on the overview: every committee of a large municipality fits on one. */
    private static final int COMMITTEES_PER_PAGE = 200;

    private final AnnualAccountsService annual;
    private final EconomicFollowupService followup;

    AnnualAccountsController(AnnualAccountsService annual, EconomicFollowupService followup) {
        this.annual = annual;
        this.followup = followup;
    }

    @GetMapping("/ekonomi/prognossakerhet")
    String page(@RequestParam(name = "ar", required = false) Integer year,
                @RequestParam(name = "sida", required = false) String page, Model model) {
        int y = year != null && year >= 1990 && year <= 2100 ? year
                : followup.latestMonth().map(m -> m[0]).orElse(LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear() - 1);
        model.addAttribute("a", annual.municipality(y, new Paging(Paging.pageNumber(page), COMMITTEES_PER_PAGE)));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(y - 3, y + 1).boxed().toList());
        return "economy/forecast-accuracy";
    }

    @GetMapping("/api/v1/forecast-accuracy")
    @ResponseBody
    @Operation(summary = "Prognossäkerhet: per nämnd de inlämnade helårsprognoserna under året mot årets bokslut "
            + "(avvikelser mot budget för verksamhetens nettokostnader i kronor), och kommunens summa; nämnderna en sida i taget")
    MunicipalForecastAccuracy forecastAccuracy(@RequestParam int year, @ParameterObject Paging paging) {
        Problems.when(year < 1990 || year > 2100, "year", "validering.ar.utanfor", "1990", "2100");
        return annual.municipality(year, paging);
    }

    @GetMapping("/api/v1/committees/{unitId}/annual-accounts/{year}")
    @ResponseBody
    @Operation(summary = "Nämndens årsbokslut för driften (budget, bokslut, avvikelse, föregående års bokslut) och "
            + "prognossäkerheten under året, i kronor")
    AnnualAccounts annualAccounts(@Parameter(description = "Nämndens id") @PathVariable long unitId, @PathVariable int year) {
        Problems.when(year < 1990 || year > 2100, "year", "validering.ar.utanfor", "1990", "2100");
        return annual.committee(unitId, year);
    }
}
