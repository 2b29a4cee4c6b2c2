package se.styr.proposals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springdoc.core.annotations.ParameterObject;
import se.styr.platform.Paging;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.NotFoundException;

/** Open data: the published versions of the parties' budget proposals, no login. */
@RestController
@RequestMapping("/api/v1/public/proposals")
@Tag(name = "Budgetförslag", description = "Partiernas publicerade budgetförslag (öppna data, ingen inloggning)")
class ProposalApi {

    /** One line of the list of published versions. */
    record Item(long id, String municipality, String party, String title, int versionNo, String base, java.time.LocalDateTime publishedAt,
                String href) {
    }

    private final ProposalService proposals;

    ProposalApi(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GetMapping
    @Operation(summary = "Publicerade budgetförslag, senast publicerade först, en sida i taget")
    Paging.Page<Item> list(@ParameterObject Paging paging) {
        Paging.Page<ProposalService.View> page = proposals.published(paging);
        return paging.of(page.total(), page.items().stream().map(v -> new Item(v.proposal().id(), v.municipality(),
                v.proposal().partyName(), v.proposal().title(), v.proposal().versionNo(), v.baseLabel(),
                v.proposal().publishedAt(), "/api/v1/public/proposals/" + v.proposal().id())).toList());
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ett publicerat budgetförslag med beräknad resultatbudget, ramar per nämnd och år och kontroller, "
            + "exakt som det publicerades (belopp i hela kronor)")
    ResponseEntity<String> proposal(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(proposals.publishedJson(id).orElseThrow(() -> new NotFoundException("Förslaget", id)));
    }
}
