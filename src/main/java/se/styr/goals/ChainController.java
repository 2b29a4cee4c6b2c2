package se.styr.goals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The goal chain in the browser: an object's page and the forms that change it (the tree is {@link ChainTreeController}). */
@Controller
class ChainController {

    private final GoalService goals;
    private final ChainReader chain;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;
    private final List<ObjectReferences> references;
    private final List<ObjectSections> sections;

    ChainController(GoalService goals, ChainReader chain, Organisation organisation, Access access, Messages messages,
                    SwedishFormat sv, List<ObjectReferences> references, List<ObjectSections> sections) {
        this.references = references;
        this.sections = sections;
        this.goals = goals;
        this.chain = chain;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
        this.sv = sv;
    }

    @GetMapping("/objekt/{id}")
    String show(@PathVariable long id, Model model) {
        GoalViews.Details details = chain.details(id);
        GoalObject o = details.object();
        model.addAttribute("d", details);
        model.addAttribute("o", o);
        model.addAttribute("chart", o.kind().isMeasure() ? Chart.of(details.series(), sv) : null);
        model.addAttribute("showRetired", false);
        model.addAttribute("mayEdit", goals.mayEditStructure(o));
        model.addAttribute("mayReport", goals.mayEnterValues(o));
        model.addAttribute("moveTargets", moveTargets(o));
        model.addAttribute("ruleText", ruleText(details));
        model.addAttribute("trendFavourable", details.node().trend() == null ? null
                : Assessment.trendIsFavourable(details.node().trend(), o.direction()));
        model.addAttribute("states", GoalState.values());
        model.addAttribute("statuses", AssignmentStatus.values());
        model.addAttribute("references", references.stream().flatMap(r -> r.referencesTo(o).stream()).toList());
        model.addAttribute("sections", sections.stream().flatMap(r -> r.sectionsFor(o).stream()).toList());
        return "goals/object";
    }

    // ---- create and edit

    @GetMapping("/objekt/ny")
    String newForm(@RequestParam("typ") Kind kind, @RequestParam(name = "forelder", required = false) Long parentId,
                   @RequestParam(name = "organ", required = false) Long ownerId, Model model) {
        GoalForm form = new GoalForm();
        form.setKind(kind);
        form.setParentId(parentId);
        form.setSteering(Boolean.TRUE);
        form.setStatus(kind == Kind.UPPDRAG ? AssignmentStatus.EJ_PABORJAD : null);
        if (parentId != null) {
            GoalObject parent = goals.get(parentId);
            form.setPeriodId(parent.periodId());
            // A committee goal under KF's priority goal is not KF's: without a chosen body the form asks for the owner.
            Long parentOwner = parent.ownerUnitId();
            form.setOwnerUnitId(kind.allowsOwner(organisation.unit(parentOwner).type()) ? parentOwner : ownerId);
        } else {
            form.setOwnerUnitId(ownerId != null ? ownerId : kind == Kind.FOKUSOMRADE ? kfId() : null);
            organisation.periods(access.municipalityId()).stream().findFirst().ifPresent(p -> form.setPeriodId(p.id()));
        }
        return form(model, form, null, Map.of(), false);
    }

    @PostMapping("/objekt")
    String create(@ModelAttribute("form") GoalForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        // the form always sends the kind it was opened for; without it there is no form to show the problems on
        Problems.when(form.getKind() == null, "kind", "object.error.formKind");
        try {
            GoalObject created = goals.create(read(form, binding, null, null));
            redirect.addFlashAttribute("notice", messages.text("object.created"));
            return "redirect:/objekt/" + created.id();
        } catch (ValidationException e) {
            return form(model, form, null, messages.byField(e), false);
        }
    }

    @GetMapping("/objekt/{id}/redigera")
    String editForm(@PathVariable long id, Model model) {
        GoalObject o = goals.get(id);
        return form(model, GoalForm.of(o, sv), o, Map.of(), false);
    }

