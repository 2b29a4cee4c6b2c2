package se.styr.proposals;

import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetService;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.PageStatus;
import se.styr.platform.Pdf;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/** The party groups' proposal pages (signed in), the comparison with its PDF, and the public pages of published versions. */
@Controller
class ProposalController {

    private final ProposalService proposals;
    private final ProposalComparisons comparisons;
    private final BudgetService budgets;
    private final Messages messages;
    private final SwedishFormat sv;
    private final ITemplateEngine templates;
    private final Pdf pdf;
    private final org.springframework.context.ApplicationContext application;

    ProposalController(ProposalService proposals, ProposalComparisons comparisons, BudgetService budgets, Messages messages, SwedishFormat sv, ITemplateEngine templates, Pdf pdf,
                       org.springframework.context.ApplicationContext application) {
        this.application = application;
        this.proposals = proposals;
        this.comparisons = comparisons;
        this.budgets = budgets;
        this.messages = messages;
        this.sv = sv;
        this.templates = templates;
        this.pdf = pdf;
    }

    @GetMapping("/forslag")
    String index(Model model) {
        model.addAttribute("proposals", proposals.visible());
        model.addAttribute("groups", proposals.ownGroups());
        model.addAttribute("bases", proposals.bases());
        return "proposals/index";
    }

    @GetMapping("/forslag/nytt")
    String create(@RequestParam long budget, @RequestParam long parti, Model model) {
        Proposal empty = proposals.empty(budget, parti);
        return editor(empty, ProposalForm.of(empty, sv), Map.of(), null, model);
    }

    @PostMapping("/forslag")
    String add(@RequestParam Map<String, String> form, @RequestParam(name = "jamfor", required = false) List<Long> others, Model model,
               RedirectAttributes redirect) {
        Problems input = new Problems();
        Long budget = FormInput.whole(form.get("budgetId"), "budgetId", input);
        Long party = FormInput.whole(form.get("partyUnitId"), "partyUnitId", input);
        input.check(budget != null && party != null, "budgetId", "proposals.error.form").throwIfAny();
        proposals.requireMayPropose(party);
        Proposal typed = ProposalForm.read(form, budget, party, input);
        if (ProposalForm.asksForRow(form)) {
            return withNewRow(typed, form, others, model);
        }
        try {
            input.addAll(proposals.problems(typed)).throwIfAny();
            long id = proposals.create(typed);
            redirect.addFlashAttribute("notice", messages.text("proposals.saved"));
            return "redirect:/forslag/" + id;
        } catch (ValidationException e) {
            return editor(typed, form, messages.byField(e), null, model);
        }
    }

    @GetMapping("/forslag/{id}")
    String proposal(@PathVariable long id, Model model) {
        Proposal p = proposals.proposal(id);
        return editor(p, ProposalForm.of(p, sv), Map.of(), null, model);
    }

