package se.styr.meetings;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** A body's cases in the browser: the register, a case with its tjänsteskrivelse and documents. */
@Controller
class CaseController {

    private final CaseService cases;
    private final CaseDocuments documents;
    private final Messages messages;

    private final se.styr.accounts.Responsibles responsibles;

    CaseController(CaseService cases, CaseDocuments documents, Messages messages, se.styr.accounts.Responsibles responsibles) {
        this.responsibles = responsibles;
        this.cases = cases;
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping("/namnd/arenden")
    String list(@RequestParam(name = "organ", required = false) Long bodyId, Model model) {
        return list(bodyId, model, Map.of(), Map.of());
    }

    private String list(Long bodyId, Model model, Map<String, String> form, Map<String, List<String>> errors) {
        List<OrgUnit> bodies = cases.bodies();
        OrgUnit body = cases.chosen(bodyId, bodies);
        model.addAttribute("bodies", bodies);
        model.addAttribute("body", body);
        model.addAttribute("cases", body == null ? List.of() : cases.list(body.id(), null));
        model.addAttribute("mayManage", body != null && cases.mayManage(body.id()));
        model.addAttribute("year", LocalDate.now().getYear());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "meetings/cases";
    }

    @PostMapping("/namnd/arenden")
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        Long year = FormInput.whole(form.get("ar"), "ar", input);
        try {
            input.check(body != null && year != null, "organ", "meetings.validering.obligatorisk").throwIfAny();
            MeetingCase c = cases.register(body, year.intValue(), text(form, input));
            redirect.addFlashAttribute("notice", messages.text("meetings.case.registered", c.dnr()));
            return "redirect:/namnd/arenden/" + c.id();
        } catch (ValidationException e) {
            return list(body, model, form, messages.byField(e));
        }
    }

    @GetMapping("/namnd/arenden/{id}")
    String show(@PathVariable long id, Model model) {
        return show(id, model, Map.of(), Map.of(), false);
    }

    private String show(long id, Model model, Map<String, String> form, Map<String, List<String>> errors, boolean conflict) {
        MeetingCase c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("body", cases.body(c.bodyUnitId()));
        List<MeetingCase.Document> docs = cases.documents(c);
        model.addAttribute("documents", docs);
        model.addAttribute("uploaders", responsibles.displayNames(docs.stream().map(MeetingCase.Document::uploadedBy)
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("mayManage", cases.mayManage(c.bodyUnitId()) && c.status() != MeetingCase.Status.BESLUTAT);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "meetings/case";
    }

    @PostMapping("/namnd/arenden/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        try {
            MeetingCase.Text text = text(form, input);
            input.throwIfAny();
            cases.update(id, FormInput.version(form), text);
            redirect.addFlashAttribute("notice", messages.text("meetings.saved"));
            return "redirect:/namnd/arenden/" + id;
        } catch (ValidationException e) {
            return show(id, model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            return show(id, model, form, Map.of(), true);
        }
    }

    /** A document of the case, with an uploaded file (multipart) or by its title only. */
    @PostMapping("/namnd/arenden/{id}/handlingar")
    String addDocument(@PathVariable long id, @RequestParam Map<String, String> form,
                       @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        Problems input = new Problems();
        try {
            LocalDate received = blank(form.get("receivedOn")) ? null : FormInput.date(form.get("receivedOn"), "receivedOn", input);
            input.throwIfAny();
            CaseDocuments.Upload upload = file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? null : new CaseDocuments.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
            MeetingCase.Document d = documents.add(id, form.get("docTitle"), received, upload);
            redirect.addFlashAttribute("notice", messages.text("meetings.document.added", d.dnr()));
            return "redirect:/namnd/arenden/" + id;
        } catch (ValidationException e) {
            return show(id, model, form, messages.byField(e), false);
        }
    }

    /** The document's file, as an attachment with a safe file name. */
    @GetMapping("/namnd/arenden/{id}/handlingar/{documentId}/fil")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        CaseDocuments.File f = documents.file(id, documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DocumentFile.safeName(f.name(), "handling"), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    @PostMapping("/namnd/arenden/{id}/handlingar/{documentId}/ta-bort")
    String removeDocument(@PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
        documents.remove(id, documentId);
        redirect.addFlashAttribute("notice", messages.text("meetings.document.removed"));
        return "redirect:/namnd/arenden/" + id;
    }

    static MeetingCase.Text text(Map<String, String> form, Problems input) {
        LocalDate written = blank(form.get("writtenOn")) ? null : FormInput.date(form.get("writtenOn"), "writtenOn", input);
        return new MeetingCase.Text(form.get("title"), form.get("officer"), written, form.get("description"),
                form.get("statement"), form.get("economy"), form.get("proposal"), form.get("sendTo"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
