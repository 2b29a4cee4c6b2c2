package se.styr.proposals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Paging;

/**
 * The proposals a signed-in user may see (published versions, and their own party group's drafts), computed, and
 * compared with the majority's budget, as JSON.
 */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "Budgetförslag (inloggad)", description = "Budgetförslag som användaren får se, beräknade och jämförda med grundbudgeten")
class ProposalReadApi {

    /** One line of the list: a version with its state and base budget. */
    record Item(long id, long proposalId, String party, String title, int versionNo, ProposalState state, long budgetId,
                String href) {
    }

    private final ProposalService proposals;
    private final ProposalComparisons comparisons;

    ProposalReadApi(ProposalService proposals, ProposalComparisons comparisons) {
        this.proposals = proposals;
        this.comparisons = comparisons;
    }

    @GetMapping
    @Operation(summary = "Budgetförslag som användaren får se: publicerade versioner och den egna partigruppens utkast, "
            + "per partigrupp, en sida i taget")
    Paging.Page<Item> list(@Parameter(description = "Grundbudgetens id") @RequestParam(required = false) Long budget,
                           @Parameter(description = "Partigruppens id (enhet)") @RequestParam(required = false) Long party,
                           @Parameter(description = "Utkast eller publicerad") @RequestParam(required = false) ProposalState state,
                           @ParameterObject Paging paging) {
        Paging.Page<Proposal> page = proposals.visible(budget, party, state, paging);
        return paging.of(page.total(), page.items().stream().map(p -> new Item(p.id(), p.proposalId(), p.partyName(), p.title(),
                p.versionNo(), p.state(), p.budgetId(), "/api/v1/proposals/" + p.id())).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "En version av ett förslag beräknad på sin grundbudget: resultat, resultatbudget, ramar per nämnd och år "
            + "och kontroller (belopp i hela kronor); en publicerad version som den publicerades")
    ProposalService.View one(@PathVariable long id) {
        return proposals.view(proposals.proposal(id));
    }

    @GetMapping("/jamforelse")
    @Operation(summary = "Förslagen id bredvid majoritetens budget som de ändrar, en jämförelse per grundbudget "
            + "(och grundbudgeten budget även utan förslag)")
    List<ProposalComparison> compare(@RequestParam(required = false) Long budget,
                                             @RequestParam(name = "id", required = false) List<Long> ids) {
        return comparisons.compareAll(budget, ids == null ? List.of() : ids);
    }
}
