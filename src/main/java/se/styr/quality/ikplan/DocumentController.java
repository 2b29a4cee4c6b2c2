package se.styr.quality.ikplan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The risk analysis and the internal-control plan as documents: page, PDF, decision and decided versions. */
@Controller
class DocumentController {

    private final QualityDocuments documents;
    private final ControlPlanService plans;
    private final Messages messages;
    private final DocumentDecisions decisions;

    DocumentController(QualityDocuments documents, ControlPlanService plans, Messages messages, DocumentDecisions decisions) {
        this.decisions = decisions;
        this.documents = documents;
        this.plans = plans;
        this.messages = messages;
    }

    /** The path's name of a document kind. */
    static DocumentKind kind(String path) {
        return switch (path) {
            case "riskanalys" -> DocumentKind.RISKANALYS;
            case "ik-plan" -> DocumentKind.IK_PLAN;
            default -> throw new NotFoundException("Dokumentet", 0L);
        };
    }

    static String path(DocumentKind kind) {
        return kind == DocumentKind.RISKANALYS ? "riskanalys" : "ik-plan";
    }

    @GetMapping("/kvalitet/dokument/{typ}")
    String page(@PathVariable String typ, @RequestParam("organ") long body, @RequestParam(name = "ar", required = false) Integer year,
                Model model) {
        return page(kind(typ), body, ControlPlanController.year(year), model, Map.of(), Map.of());
    }

    private String page(DocumentKind kind, long body, int year, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        QualityDocuments.Compiled compiled = documents.compile(kind, body, year);
        model.addAttribute("doc", compiled);
        model.addAttribute("path", path(kind));
        model.addAttribute("versions", documents.versions(kind, body, year));
        model.addAttribute("version", null);
        model.addAttribute("article", compiled.article());
        model.addAttribute("mayEdit", plans.mayEdit(body));
        model.addAttribute("pendingSince", decisions.pendingSince(kind, compiled.body().id(), year));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "quality/ikplan/document";
    }

    @GetMapping("/kvalitet/dokument/{typ}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String typ, @RequestParam("organ") long body, @RequestParam(name = "ar", required = false) Integer year) {
        QualityDocuments.Compiled compiled = documents.compile(kind(typ), body, ControlPlanController.year(year));
        return pdf(documents.pdf(compiled.article(), compiled.title()), compiled.title() + "-utkast");
    }

    @PostMapping("/kvalitet/dokument/{typ}/beslut")
    String decide(@PathVariable String typ, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        DocumentKind kind = kind(typ);
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        input.check(body != null && year != null, "organ", "quality.validering.formular").throwIfAny();
        LocalDate decidedOn = FormInput.date(form.get("decidedOn"), "decidedOn", input);
        try {
            input.throwIfAny();
            DocumentVersion v = documents.decide(kind, body, year.intValue(), decidedOn, form.get("decisionRef"));
            redirect.addFlashAttribute("notice", messages.text("ikplan.document.decidedNotice", v.number()));
            return "redirect:/kvalitet/dokument/version/" + v.id();
        } catch (ValidationException e) {
            return page(kind, body, ControlPlanController.year(year.intValue()), model, form, messages.byField(e));
        }
    }

    /** The document goes to its body as a case; its decision then comes from the approved minutes. */
    @PostMapping("/kvalitet/dokument/{typ}/klar-for-beslut")
    String readyForDecision(@PathVariable String typ, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        DocumentKind kind = kind(typ);
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        input.check(body != null && year != null, "organ", "quality.validering.formular").throwIfAny();
        try {
            decisions.markReady(kind, body, year.intValue());
            redirect.addFlashAttribute("notice", messages.text("ikplan.document.sentNotice"));
            return "redirect:/kvalitet/dokument/" + typ + "?organ=" + body + "&ar=" + year;
        } catch (ValidationException e) {
            return page(kind, body, ControlPlanController.year(year.intValue()), model, form, messages.byField(e));
        }
    }

    @GetMapping("/kvalitet/dokument/version/{id}")
    String version(@PathVariable long id, Model model) {
        DocumentVersion v = documents.version(id);
        model.addAttribute("doc", new QualityDocuments.Compiled(v.kind(), plans.body(v.bodyUnitId()), v.year(),
                documents.versionTitle(v), null));
        model.addAttribute("path", path(v.kind()));
        model.addAttribute("version", v);
        model.addAttribute("versions", documents.versions(v.kind(), v.bodyUnitId(), v.year()));
        model.addAttribute("article", documents.versionHtml(v));
        model.addAttribute("mayEdit", false);
        model.addAttribute("pendingSince", null);
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "quality/ikplan/document";
    }

    @GetMapping("/kvalitet/dokument/version/{id}.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable long id) {
        DocumentVersion v = documents.version(id);
        String title = documents.versionTitle(v);
        return pdf(documents.pdf(documents.versionHtml(v), title), title);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        String file = name.replaceAll("[^\\p{L}\\p{N}]+", "-") + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
