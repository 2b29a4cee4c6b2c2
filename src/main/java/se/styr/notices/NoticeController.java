package se.styr.notices;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Paging;
import se.styr.platform.ValidationException;

/** "Meddelanden": one's notices, one's choice of mail (under Konto), and the administrator's outbox. */
@Controller
class NoticeController {

    static final int PER_PAGE = 25;

    private final Notices notices;
    private final Messages messages;

    NoticeController(Notices notices, Messages messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping("/meddelanden")
    String inbox(@RequestParam(name = "olasta", defaultValue = "false") boolean unreadOnly,
                 @RequestParam(name = "sida", required = false) String page, Model model) {
        model.addAttribute("page", notices.mine(unreadOnly, new Paging(Paging.pageNumber(page == null ? "1" : page), PER_PAGE)));
        model.addAttribute("unreadOnly", unreadOnly);
        return "notices/inbox";
    }

    @PostMapping("/meddelanden/lasta")
    String markAllRead(RedirectAttributes redirect) {
        int n = notices.markRead(null);
        redirect.addFlashAttribute("notice", messages.text("notis.markeradeLasta", n));
        return "redirect:/meddelanden";
    }

    @PostMapping("/meddelanden/{id}/last")
    String markRead(@PathVariable long id, @RequestParam(name = "till", required = false) String to) {
        notices.markRead(id);
        return "redirect:" + ("start".equals(to) ? "/" : "/meddelanden");
    }

    @GetMapping("/konto/meddelanden")
    String settings(Model model) {
        return settingsPage(model, null, Map.of());
    }

    @PostMapping("/konto/meddelanden")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            notices.save(form.get("email"), "true".equals(form.get("digest")), number(form.get("personVersion")),
                    number(form.get("version")));
            redirect.addFlashAttribute("notice", messages.text("notis.installningarSparade"));
            return "redirect:/konto/meddelanden";
        } catch (ValidationException e) {
            return settingsPage(model, form, messages.byField(e));
        }
    }

    private String settingsPage(Model model, Map<String, String> form, Map<String, List<String>> errors) {
        Notices.Settings settings = notices.settings();
        model.addAttribute("settings", settings);
        model.addAttribute("email", form == null ? settings.email() : form.get("email"));
        model.addAttribute("digest", form == null ? settings.digest() : "true".equals(form.get("digest")));
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "notices/settings";
    }

    @GetMapping("/admin/utskick")
    String outbox(@RequestParam(name = "status", required = false) MailState state,
                  @RequestParam(name = "sida", required = false) String page, Model model) {
        model.addAttribute("outbox", notices.outbox(state, new Paging(Paging.pageNumber(page == null ? "1" : page), PER_PAGE)));
        model.addAttribute("status", state);
        model.addAttribute("states", MailState.values());
        return "notices/outbox";
    }

    @PostMapping("/admin/utskick/{id}/igen")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        notices.retry(id);
        redirect.addFlashAttribute("notice", messages.text("notis.forsokerIgen"));
        return "redirect:/admin/utskick";
    }

    /** A version field as sent; a missing or garbled one cannot match any version, so the write gets a conflict. */
    private static int number(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
