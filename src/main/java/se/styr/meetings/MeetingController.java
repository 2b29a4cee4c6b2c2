package se.styr.meetings;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** A body's meetings in the browser: the list, a meeting with its attendance and agenda, and the kallelse as PDF. */
@Controller
class MeetingController {

    private final MeetingService meetings;
    private final CaseService cases;
    private final Messages messages;
    private final Kallelse kallelse;
    private final KallelseMail kallelseMail;

    MeetingController(MeetingService meetings, CaseService cases, Messages messages, Kallelse kallelse, KallelseMail kallelseMail) {
        this.kallelseMail = kallelseMail;
        this.meetings = meetings;
        this.cases = cases;
        this.messages = messages;
        this.kallelse = kallelse;
    }

    @GetMapping("/namnd/sammantraden")
    String list(Model model) {
        return list(model, Map.of(), Map.of());
    }

    private String list(Model model, Map<String, String> form, Map<String, List<String>> errors) {
        model.addAttribute("meetings", meetings.list());
        model.addAttribute("bodies", cases.bodies().stream().filter(b -> cases.mayManage(b.id())).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "meetings/meetings";
    }

    @PostMapping("/namnd/sammantraden")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        Long body = FormInput.whole(form.get("organ"), "organ", input);
        try {
            Meeting.Details d = details(form, input);
            input.check(body != null, "organ", "meetings.validering.obligatorisk").throwIfAny();
            Meeting m = meetings.create(body, d);
            redirect.addFlashAttribute("notice", messages.text("meetings.meeting.created"));
            return "redirect:/namnd/sammantraden/" + m.id();
        } catch (ValidationException e) {
            return list(model, form, messages.byField(e));
        }
    }

    @GetMapping("/namnd/sammantraden/{id}")
    String show(@PathVariable long id, Model model) {
        return show(id, model, Map.of(), Map.of(), false);
    }

