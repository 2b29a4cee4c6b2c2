package se.styr.accounts.people;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.accounts.Role;
import se.styr.organisation.Organisation;
import se.styr.organisation.OrgUnit;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Paging;
import se.styr.platform.ValidationException;

/** "Personer": the municipality's people, their roles and passwords. */
@Controller
class PeopleController {

    static final String PATH = "/personer";
    static final int PER_PAGE = 50;
    /** Units a role form offers for one search. */
    static final int UNIT_CHOICES = 50;

    private final People people;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;

    PeopleController(People people, Organisation organisation, Access access, Messages messages) {
        this.people = people;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(@RequestParam(name = "q", required = false) String query,
                @RequestParam(name = "sida", defaultValue = "1") String page, Model model) {
        return list(query, page, model, Map.of(), Map.of(), null);
    }

    @PostMapping(PATH)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            People.WithPassword created = people.create(form.get("displayName"), form.get("username"), form.get("email"));
            // the one-time password is on this page only: not cached, not in a redirect's flash attributes (the session)
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return personPage(created.person().id(), model, Map.of(), created.oneTimePassword());
        } catch (ValidationException e) {
            return list(null, "1", model, form, messages.byField(e), null);
        }
    }

    private String list(String query, String page, Model model, Map<String, String> form, Map<String, List<String>> errors,
                        String notice) {
        Paging paging = new Paging(pageNumber(page), PER_PAGE);
        model.addAttribute("result", people.search(query, paging));
        model.addAttribute("query", query == null ? "" : query.strip());
        model.addAttribute("mayAdminister", people.mayAdminister());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "accounts/people";
    }

    @GetMapping(PATH + "/{id}")
    String person(@PathVariable long id, @RequestParam(name = "enhet", required = false) String unitSearch, Model model) {
        model.addAttribute("enhet", unitSearch);
        return personPage(id, model, Map.of(), null);
    }

    @PostMapping(PATH + "/{id}/roller")
    String addRole(@PathVariable long id, @RequestParam(required = false) String role,
                   @RequestParam(required = false) String unit, Model model, RedirectAttributes redirect) {
        try {
            Role r = Arrays.stream(Role.values()).filter(x -> x.name().equals(role)).findFirst().orElse(null);
            Long unitId = unit == null || unit.isBlank() ? null : parseId(unit);
            Person.Grant grant = people.addRole(id, r, unitId);
            redirect.addFlashAttribute("notice", messages.text("person.rollGiven", People.describe(grant)));
            return "redirect:" + PATH + "/" + id;
        } catch (ValidationException e) {
            return personPage(id, model, messages.byField(e), null);
        }
    }

    @PostMapping(PATH + "/{id}/roller/{roleId}/ta-bort")
    String removeRole(@PathVariable long id, @PathVariable long roleId, Model model, RedirectAttributes redirect) {
        try {
            people.removeRole(id, roleId);
            redirect.addFlashAttribute("notice", messages.text("person.rollBorttagen"));
            return "redirect:" + PATH + "/" + id;
        } catch (ValidationException e) {
            return personPage(id, model, messages.byField(e), null);
        }
    }

    @PostMapping(PATH + "/{id}/aktiv")
    String setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam int version, Model model,
                     RedirectAttributes redirect) {
        try {
            people.setActive(id, version, active);
            redirect.addFlashAttribute("notice", messages.text(active ? "person.ateraktiverad" : "person.inaktiverad"));
            return "redirect:" + PATH + "/" + id;
        } catch (ValidationException e) {
            return personPage(id, model, messages.byField(e), null);
        }
    }

    @PostMapping(PATH + "/{id}/uppgifter")
    String updateDetails(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                         RedirectAttributes redirect) {
        try {
            int version = Integer.parseInt(form.getOrDefault("version", "-1").strip());
            people.updateDetails(id, version, form.get("displayName"), form.get("email"));
            redirect.addFlashAttribute("notice", messages.text("person.uppgifterSparade"));
            return "redirect:" + PATH + "/" + id;
        } catch (NumberFormatException e) {
            throw new se.styr.platform.ConflictException("app_user", id);
        } catch (ValidationException e) {
            model.addAttribute("form", form);
            return personPage(id, model, messages.byField(e), null);
        }
    }

    @PostMapping(PATH + "/{id}/losenord")
    String resetPassword(@PathVariable long id, Model model, HttpServletResponse response) {
        People.WithPassword reset = people.resetPassword(id);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return personPage(id, model, Map.of(), reset.oneTimePassword());
    }

    private String personPage(long id, Model model, Map<String, List<String>> errors, String oneTimePassword) {
        Person person = people.person(id);
        boolean admin = people.mayAdminister();
        var choices = organisation.choices(access.municipalityId(), (String) model.getAttribute("enhet"), UNIT_CHOICES);
        List<Organisation.UnitChoice> units = choices.items().stream()
                .filter(c -> people.mayGrant(Role.REPORTER, c.unit().id())).toList();
        model.addAttribute("person", person);
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", Map.of("displayName", person.displayName(),
                    "email", person.email() == null ? "" : person.email()));
        }
        model.addAttribute("mayAdminister", admin);
        model.addAttribute("me", access.current().id() == id);
        model.addAttribute("units", units);
        model.addAttribute("moreUnits", choices.total() > choices.size());
        model.addAttribute("roles", admin ? List.of(Role.values()) : List.of(Role.CONTROLLER, Role.REPORTER, Role.READER));
        model.addAttribute("wholeMunicipality", people.mayGrant(Role.READER, null));
        model.addAttribute("removable", person.roles().stream().filter(g -> people.mayGrant(g.role(), g.unitId()))
                .map(Person.Grant::id).toList());
        model.addAttribute("oneTimePassword", oneTimePassword);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "accounts/person";
    }

    private static Long parseId(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("unit", "person.validering.enhet");
        }
    }

    static int pageNumber(String text) {
        try {
            return Math.max(1, Math.min(Paging.MAX_PAGE, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
