package se.styr.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styr.organisation.CurrentMunicipality;
import se.styr.platform.Paging;

/** The audit log for administrators: newest first, filtered by object type, object or user. */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final CurrentMunicipality municipality;

    AuditController(AuditLog log, CurrentMunicipality municipality) {
        this.log = log;
        this.municipality = municipality;
    }

    @GetMapping("/admin/granskningslogg")
    String page(@RequestParam(required = false) String typ, @RequestParam(name = "objekt", required = false) Long objectId,
                @RequestParam(name = "anvandare", required = false) String actor,
                @RequestParam(name = "sida", defaultValue = "0") int page, Model model) {
        model.addAttribute("result", log.find(municipality.id(), typ, objectId, actor, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("typ", typ);
        model.addAttribute("objekt", objectId);
        model.addAttribute("anvandare", actor);
        return "audit/log";
    }

    @RestController
    @Tag(name = "Granskningslogg")
    static class Api {

        private final AuditLog log;
        private final CurrentMunicipality municipality;

        Api(AuditLog log, CurrentMunicipality municipality) {
            this.log = log;
            this.municipality = municipality;
        }

        @GetMapping("/api/v1/audit")
        @Operation(summary = "Granskningsloggen (endast administratörer), nyast först")
        Paging.Page<AuditEntry> find(@RequestParam(required = false) String objectType,
                                     @RequestParam(required = false) Long objectId,
                                     @RequestParam(required = false) String actor, @ParameterObject Paging paging) {
            return log.page(municipality.id(), objectType, objectId, actor, paging);
        }
    }
}
