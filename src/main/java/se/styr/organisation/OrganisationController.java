package se.styr.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Paging;
import se.styr.platform.Problems;
import se.styr.platform.SearchWords;

/**
 * The organisation as a tree that opens on demand: the page shows KF and KS open with the bodies below them closed; a
 * unit's children are fetched when it is opened (htmx swaps the node), and without JavaScript the same button opens the
 * unit's branch as a page of its own. The search finds units by words of their name or the start of their code.
 */
@Controller
class OrganisationController {

    static final int HITS_PER_PAGE = 20;

    private final Organisation organisation;
    private final OrganisationTree tree;
    private final CurrentMunicipality current;
    private final OrganisationAdmin admin;

    OrganisationController(Organisation organisation, OrganisationTree tree, CurrentMunicipality current,
                           OrganisationAdmin admin) {
        this.organisation = organisation;
        this.tree = tree;
        this.current = current;
        this.admin = admin;
    }

    @GetMapping("/organisation")
    String page(Model model) {
        model.addAttribute("nodes", tree.top(current.id()));
        model.addAttribute("periods", organisation.periods(current.id()));
        model.addAttribute("query", "");
        return "organisation/units";
    }

    /**
     * A unit's page: its branch (what the open button does without JavaScript), what can be done with it, and its
     * history (created, renamed, moved, retired), newest first.
     */
    @GetMapping("/organisation/enhet/{id}")
    String branch(@PathVariable long id, Model model) {
        model.addAttribute("node", tree.node(current.id(), id, true));
        model.addAttribute("ancestors", tree.above(id));
        model.addAttribute("editable", admin.unit(id));
        model.addAttribute("history", admin.history(id));
        model.addAttribute("query", "");
        return "organisation/branch";
    }

    /** The unit, open or closed, for htmx to swap in place of the one shown. */
    @GetMapping("/organisation/enhet/{id}/nod")
    String node(@PathVariable long id, @RequestParam(name = "oppen", defaultValue = "true") boolean open, Model model) {
        model.addAttribute("node", tree.node(current.id(), id, open));
        return "organisation/nodes :: item";
    }

    @GetMapping("/organisation/sok")
    String search(@RequestParam(name = "q", required = false) String query,
                  @RequestParam(name = "sida", defaultValue = "1") String page, Model model) {
        Paging paging = new Paging(SearchWords.pageNumber(page), HITS_PER_PAGE);
        model.addAttribute("result", tree.search(current.id(), SearchWords.of(query), paging));
        model.addAttribute("query", query == null ? "" : query.strip());
        return "organisation/search";
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
