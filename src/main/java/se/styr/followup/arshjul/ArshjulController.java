package se.styr.followup.arshjul;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.followup.Round;
import se.styr.followup.RoundType;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The year's calendar: the template (shown, and edited by those who may), and a year's rounds previewed and created. */
@Controller
class ArshjulController {

    private final Arshjul arshjul;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;

    ArshjulController(Arshjul arshjul, Organisation organisation, Access access, Messages messages) {
        this.arshjul = arshjul;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/uppfoljning/arshjul")
    String page(Model model) {
        Arshjul.Template template = arshjul.template();
        return page(model, template, ArshjulForm.of(template.rounds()), template.version(), Map.of(), false);
    }

    @PostMapping("/uppfoljning/arshjul")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        access.require(Access.Action.MANAGE_ROUNDS, null);
        ArshjulForm posted = ArshjulForm.posted(form);
        int version = FormInput.version(form);
        try {
            Problems reading = new Problems();
            List<CalendarRound> rounds = posted.rounds(reading);
            if (!reading.isEmpty()) {
                Problems all = new Problems().addAll(reading.list());
                Arshjul.check(rounds).list().stream().filter(p -> !reading.has(p.field())).forEach(p -> all.addAll(List.of(p)));
                all.throwIfAny();
            }
            arshjul.save(version, rounds);
            redirect.addFlashAttribute("notice", messages.text("arshjul.saved"));
            return "redirect:/uppfoljning/arshjul";
        } catch (ValidationException e) {
            return page(model, arshjul.template(), posted.compacted(), version, messages.byField(e), false);
        } catch (ConflictException e) {
            return page(model, arshjul.template(), posted.compacted(), version, Map.of(), true);
        }
    }

    @GetMapping("/uppfoljning/arshjul/skapa")
    String preview(@RequestParam(name = "ar", required = false) String year, @RequestParam(name = "organ", required = false) String body,
                   Model model) {
        return plan(model, year, body, Map.of());
    }

    @PostMapping("/uppfoljning/arshjul/skapa")
    String create(@RequestParam(name = "ar", required = false) String year, @RequestParam(name = "organ", required = false) String body,
                  Model model, RedirectAttributes redirect) {
        Problems reading = new Problems();
        Long y = FormInput.whole(year, "year", reading);
        Long b = FormInput.whole(body, "bodyUnitId", reading);
        try {
            reading.throwIfAny();
            List<Round> created = arshjul.create(y == null ? null : y.intValue(), b);
            redirect.addFlashAttribute("notice", messages.text("arshjul.created", created.size(), String.valueOf(y)));
            return "redirect:/uppfoljning?ar=" + y + (b == null ? "" : "&organ=" + b);
        } catch (ValidationException e) {
            return plan(model, year, body, messages.byField(e));
        }
    }

    private String plan(Model model, String year, String body, Map<String, List<String>> refused) {
        Problems reading = new Problems();
        Long y = FormInput.whole(year, "year", reading);
        Long b = FormInput.whole(body, "bodyUnitId", reading);
        Arshjul.Plan plan = null;
        Map<String, List<String>> errors = refused;
        try {
            reading.throwIfAny();
            plan = arshjul.preview(y == null ? null : y.intValue(), b);
        } catch (ValidationException e) {
            errors = messages.byField(e);
        }
        model.addAttribute("plan", plan);
        model.addAttribute("ar", year);
        model.addAttribute("organ", b);
        model.addAttribute("errors", errors);
        model.addAttribute("bodies", bodies());
        PageStatus.rejected(errors, false);
        return "followup/arshjul-plan";
    }

    private List<OrgUnit> bodies() {
        return organisation.bodies(access.municipalityId()).stream()
                .filter(u -> u.type() == OrgUnitType.NAMND || u.type() == OrgUnitType.KOMMUNSTYRELSE)
                .filter(u -> access.may(Access.Action.MANAGE_ROUNDS, u.id())).toList();
    }

    private String page(Model model, Arshjul.Template template, ArshjulForm form, int version, Map<String, List<String>> errors,
                        boolean conflict) {
        model.addAttribute("template", template);
        model.addAttribute("f", form.values());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, form.rows()).boxed().toList());
        model.addAttribute("version", version);
        model.addAttribute("types", RoundType.values());
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("bodies", bodies());
        model.addAttribute("year", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).getYear() + 1);
        PageStatus.rejected(errors, conflict);
        return "followup/arshjul";
    }
}
