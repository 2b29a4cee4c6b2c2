package se.styr.organisation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/**
 * The organisation's forms: add a unit under another, edit (name, code, type), move, retire and reactivate, and the
 * move up/down buttons of the tree. Each form is a page of its own; a rejected form is shown again with every problem
 * (400, or 409 when someone else changed the unit meanwhile).
 */
@Controller
class UnitAdminController {

    static final String UNIT = "/organisation/enhet/{id}";
    /** Units a move form offers for one search. */
    static final int PARENT_CHOICES = 50;

    private final OrganisationAdmin admin;
    private final Organisation organisation;
    private final OrganisationTree tree;
    private final CurrentMunicipality current;
    private final Messages messages;

    UnitAdminController(OrganisationAdmin admin, Organisation organisation, OrganisationTree tree,
                        CurrentMunicipality current, Messages messages) {
        this.admin = admin;
        this.organisation = organisation;
        this.tree = tree;
        this.current = current;
        this.messages = messages;
    }

    /** What the tree's nodes ask: may the acting person change this unit, add under it. */
    @org.springframework.web.bind.annotation.ControllerAdvice(assignableTypes = {OrganisationController.class, UnitAdminController.class})
    static class Rights {

        private final OrganisationAdmin admin;

        Rights(OrganisationAdmin admin) {
            this.admin = admin;
        }

        @org.springframework.web.bind.annotation.ModelAttribute("orgAdmin")
        OrganisationAdmin orgAdmin() {
            return admin;
        }
    }

    // ---- add a unit under this one

    @GetMapping(UNIT + "/ny")
    String newUnitForm(@PathVariable long id, Model model) {
        return newUnitPage(id, Map.of(), Map.of(), model);
    }

