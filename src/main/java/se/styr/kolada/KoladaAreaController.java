package se.styr.kolada;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.ValidationException;

/**
 * {@code /kolada/jamforelse}: the administrator chooses the county and the comparison groups and their members. A
 * rejected form is shown again with its Swedish messages (400), a conflict with its reason (409).
 */
@Controller
class KoladaAreaController {

    private final KoladaAreas areas;
    private final KoladaImports imports;
    private final Access access;
    private final Messages messages;

    KoladaAreaController(KoladaAreas areas, KoladaImports imports, Access access, Messages messages) {
        this.areas = areas;
        this.imports = imports;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/kolada/jamforelse")
    String page(Model model) {
        access.require(Access.Action.ADMINISTER, null);
        return page(model, Map.of(), Map.of(), null);
    }

    private String page(Model model, Map<String, String> form, Map<String, List<String>> errors, String conflict) {
        model.addAttribute("choice", areas.current(access.municipalityId()));
        model.addAttribute("catalog", areas.catalog(access.municipalityId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict != null);
        return "kolada/areas";
    }

    @PostMapping("/kolada/jamforelse/lan")
    String county(@RequestParam(required = false) String countyArea, @RequestParam(required = false) String countyTitle,
                  @RequestParam(required = false) String current, Model model, RedirectAttributes redirect) {
        return write(model, redirect, form("countyArea", countyArea, "countyTitle", countyTitle), "kolada.areas.saved",
                () -> areas.chooseCounty(access.municipalityId(), countyArea, countyTitle, current));
    }

    @PostMapping("/kolada/jamforelse/grupp")
    String addGroup(@RequestParam(required = false) String groupArea, @RequestParam(required = false) String groupTitle,
                    Model model, RedirectAttributes redirect) {
        return write(model, redirect, form("groupArea", groupArea, "groupTitle", groupTitle), "kolada.areas.groupAdded",
                () -> areas.addGroup(access.municipalityId(), groupArea, groupTitle));
    }

    @PostMapping("/kolada/jamforelse/grupp/kolada")
    String pickGroup(@RequestParam(required = false) String koladaGroup, Model model, RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("koladaGroup", koladaGroup == null ? "" : koladaGroup);
        return write(model, redirect, form, "kolada.areas.groupAdded", () -> areas.pickGroup(access.municipalityId(), koladaGroup));
    }

    /** Copies Kolada's municipality groups, from Kolada or from a file of its pages (administrator). */
    @PostMapping("/kolada/jamforelse/kommungrupper/hamta")
    String fetchGroups(RedirectAttributes redirect) {
        access.require(Access.Action.ADMINISTER, null);
        return imported(redirect, () -> imports.groupsFromKolada());
    }

    @PostMapping("/kolada/jamforelse/kommungrupper/fil")
    String groupFile(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect) {
        access.require(Access.Action.ADMINISTER, null);
        return imported(redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw new KoladaException("kolada.file.choose");
            }
            try {
                return imports.groupsFromFile(new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        file.getOriginalFilename() == null ? messages.text("kolada.file.defaultName") : file.getOriginalFilename());
            } catch (java.io.IOException e) {
                throw new KoladaException(e, "kolada.file.unreadable");
            }
        });
    }

    private String imported(RedirectAttributes redirect, java.util.function.Supplier<KoladaImports.Result> work) {
        try {
            redirect.addFlashAttribute("notice", work.get().message());
        } catch (KoladaException e) {
            redirect.addFlashAttribute("error", e.in(messages).getMessage());
        }
        return "redirect:/kolada/jamforelse";
    }

    @PostMapping("/kolada/jamforelse/grupp/ta-bort")
    String removeGroup(@RequestParam(required = false) String group, Model model, RedirectAttributes redirect) {
        return write(model, redirect, Map.of(), "kolada.areas.groupRemoved", () -> areas.removeGroup(access.municipalityId(), group));
    }

    @PostMapping("/kolada/jamforelse/medlem")
    String addMember(@RequestParam(required = false) String group, @RequestParam(required = false) String member,
                     @RequestParam(required = false) String memberTitle, Model model, RedirectAttributes redirect) {
        Map<String, String> form = form("member", member, "memberTitle", memberTitle);
        form.put("group", group == null ? "" : group);
        return write(model, redirect, form, "kolada.areas.memberAdded",
                () -> areas.addMember(access.municipalityId(), group, member, memberTitle));
    }

    @PostMapping("/kolada/jamforelse/medlem/ta-bort")
    String removeMember(@RequestParam(required = false) String group, @RequestParam(required = false) String member,
                        Model model, RedirectAttributes redirect) {
        return write(model, redirect, Map.of(), "kolada.areas.memberRemoved",
                () -> areas.removeMember(access.municipalityId(), group, member));
    }

    private String write(Model model, RedirectAttributes redirect, Map<String, String> form, String done, Runnable work) {
        access.require(Access.Action.ADMINISTER, null); // refused before anything is read or written
        try {
            work.run();
        } catch (ValidationException e) {
            return page(model, form, messages.byField(e), null);
        } catch (ConflictException e) {
            return page(model, Map.of(), Map.of(), messages.text(e.messageKey() == null ? "conflict.message" : e.messageKey()));
        }
        redirect.addFlashAttribute("notice", messages.text(done));
        return "redirect:/kolada/jamforelse";
    }

    private static Map<String, String> form(String k1, String v1, String k2, String v2) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(k1, v1 == null ? "" : v1);
        form.put(k2, v2 == null ? "" : v2);
        return form;
    }
}