    @PostMapping("/forslag/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(name = "jamfor", required = false) List<Long> others,
                Model model, RedirectAttributes redirect) {
        Proposal p = proposals.proposal(id);
        if (ProposalForm.asksForRow(form)) {
            return withNewRow(p, form, others, model);
        }
        Problems input = new Problems();
        proposals.requireMayPropose(p.partyUnitId());
        Proposal typed = ProposalForm.read(form, p.budgetId(), p.partyUnitId(), input);
        try {
            input.addAll(proposals.problems(typed)).throwIfAny();
            long saved = proposals.save(id, FormInput.version(form), typed);
            redirect.addFlashAttribute("notice", messages.text(saved == id ? "proposals.saved" : "proposals.newVersion"));
            return "redirect:/forslag/" + saved;
        } catch (ValidationException e) {
            return editor(p, form, messages.byField(e), null, model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            PageStatus.set(409);
            return editor(p, form, Map.of(), null, model);
        }
    }

    /**
     * The editor's live result: the typed proposal computed without saving, beside the majority's budget and the
     * proposals chosen to compare with (htmx swaps it in as numbers change).
     */
    @PostMapping("/forslag/forhandsgranska")
    String preview(@RequestParam Map<String, String> form, @RequestParam(name = "jamfor", required = false) List<Long> others, Model model) {
        Problems input = new Problems();
        Long budget = FormInput.whole(form.get("budgetId"), "budgetId", input);
        Long party = FormInput.whole(form.get("partyUnitId"), "partyUnitId", input);
        Long id = FormInput.whole(form.getOrDefault("id", "0"), "id", input);
        input.check(budget != null && party != null, "budgetId", "proposals.error.form");
        try {
            input.throwIfAny();
            Proposal typed = ProposalForm.read(form, budget, party, input).withId(id == null ? 0 : id);
            input.addAll(proposals.problems(typed)).throwIfAny();
            ProposalComparison c = comparisons.compareTyped(typed, others == null ? List.of() : others);
            model.addAttribute("v", c.proposals().get(0));
            model.addAttribute("c", c);
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            PageStatus.set(400);
        }
        return "proposals/parts :: preview";
    }

    @PostMapping("/forslag/{id}/publicera")
    String publish(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        proposals.publish(id, FormInput.version(form));
        redirect.addFlashAttribute("notice", messages.text("proposals.publishedNotice"));
        return "redirect:/forslag/" + id;
    }

    /** The editor again as typed, with one more empty goal or indicator row and nothing saved (the goals' add buttons). */
    private String withNewRow(Proposal p, Map<String, String> typed, List<Long> others, Model model) {
        Map<String, String> form = new java.util.LinkedHashMap<>(typed);
        model.addAttribute("focus", ProposalForm.addRow(form));
        Problems input = new Problems();
        Proposal asTyped = ProposalForm.read(form, p.budgetId(), p.partyUnitId(), input).withId(p.id());
        ProposalComparison c = null;
        try {
            input.addAll(proposals.problems(asTyped)).throwIfAny();
            c = comparisons.compareTyped(asTyped, others == null ? List.of() : others);
        } catch (ValidationException e) {
            // the result shows what is saved until the typed proposal is valid again
        }
        return editor(p, form, Map.of(), c, model);
    }

    /**
     * The editor page. {@code c} is the comparison to show (the typed proposal first); without one, a saved proposal is
     * shown as saved beside its base, unless the form has errors.
     */
    private String editor(Proposal p, Map<String, String> form, Map<String, List<String>> errors, ProposalComparison c, Model model) {
        Budget base = budgets.budget(p.budgetId());
        model.addAttribute("p", p);
        model.addAttribute("base", base);
        model.addAttribute("committees", budgets.data(base.id()).frames().stream().filter(l -> l.orgUnitId() != null).toList());
        model.addAttribute("mayEdit", proposals.mayEdit(p));
        model.addAttribute("form", form);
        model.addAttribute("rows", ProposalForm.rows(form));
        model.addAttribute("goalRows", ProposalForm.goalRows(form));
        model.addAttribute("errors", errors);
        if (c == null && errors.isEmpty() && p.id() != 0) {
            c = comparisons.compare(p.budgetId(), List.of(p.id()));
        }
        model.addAttribute("v", c == null ? null : c.proposals().get(0));
        model.addAttribute("c", c);
        model.addAttribute("compareWith", c == null ? List.of() : c.proposals().stream().skip(1).map(v -> v.proposal().id()).toList());
        model.addAttribute("others", proposals.visible().stream().filter(o -> o.budgetId() == p.budgetId() && o.id() != p.id()).toList());
        PageStatus.rejected(errors, false);
        return "proposals/proposal";
    }

    @GetMapping("/forslag/jamfor")
    String compare(@RequestParam(required = false) Long budget, @RequestParam(name = "id", required = false) List<Long> ids, Model model) {
        List<Long> selected = ids == null ? List.of() : ids;
        List<ProposalComparison> comparisons = this.comparisons.compareAll(budget, selected);
        if (comparisons.isEmpty()) {
            throw new NotFoundException("Budgeten", 0);
        }
        List<Proposal> visible = proposals.visible();
        Map<Budget, List<Proposal>> groups = new java.util.LinkedHashMap<>();
        for (Budget base : proposals.bases()) {
            List<Proposal> on = visible.stream().filter(p -> p.budgetId() == base.id()).toList();
            if (!on.isEmpty()) {
                groups.put(base, on);
            }
        }
        model.addAttribute("groups", groups);
        model.addAttribute("budget", budget);
        model.addAttribute("selected", selected);
        model.addAttribute("comparisons", comparisons);
        model.addAttribute("shown", comparisons.stream().mapToInt(c -> c.proposals().size()).sum());
        return "proposals/compare";
    }

    @GetMapping("/forslag/jamfor.pdf")
    ResponseEntity<byte[]> comparePdf(@RequestParam(required = false) Long budget, @RequestParam(name = "id", required = false) List<Long> ids) {
        List<ProposalComparison> comparisons = this.comparisons.compareAll(budget, ids == null ? List.of() : ids);
        if (comparisons.isEmpty()) {
            throw new NotFoundException("Budgeten", 0);
        }
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("comparisons", comparisons);
        // The comparison's fragments format with the @sv bean, as on the page.
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String bases = String.join(", ", comparisons.stream().map(c -> c.base().label()).toList());
        String title = messages.text("proposals.compare.pdfTitle", bases);
        context.setVariable("title", title);
        byte[] bytes = pdf.fromHtml(templates.process("proposals/compare-pdf", context), title);
        String name = ("jamforelse-" + bases).replaceAll("[^\\p{L}\\p{N}]+", "-") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/publicerat/forslag")
    String publicList(Model model) {
        model.addAttribute("views", proposals.allPublished());
        return "proposals/public-list";
    }

    @GetMapping("/publicerat/forslag/{id}")
    String publicPage(@PathVariable long id, Model model) {
        model.addAttribute("v", proposals.published(id).orElseThrow(() -> new NotFoundException("Förslaget", id)));
        return "proposals/public";
    }
}