    @PostMapping("/objekt/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") GoalForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        GoalObject current = goals.get(id);
        try {
            form.setKind(current.kind());
            goals.update(read(form, binding, id, current));
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/objekt/" + id;
        } catch (ValidationException e) {
            return form(model, form, current, messages.byField(e), false);
        } catch (ConflictException e) {
            return form(model, form, current, Map.of(), true);
        }
    }

    private String form(Model model, GoalForm form, GoalObject existing, Map<String, List<String>> errors, boolean conflict) {
        long municipalityId = access.municipalityId();
        Kind kind = form.getKind();
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        ChainReader.Context context = chain.context();
        List<OrgUnit> bodies = organisation.bodies(municipalityId);
        model.addAttribute("owners", owners(context, bodies, kind, form.getOwnerUnitId()));
        model.addAttribute("givers", bodies);
        model.addAttribute("periods", organisation.periods(municipalityId));
        model.addAttribute("parents", chain.parentCandidates(context, kind, form.getOwnerUnitId(), null, form.getParentId())
                .stream().filter(p -> existing == null || !p.id().equals(existing.id())).toList());
        model.addAttribute("indicators", chain.indicators(context));
        model.addAttribute("directions", Direction.values());
        model.addAttribute("statuses", AssignmentStatus.values());
        model.addAttribute("perspectives", Perspective.values());
        model.addAttribute("occasions", FollowUpOccasion.values());
        model.addAttribute("defaultTolerance", organisation.municipality(municipalityId).nearTargetTolerance());
        se.styr.platform.PageStatus.rejected(errors, conflict);
        return "goals/form";
    }

    // ---- move, retire, reactivate

    @PostMapping("/objekt/{id}/flytta")
    String move(@PathVariable long id, @RequestParam(name = "parentId", required = false) Long parentId,
                @RequestParam int version, RedirectAttributes redirect) {
        goals.move(id, parentId, version);
        redirect.addFlashAttribute("notice", messages.text("object.saved"));
        return "redirect:/objekt/" + id;
    }

    @PostMapping("/objekt/{id}/avveckla")
    String retire(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        goals.retire(id, version);
        redirect.addFlashAttribute("notice", messages.text("object.saved"));
        return "redirect:/objekt/" + id;
    }

    @PostMapping("/objekt/{id}/ateraktivera")
    String reactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        goals.reactivate(id, version);
        redirect.addFlashAttribute("notice", messages.text("object.saved"));
        return "redirect:/objekt/" + id;
    }

    // ---- values, judgement, status

    /** One row of the values form; text so that "83,5" and typos are handled here. */
    public static class ValueRow {
        private String year;
        private String outcome;
        private String target;

        public ValueRow() {
        }

        ValueRow(String year, String outcome, String target) {
            this.year = year;
            this.outcome = outcome;
            this.target = target;
        }

        public String getYear() { return year; }
        public void setYear(String year) { this.year = year; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public String getTarget() { return target; }
        public void setTarget(String target) { this.target = target; }
        String year() { return year; }
        String outcome() { return outcome; }
        String target() { return target; }
    }

    public static class ValuesForm {
        private List<ValueRow> rows = new ArrayList<>();
        private int version;

        public List<ValueRow> getRows() { return rows; }
        public void setRows(List<ValueRow> rows) { this.rows = rows; }
        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
    }

    @GetMapping("/objekt/{id}/varden")
    String valuesForm(@PathVariable long id, Model model) {
        GoalObject o = goals.get(id);
        ValuesForm form = new ValuesForm();
        form.setVersion(o.version());
        for (MeasureValue v : goals.values(id)) {
            form.getRows().add(new ValueRow(Integer.toString(v.year()), sv.number(v.outcome(), 4), sv.number(v.target(), 4)));
        }
        return valuesPage(model, o, form, Map.of(), false);
    }

    @PostMapping("/objekt/{id}/varden")
    String saveValues(@PathVariable long id, @ModelAttribute("form") ValuesForm form, Model model,
                      RedirectAttributes redirect) {
        GoalObject o = goals.get(id);
        List<Integer> rowOfValue = new ArrayList<>();
        try {
            goals.setValues(id, form.getVersion(), parseRows(form.getRows(), rowOfValue));
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/objekt/" + id;
        } catch (ValidationException e) {
            // The service numbers the values it was given; the form numbers its rows, blank ones included.
            Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
            messages.byField(e).forEach((field, texts) -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("values\\[(\\d+)](.*)").matcher(field);
                errors.put(m.matches() ? "rows[" + rowOfValue.get(Integer.parseInt(m.group(1))) + "]" + m.group(2) : field, texts);
            });
            return valuesPage(model, o, form, errors, false);
        } catch (ConflictException e) {
            return valuesPage(model, o, form, Map.of(), true);
        }
    }

    private String valuesPage(Model model, GoalObject o, ValuesForm form, Map<String, List<String>> errors, boolean conflict) {
        access.require(Access.Action.ENTER_VALUES, o.ownerUnitId());
        List<ValueRow> rows = new ArrayList<>(form.getRows().stream()
                .map(r -> r == null ? new ValueRow("", "", "") : r).toList());
        if (errors.isEmpty() && !conflict) {
            for (int i = 0; i < 3; i++) {
                rows.add(new ValueRow("", "", ""));
            }
        }
        form.setRows(rows);
        model.addAttribute("o", o);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("period", o.periodId() == null ? null : organisation.findPeriod(o.periodId()).orElse(null));
        se.styr.platform.PageStatus.rejected(errors, conflict);
        return "goals/values";
    }

    private static List<MeasureValue> parseRows(List<ValueRow> rows, List<Integer> rowOfValue) {
        se.styr.platform.Problems problems = new se.styr.platform.Problems();
        List<MeasureValue> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ValueRow r = rows.get(i);
            if (r == null || (blank(r.outcome()) && blank(r.target()))) {
                continue;
            }
            String field = "rows[" + i + "]";
            Integer year = null;
            BigDecimal outcome = null;
            BigDecimal target = null;
            try {
                year = Integer.valueOf(r.year().strip());
            } catch (RuntimeException e) {
                problems.add(field + ".year", "validering.heltal");
            }
            try {
                outcome = SwedishFormat.parse(r.outcome());
            } catch (NumberFormatException e) {
                problems.add(field + ".outcome", "validering.tal");
            }
            try {
                target = SwedishFormat.parse(r.target());
            } catch (NumberFormatException e) {
                problems.add(field + ".target", "validering.tal");
            }
            if (year != null) {
                values.add(new MeasureValue(year, outcome, target));
                rowOfValue.add(i);
            }
        }
        problems.throwIfAny();
        return values;
    }

    @PostMapping("/objekt/{id}/bedomning")
    String judge(@PathVariable long id, @RequestParam(name = "judgement", required = false) GoalState state,
                 @RequestParam(name = "judgementText", required = false) String text, @RequestParam int version,
                 RedirectAttributes redirect) {
        goals.judge(id, version, state, text);
        redirect.addFlashAttribute("notice", messages.text("object.saved"));
        return "redirect:/objekt/" + id;
    }

    @PostMapping("/objekt/{id}/status")
    String status(@PathVariable long id, @RequestParam AssignmentStatus status, @RequestParam int version,
                  RedirectAttributes redirect) {
        goals.setStatus(id, version, status);
        redirect.addFlashAttribute("notice", messages.text("object.saved"));
        return "redirect:/objekt/" + id;
    }

    // ---- helpers

    private List<GoalObject> moveTargets(GoalObject o) {
        if (!goals.mayEditStructure(o) || o.retired()) {
            return List.of();
        }
        return chain.parentCandidates(chain.context(), o.kind(), o.ownerUnitId(), o.periodId(), null).stream()
                .filter(p -> !p.id().equals(o.id()) && !p.id().equals(o.parentId())
                        && java.util.Objects.equals(p.periodId(), o.periodId()))
                .toList();
    }

    private String ruleText(GoalViews.Details d) {
        Assessment.Evaluation e = d.node().headline();
        if (e == null) {
            return null;
        }
        if (e.byOtherRule()) {
            return messages.text("object.ruleOther", e.judgedBy().rule(), e.judgedBy().explanation());
        }
        if (e.signal() == Signal.INGET_VARDE) {
            return messages.text("object.ruleNoValue", messages.text(e.outcome() == null ? "object.ruleMissingOutcome" : "object.ruleMissingTarget"));
        }
        GoalObject o = d.object();
        return messages.text("object.ruleText", yearText(e.outcomeYear()), sv.number(e.outcome()), yearText(e.targetYear()), sv.number(e.target()),
                messages.text("direction." + o.direction().name()),
                e.baseline() == null ? "–" : sv.number(e.baseline()), sv.number(d.tolerance()), sv.number(e.nearLimit(), 2));
    }

    private static String yearText(Integer year) {
        return year == null ? "–" : GoalRules.year(year);
    }

    private long kfId() {
        return chain.context().top();
    }

    /**
     * The units the owner is chosen among: not the whole municipality, but the units of the chosen owner's body (or
     * the bodies, when the kind is owned by bodies or no owner is chosen yet), of the types the kind allows, that the
     * person may change; the chosen owner is always among them.
     */
    private List<OrgUnit> owners(ChainReader.Context c, List<OrgUnit> bodies, Kind kind, Long ownerId) {
        if (kind == null) {
            return List.of();
        }
        boolean bodiesOnly = java.util.Arrays.stream(se.styr.organisation.OrgUnitType.values())
                .filter(kind::allowsOwner).allMatch(se.styr.organisation.OrgUnitType::isBody);
        List<OrgUnit> candidates = bodies;
        if (ownerId != null && !bodiesOnly) {
            List<OrgUnit> body = chain.bodyAndAbove(ownerId);
            if (!body.isEmpty() && body.get(0).id() != c.top()) {
                candidates = chain.unitsOf(body.get(0).id());
            }
        }
        return candidates.stream()
                .filter(u -> u.municipalityId() == c.municipalityId())
                .filter(u -> u.id() == (ownerId == null ? -1 : ownerId)
                        || (u.active() && kind.allowsOwner(u.type()) && access.may(Access.Action.EDIT_STRUCTURE, u.id())))
                .toList();
    }

    /** The form as an object; unreadable input and the rules' findings are reported together. */
    private GoalObject read(GoalForm form, BindingResult binding, Long id, GoalObject current) {
        se.styr.platform.Problems input = new se.styr.platform.Problems();
        binding.getFieldErrors().forEach(f -> input.add(f.getField(), "validering.val"));
        if (form.getKind() == null) {
            input.add("kind", "validering.val").throwIfAny();
        }
        GoalObject o = form.toObject(id, access.municipalityId(), current, input);
        if (!input.isEmpty()) {
            input.addAll(goals.problemsOf(o)).throwIfAny();
        }
        return o;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