    String show(long id, Model model, Map<String, String> form, Map<String, List<String>> errors, boolean conflict) {
        Meeting m = meetings.get(id);
        boolean manage = meetings.mayManage(m) && !m.frozen();
        model.addAttribute("m", m);
        model.addAttribute("attendees", meetings.attendees(id));
        List<AgendaItem.Labelled> agenda = meetings.agenda(id);
        model.addAttribute("agenda", agenda);
        model.addAttribute("agendaOrder", order(agenda));
        model.addAttribute("messages", meetings.messages(id));
        model.addAttribute("mayManage", manage);
        model.addAttribute("maySend", meetings.mayManage(m) && !m.frozen());
        model.addAttribute("mailEnabled", kallelseMail.enabled());
        model.addAttribute("kallelseSent", kallelseMail.sent(id));
        model.addAttribute("waiting", manage ? waiting(m) : List.of());
        model.addAttribute("kinds", AgendaItem.Kind.values());
        model.addAttribute("roles", Meeting.Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "meetings/meeting";
    }

    /** The cases that may go on the agenda: the body's own, and for a working committee its committee's. */
    private List<MeetingCase> waiting(Meeting m) {
        List<MeetingCase> own = new java.util.ArrayList<>(cases.waiting(m.bodyUnitId()));
        Long parent = cases.body(m.bodyUnitId()).parentId();
        if (cases.body(m.bodyUnitId()).type() == se.styr.organisation.OrgUnitType.UTSKOTT && parent != null) {
            own.addAll(cases.waiting(parent));
            own.addAll(cases.list(parent, m.meetsOn().getYear()).stream()
                    .filter(c -> c.status() == MeetingCase.Status.PA_DAGORDNING).toList());
        }
        return own;
    }

    @PostMapping("/namnd/sammantraden/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return run(id, form, model, redirect, () -> {
            Problems input = new Problems();
            Meeting.Details d = details(form, input);
            input.throwIfAny();
            meetings.update(id, FormInput.version(form), d);
        });
    }

    @PostMapping("/namnd/sammantraden/{id}/narvaro")
    String addAttendee(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return run(id, form, model, redirect, () -> {
            Problems input = new Problems();
            Meeting.Role role = CaseController.blank(form.get("role")) ? null
                    : FormInput.choice(Meeting.Role.class, form.get("role"), "role", input);
            input.throwIfAny();
            meetings.addAttendee(id, form.get("name"), form.get("party"), role, form.get("servingFor"),
                    !"false".equals(form.get("present")), form.get("email"));
        });
    }

    @PostMapping("/namnd/sammantraden/{id}/narvaro/{attendeeId}")
    String attendance(@PathVariable long id, @PathVariable long attendeeId, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        return run(id, form, model, redirect,
                () -> meetings.setAttendance(id, attendeeId, "true".equals(form.get("present")), form.get("servingFor"),
                        form.get("email")));
    }

    @PostMapping("/namnd/sammantraden/{id}/punkter")
    String addItem(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return run(id, form, model, redirect, () -> {
            Problems input = new Problems();
            AgendaItem.Kind kind = CaseController.blank(form.get("kind")) ? null
                    : FormInput.choice(AgendaItem.Kind.class, form.get("kind"), "kind", input);
            Long caseId = CaseController.blank(form.get("caseId")) ? null : FormInput.whole(form.get("caseId"), "caseId", input);
            LocalDate from = CaseController.blank(form.get("periodFrom")) ? null : FormInput.date(form.get("periodFrom"), "periodFrom", input);
            LocalDate to = CaseController.blank(form.get("periodTo")) ? null : FormInput.date(form.get("periodTo"), "periodTo", input);
            input.throwIfAny();
            meetings.addItem(id, kind, form.get("title"), caseId, from, to);
        });
    }

    @PostMapping("/namnd/sammantraden/{id}/punkter/{itemId}/flytta")
    String move(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        return run(id, form, model, redirect, () -> meetings.move(id, itemId, "upp".equals(form.get("riktning")) ? -1 : 1));
    }

    /**
     * The whole agenda in a new order, as a drag and drop leaves it: {@code ordning} the item ids in the new order,
     * {@code tidigare} the order the page showed (a stale one is a 409), {@code flyttad} the item dragged, for the
     * announcement. htmx (the drag script) gets the agenda back with the announcement for its live region, also when
     * refused; a plain post is redirected to the meeting, or refused with the Swedish error page.
     */
    @PostMapping("/namnd/sammantraden/{id}/ordning")
    String reorder(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Long moved = null;
        try {
            List<Long> moved1 = ids(form.get("flyttad"));
            moved = moved1 == null || moved1.size() != 1 ? null : moved1.get(0);
            // the lists are checked by the service, after the right to change the meeting
            meetings.reorder(id, ids(form.get("tidigare")), ids(form.get("ordning")));
        } catch (ValidationException | ConflictException e) {
            if (htmx == null) {
                throw e;
            }
            String reason = e instanceof ConflictException c ? messages.text(c.messageKey() == null ? "conflict.message" : c.messageKey())
                    : messages.text("meetings.validering.ordning");
            show(id, model, Map.of(), Map.of(), false);
            model.addAttribute("announce", reason);
            PageStatus.set(e instanceof ConflictException ? 409 : 400);
            return "meetings/meeting :: agenda";
        }
        if (htmx == null) {
            redirect.addFlashAttribute("notice", messages.text("meetings.agenda.reordered"));
            return "redirect:/namnd/sammantraden/" + id;
        }
        show(id, model, Map.of(), Map.of(), false);
        Long item = moved;
        model.addAttribute("announce", meetings.agenda(id).stream().filter(l -> item != null && l.item().id() == item).findFirst()
                .map(l -> messages.text("meetings.agenda.movedTo", l.item().title(), l.label()))
                .orElse(messages.text("meetings.agenda.reordered")));
        return "meetings/meeting :: agenda";
    }

    /** "12,13,14": the ids of a list, each a whole number; null when it is not such a list. */
    private static List<Long> ids(String value) {
        if (CaseController.blank(value) || !value.strip().matches("\\d{1,18}(\\s*,\\s*\\d{1,18})*")) {
            return null;
        }
        return java.util.Arrays.stream(value.strip().split("\\s*,\\s*")).map(Long::valueOf).toList();
    }

    /** The agenda's order as the page shows it, sent back with a reordering so a stale one can be told. */
    static String order(List<AgendaItem.Labelled> agenda) {
        return String.join(",", agenda.stream().map(l -> String.valueOf(l.item().id())).toList());
    }

    @PostMapping("/namnd/sammantraden/{id}/punkter/{itemId}/ta-bort")
    String removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        return run(id, form, model, redirect, () -> meetings.removeItem(id, itemId));
    }

    @PostMapping("/namnd/sammantraden/{id}/meddelanden")
    String addMessage(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return run(id, form, model, redirect, () -> meetings.addMessage(id, form.get("dnr")));
    }

    /** The kallelse: the meeting, the agenda and each case's tjänsteskrivelse, as one PDF. */
    @GetMapping("/namnd/sammantraden/{id}/kallelse.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        Meeting m = meetings.get(id);
        byte[] bytes = kallelse.pdf(m);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(kallelse.fileName(m), StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    /** Sends the kallelse by e-mail; sending again needs {@code bekrafta=true}. */
    @PostMapping("/namnd/sammantraden/{id}/kallelse/skicka")
    String sendKallelse(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            KallelseMail.Sent sent = kallelseMail.send(id, "true".equals(form.get("bekrafta")));
            redirect.addFlashAttribute("notice", messages.text(sent.failed() == null ? "meetings.kallelse.sent"
                    : "meetings.kallelse.sentSome", sent.recipientCount(), sent.failed() == null ? ""
                    : sent.failed().strip().replace("\n", ", ")));
            return "redirect:/namnd/sammantraden/" + id;
        } catch (ValidationException e) {
            return show(id, model, form, messages.byField(e), false);
        }
    }

    private String run(long id, Map<String, String> form, Model model, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", messages.text("meetings.saved"));
            return "redirect:/namnd/sammantraden/" + id;
        } catch (ValidationException e) {
            return show(id, model, form, messages.byField(e), false);
        } catch (ConflictException e) {
            if (e.messageKey() != null) {
                throw e;
            }
            return show(id, model, form, Map.of(), true);
        }
    }

    static Meeting.Details details(Map<String, String> form, Problems input) {
        LocalDate on = CaseController.blank(form.get("meetsOn")) ? null : FormInput.date(form.get("meetsOn"), "meetsOn", input);
        return new Meeting.Details(on, form.get("startsAt"), form.get("endsAt"), form.get("place"), form.get("chairName"),
                form.get("chairUsername"), form.get("secretaryName"), form.get("adjusterName"), form.get("adjusterUsername"));
    }
}
