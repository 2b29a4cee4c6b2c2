package se.styr.accounts.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.accounts.Role;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.ValidationException;

/** "Roller från kommunens inloggning": the administrator's table from OIDC claims to roles. */
@Controller
class OidcRolesController {

    static final String PATH = "/admin/oidc-roller";

    private final OidcRoles roles;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;

    OidcRolesController(OidcRoles roles, Organisation organisation, Access access, Messages messages) {
        this.roles = roles;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "enhet", required = false) String unitSearch, Model model) {
        model.addAttribute("enhet", unitSearch);
        return page(model, Map.of(), Map.of());
    }

    @PostMapping(PATH)
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(form.get("role"))).findFirst().orElse(null);
            String unit = form.get("unit");
            Long unitId = unit == null || unit.isBlank() ? null : unit.strip().matches("\\d{1,18}") ? Long.valueOf(unit.strip()) : -1L;
            roles.add(form.get("claim"), form.get("value"), role, unitId);
            redirect.addFlashAttribute("notice", messages.text("oidc.sparad"));
            return "redirect:" + PATH;
        } catch (ValidationException e) {
            return page(model, form, messages.byField(e));
        }
    }

    @PostMapping(PATH + "/{id}/ta-bort")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        roles.remove(id);
        redirect.addFlashAttribute("notice", messages.text("oidc.borttagen"));
        return "redirect:" + PATH;
    }

    private String page(Model model, Map<String, String> form, Map<String, List<String>> errors) {
        model.addAttribute("mappings", roles.all());
        var choices = organisation.choices(access.municipalityId(), (String) model.getAttribute("enhet"), PeopleController.UNIT_CHOICES);
        List<Organisation.UnitChoice> units = new java.util.ArrayList<>(choices.items());
        // the unit chosen before a mistake elsewhere in the form stays chosen, even when the search did not list it
        String chosen = form.get("unit");
        if (chosen != null && chosen.strip().matches("\\d{1,18}")
                && units.stream().noneMatch(c -> c.unit().id() == Long.parseLong(chosen.strip()))) {
            organisation.findUnit(Long.parseLong(chosen.strip())).filter(u -> u.municipalityId() == access.municipalityId())
                    .ifPresent(u -> units.add(0, new Organisation.UnitChoice(u, List.of())));
        }
        model.addAttribute("units", units);
        model.addAttribute("moreUnits", choices.total() > choices.size());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "accounts/oidc-roles";
    }

    @RestController
    @Tag(name = "Personer")
    static class Api {

        private final OidcRoles roles;

        Api(OidcRoles roles) {
            this.roles = roles;
        }

        record NewMapping(String claim, String value, Role role, Long unitId) {
        }

        @GetMapping("/api/v1/oidc-mappings")
        @Operation(summary = "Roller från kommunens inloggning: vilket värde av en claim som ger vilken roll (administratör)")
        List<OidcRoles.Mapping> all() {
            return roles.all();
        }

        @PostMapping("/api/v1/oidc-mappings")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "Lägg till en koppling från en claim till en roll (administratör)")
        OidcRoles.Mapping add(@RequestBody NewMapping in) {
            return roles.add(in.claim(), in.value(), in.role(), in.unitId());
        }

        @DeleteMapping("/api/v1/oidc-mappings/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "Ta bort en koppling (administratör)")
        void remove(@PathVariable long id) {
            roles.remove(id);
        }
    }
}