    @PostMapping(UNIT + "/ny")
    String create(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Problems p = new Problems();
            OrgUnitType type = FormInput.choice(OrgUnitType.class, form.get("type"), "type", p);
            Long position = FormInput.whole(form.get("position"), "position", p);
            p.throwIfAny();
            var created = admin.create(new OrganisationAdmin.NewUnit(id, type, form.get("name"), form.get("code"),
                    position == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(0, position))));
            redirect.addFlashAttribute("notice", messages.text("orgadmin.skapad", created.unit().name()));
            return "redirect:/organisation/enhet/" + created.unit().id();
        } catch (ValidationException e) {
            return newUnitPage(id, form, messages.byField(e), model);
        }
    }

    private String newUnitPage(long parentId, Map<String, String> form, Map<String, List<String>> errors, Model model) {
        OrgUnit parent = admin.unit(parentId).unit();
        admin.requireMayAddUnder(parent);
        model.addAttribute("parent", parent);
        model.addAttribute("ancestors", tree.above(parentId));
        model.addAttribute("types", UnitRules.allowedUnder(parent.type()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "organisation/new-unit";
    }

    // ---- edit name, code and type

    @GetMapping(UNIT + "/andra")
    String editForm(@PathVariable long id, Model model) {
        var unit = admin.unit(id);
        Map<String, String> form = new java.util.HashMap<>();
        form.put("name", unit.unit().name());
        form.put("code", unit.unit().code());
        form.put("type", unit.unit().type().name());
        form.put("version", String.valueOf(unit.version()));
        return editPage(unit, form, Map.of(), false, model);
    }

    @PostMapping(UNIT + "/andra")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Problems p = new Problems();
            OrgUnitType type = FormInput.choice(OrgUnitType.class, form.get("type"), "type", p);
            int version = FormInput.version(form);
            p.throwIfAny();
            var saved = admin.update(id, version, new OrganisationAdmin.UnitEdit(type, form.get("name"), form.get("code")));
            redirect.addFlashAttribute("notice", messages.text("orgadmin.sparad", saved.unit().name()));
            return "redirect:/organisation/enhet/" + id;
        } catch (ValidationException e) {
            return editPage(admin.unit(id), form, messages.byField(e), false, model);
        } catch (ConflictException e) {
            return editPage(admin.unit(id), form, Map.of("version", List.of(messages.text("conflict.message"))), true, model);
        }
    }

    private String editPage(OrganisationAdmin.EditableUnit unit, Map<String, String> form, Map<String, List<String>> errors,
                            boolean conflict, Model model) {
        OrgUnit u = unit.unit();
        admin.requireMayChange(u);
        List<OrgUnit> above = tree.above(u.id());
        model.addAttribute("unit", u);
        model.addAttribute("ancestors", above);
        java.util.Set<OrgUnitType> types = above.isEmpty() ? java.util.EnumSet.of(u.type())
                : UnitRules.allowedUnder(above.get(above.size() - 1).type());
        model.addAttribute("types", types);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, conflict);
        return "organisation/edit-unit";
    }

    // ---- move under another unit

    @GetMapping(UNIT + "/flytta")
    String moveForm(@PathVariable long id, @RequestParam(name = "enhet", required = false) String search, Model model) {
        var unit = admin.unit(id);
        return movePage(unit, search, Map.of("version", String.valueOf(unit.version())), Map.of(), false, model);
    }

    @PostMapping(UNIT + "/flytta")
    String move(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Problems p = new Problems();
            Long parent = FormInput.whole(form.get("parentId"), "parentId", p);
            p.check(parent != null || p.has("parentId"), "parentId", "orgadmin.validering.nyOverordnad");
            Long position = FormInput.whole(form.get("position"), "position", p);
            int version = FormInput.version(form);
            p.throwIfAny();
            var moved = admin.move(id, version, parent, position == null ? null
                    : (int) Math.min(Integer.MAX_VALUE, Math.max(0, position)));
            redirect.addFlashAttribute("notice", messages.text("orgadmin.flyttad", moved.unit().name()));
            return "redirect:/organisation/enhet/" + id;
        } catch (ValidationException e) {
            return movePage(admin.unit(id), form.get("enhet"), form, messages.byField(e), false, model);
        } catch (ConflictException e) {
            return movePage(admin.unit(id), form.get("enhet"), form,
                    Map.of("version", List.of(messages.text("conflict.message"))), true, model);
        }
    }

    private String movePage(OrganisationAdmin.EditableUnit unit, String search, Map<String, String> form,
                            Map<String, List<String>> errors, boolean conflict, Model model) {
        OrgUnit u = unit.unit();
        admin.requireMayChange(u);
        var choices = organisation.choices(current.id(), search, PARENT_CHOICES);
        List<Organisation.UnitChoice> parents = choices.items().stream()
                .filter(c -> c.unit().id() != u.id() && !java.util.Objects.equals(c.unit().id(), u.parentId())
                        && UnitRules.mayBeUnder(u.type(), c.unit().type()) && admin.mayAddUnder(c.unit()))
                .toList();
        model.addAttribute("unit", u);
        model.addAttribute("version", unit.version());
        model.addAttribute("ancestors", tree.above(u.id()));
        model.addAttribute("parents", parents);
        model.addAttribute("moreParents", choices.total() > choices.size());
        model.addAttribute("enhet", search == null ? "" : search.strip());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, conflict);
        return "organisation/move-unit";
    }

    // ---- retire and reactivate

    @GetMapping(UNIT + "/avveckla")
    String retireForm(@PathVariable long id, Model model) {
        return retirePage(admin.unit(id), Map.of(), false, model);
    }

    @PostMapping(UNIT + "/avveckla")
    String retire(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            int version = FormInput.version(form);
            var retired = admin.retire(id, version, "true".equals(form.get("withUnitsBelow")));
            redirect.addFlashAttribute("notice", messages.text("orgadmin.avvecklad", retired.unit().name()));
            return "redirect:/organisation/enhet/" + id;
        } catch (ValidationException e) {
            return retirePage(admin.unit(id), messages.byField(e), false, model);
        } catch (ConflictException e) {
            return retirePage(admin.unit(id), Map.of("version", List.of(messages.text("conflict.message"))), true, model);
        }
    }

    private String retirePage(OrganisationAdmin.EditableUnit unit, Map<String, List<String>> errors, boolean conflict,
                              Model model) {
        admin.requireMayChange(unit.unit());
        model.addAttribute("unit", unit.unit());
        model.addAttribute("version", unit.version());
        model.addAttribute("ancestors", tree.above(unit.unit().id()));
        model.addAttribute("activeBelow", admin.activeBelow(unit.unit().id()));
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, conflict);
        return "organisation/retire-unit";
    }

    @PostMapping(UNIT + "/ateraktivera")
    String reactivate(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var unit = admin.reactivate(id, FormInput.version(form));
        redirect.addFlashAttribute("notice", messages.text("orgadmin.ateraktiverad", unit.unit().name()));
        return "redirect:/organisation/enhet/" + id;
    }

    // ---- order: one step up or down among the siblings

    /**
     * Moves the unit one place up or down among its parent's units. With htmx the parent's node comes back (open) to
     * replace the one shown, and the focus stays on the button pressed (same id); without JavaScript the parent's branch
     * page is shown. A step is relative to where the unit is now, so it carries no version.
     */
    @PostMapping(UNIT + "/ordning")
    String step(@PathVariable long id, @RequestParam(name = "riktning", defaultValue = "") String direction,
                HttpServletRequest request, Model model) {
        Problems.when(!direction.equals("upp") && !direction.equals("ned"), "riktning", "orgadmin.validering.riktning");
        OrgUnit unit = admin.step(id, direction.equals("upp") ? -1 : 1).unit();
        if (unit.parentId() == null) {
            return "redirect:/organisation";
        }
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("node", tree.node(current.id(), unit.parentId(), true));
            return "organisation/nodes :: item";
        }
        return "redirect:/organisation/enhet/" + unit.parentId() + "#enhet-" + unit.id();
    }
}
