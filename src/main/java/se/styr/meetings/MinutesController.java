package se.styr.meetings;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The minutes in the browser: the paragraphs, justering by chair and adjuster, and a certified extract per paragraph. */
@Controller
class MinutesController {

    private final MinutesService minutes;
    private final MeetingService meetings;
    private final Access access;
    private final Messages messages;

    MinutesController(MinutesService minutes, MeetingService meetings, Access access, Messages messages) {
        this.minutes = minutes;
        this.meetings = meetings;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/namnd/sammantraden/{id}/protokoll")
    String show(@PathVariable long id, Model model) {
        return show(id, model, null, Map.of(), Map.of(), false);
    }

    private String show(long id, Model model, Long editing, Map<String, String> form, Map<String, List<String>> errors,
                        boolean conflict) {
        Meeting m = meetings.get(id);
        model.addAttribute("m", m);
        model.addAttribute("attendees", meetings.attendees(id));
        model.addAttribute("paragraphs", minutes.paragraphs(id));
        model.addAttribute("messages", meetings.messages(id));
        model.addAttribute("mayWrite", meetings.mayManage(m) && m.status() == Meeting.Status.PROTOKOLL);
        model.addAttribute("mayOpen", meetings.mayManage(m) && m.status() == Meeting.Status.PLANERAT);
        Justering.As as = Justering.as(m, access.current().username());
        model.addAttribute("mayApprove", as != null && m.status() == Meeting.Status.PROTOKOLL
                && (as == Justering.As.ORDFORANDE ? m.chairApprovedAt() == null : m.adjusterApprovedAt() == null));
        model.addAttribute("outcomes", Paragraph.Outcome.values());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "meetings/minutes";
    }

    @PostMapping("/namnd/sammantraden/{id}/protokoll")
    String open(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Meeting m = minutes.open(id, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text("meetings.minutes.opened"));
            return "redirect:/namnd/sammantraden/" + m.id() + "/protokoll";
        } catch (ValidationException e) {
            return show(id, model, null, form, messages.byField(e), false);
        }
    }

    @PostMapping("/namnd/sammantraden/{id}/protokoll/{paragraphId}")
    String update(@PathVariable long id, @PathVariable long paragraphId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        try {
            Problems input = new Problems();
            Paragraph.Outcome outcome = CaseController.blank(form.get("outcome")) ? null
                    : FormInput.choice(Paragraph.Outcome.class, form.get("outcome"), "outcome", input);
            input.throwIfAny();
            Paragraph p = minutes.update(id, paragraphId, FormInput.version(form), new Paragraph.Text(form.get("title"),
                    form.get("preparation"), form.get("proposal"), form.get("process"), form.get("decision"),
                    form.get("reservations"), outcome, form.get("sendTo")));
            redirect.addFlashAttribute("notice", messages.text("meetings.paragraph.saved", p.number()));
            return "redirect:/namnd/sammantraden/" + id + "/protokoll#p" + p.id();
        } catch (ValidationException e) {
            return show(id, model, paragraphId, form, messages.byField(e), false);
        } catch (ConflictException e) {
            if (e.messageKey() != null) {
                throw e;
            }
            return show(id, model, paragraphId, form, Map.of(), true);
        }
    }

    @PostMapping("/namnd/sammantraden/{id}/justera")
    String approve(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Meeting m = minutes.approve(id, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text(m.frozen() ? "meetings.justering.klar" : "meetings.justering.din"));
            return "redirect:/namnd/sammantraden/" + id + "/protokoll";
        } catch (ValidationException e) {
            return show(id, model, null, form, messages.byField(e), false);
        } catch (ConflictException e) {
            if (e.messageKey() != null) {
                throw e;
            }
            return show(id, model, null, form, Map.of(), true);
        }
    }

    /** A certified extract (protokollsutdrag) of one paragraph, for printing; of approved minutes only. */
    @GetMapping("/namnd/sammantraden/{id}/protokoll/{paragraphId}/utdrag")
    String extract(@PathVariable long id, @PathVariable long paragraphId, Model model) {
        Meeting m = meetings.get(id);
        Problems.when(!m.frozen(), "meeting", "meetings.validering.utdragEjJusterat");
        model.addAttribute("m", m);
        model.addAttribute("p", minutes.paragraph(id, paragraphId));
        return "meetings/extract";
    }
}
