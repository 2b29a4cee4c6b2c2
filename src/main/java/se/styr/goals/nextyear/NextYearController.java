package se.styr.goals.nextyear;

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
import se.styr.goals.Kind;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.Paging;
import se.styr.platform.ValidationException;

/**
 * The next year in the browser: the old period's bodies with what will be carried, one body's chain as a tree of
 * choices (a page per body, so even Göteborg's chain is never one form), and the internal-control drafts.
 */
@Controller
class NextYearController {

    static final int DRAFTS_PER_PAGE = 50;

    private final CarryOver carry;
    private final Drafts drafts;
    private final Access access;
    private final Messages messages;

    NextYearController(CarryOver carry, Drafts drafts, Access access, Messages messages) {
        this.carry = carry;
        this.drafts = drafts;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/nasta-ar")
    String overview(@RequestParam(name = "fran", required = false) Long from, Model model) {
        carry.requirePlanner();
        long fromId = from != null ? from : carry.defaultFrom().id();
        model.addAttribute("o", carry.overview(fromId));
        model.addAttribute("periods", carry.periods());
        model.addAttribute("kinds", Kind.values());
        return "goals/nextyear";
    }

    @PostMapping("/nasta-ar/period")
    String startNext(@RequestParam("fran") long from, RedirectAttributes redirect) {
        var period = carry.startNext(from);
        redirect.addFlashAttribute("notice", messages.text("nastaar.periodSkapad", period.name()));
        return "redirect:/nasta-ar?fran=" + from;
    }

    @GetMapping("/nasta-ar/organ/{body}")
    String body(@PathVariable long body, @RequestParam("fran") long from, Model model) {
        return bodyPage(model, carry.preview(from, body), Map.of(), null);
    }

    private String bodyPage(Model model, CarryOver.BodyPreview preview, Map<String, List<String>> errors, java.util.Set<Long> chosen) {
        model.addAttribute("p", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen);
        se.styr.platform.PageStatus.rejected(errors, false);
        return "goals/nextyear-body";
    }

    @PostMapping("/nasta-ar/organ/{body}")
    String carry(@PathVariable long body, @RequestParam("fran") long from,
                 @RequestParam(name = "objekt", required = false) List<Long> chosen, Model model, RedirectAttributes redirect) {
        try {
            CarryOver.Result result = carry.carry(from, null, chosen == null ? List.of() : chosen);
            redirect.addFlashAttribute("notice", messages.text("nastaar.overfort", result.total(), result.drafts(),
                    result.target().name(), result.alreadyCarried()));
            return "redirect:/nasta-ar?fran=" + from;
        } catch (ValidationException e) {
            return bodyPage(model, carry.preview(from, body), messages.byField(e),
                    chosen == null ? java.util.Set.of() : java.util.Set.copyOf(chosen));
        } catch (ConflictException e) {
            return bodyPage(model, carry.preview(from, body), Map.of("objects", List.of(messages.text("nastaar.samtidigt"))), null);
        }
    }

    @GetMapping("/nasta-ar/internkontroll")
    String drafts(@RequestParam("period") long period, @RequestParam(name = "sida", defaultValue = "1") String page, Model model) {
        model.addAttribute("drafts", drafts.list(period, null, new Paging(Paging.pageNumber(page), DRAFTS_PER_PAGE)));
        model.addAttribute("period", carry.period(period));
        return "goals/nextyear-drafts";
    }

    @PostMapping("/nasta-ar/internkontroll/{id}/{decision}")
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam("version") int version,
                  RedirectAttributes redirect) {
        Drafts.Draft d;
        try {
            d = switch (decision) {
                case "bekrafta" -> drafts.confirm(id, version);
                case "stryk" -> drafts.drop(id, version);
                default -> throw new se.styr.platform.NotFoundException("Beslutet", decision);
            };
            redirect.addFlashAttribute("notice", messages.text("nastaar.utkast." + d.state(), d.title()));
        } catch (ConflictException e) {
            d = drafts.get(id);
            redirect.addFlashAttribute("notice", messages.text("nastaar.samtidigt"));
        } catch (ValidationException e) {
            d = drafts.get(id);
            redirect.addFlashAttribute("notice", messages.text(e.problems().get(0)));
        }
        return "redirect:/nasta-ar/internkontroll?period=" + d.periodId();
    }
}
