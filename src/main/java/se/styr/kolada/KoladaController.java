package se.styr.kolada;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.platform.SearchWords;

/** Kolada in the browser: the KPI search and the imports ({@code /kolada}), and the section of a linked object's page. */
@Controller
class KoladaController {

    private final KoladaImports imports;
    private final KoladaStore store;
    private final KoladaComparison comparison;
    private final GoalService goals;
    private final Access access;
    private final se.styr.platform.Messages messages;

    KoladaController(KoladaImports imports, KoladaStore store, KoladaComparison comparison, GoalService goals, Access access,
                     se.styr.platform.Messages messages) {
        this.messages = messages;
        this.imports = imports;
        this.store = store;
        this.comparison = comparison;
        this.goals = goals;
        this.access = access;
    }

    @GetMapping("/kolada")
    String page(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", search(q));
        model.addAttribute("kpiCount", store.kpiCount());
        model.addAttribute("areas", store.areas(access.municipalityId()));
        model.addAttribute("runs", store.runs(access.municipalityId(), 10));
        model.addAttribute("mayImport", access.may(Access.Action.ADMINISTER, null));
        model.addAttribute("mayChooseAreas", access.may(Access.Action.ADMINISTER, null));
        model.addAttribute("linked", goals.linkedToKolada(access.municipalityId()));
        return "kolada/page";
    }

    private List<KoladaStore.StoredKpi> search(String q) {
        return q == null || q.isBlank() ? List.of() : store.search(SearchWords.of(q), 50);
    }

    /** The runs' list alone, which the page fetches again while a run is going: its progress, page by page. */
    @GetMapping("/kolada/korningar")
    String runs(Model model) {
        model.addAttribute("runs", store.runs(access.municipalityId(), 10));
        return "kolada/page :: runs";
    }

    @PostMapping("/kolada/nyckeltal/hamta")
    String fetchKpis(RedirectAttributes redirect) {
        access.require(Access.Action.ADMINISTER, null);
        return outcome(redirect, "/kolada", () -> imports.kpisFromKolada(null));
    }

    @PostMapping("/kolada/nyckeltal/fil")
    String kpiFile(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        access.require(Access.Action.ADMINISTER, null);
        return outcome(redirect, "/kolada", () -> imports.kpisFromFile(read(file), name(file)));
    }

    @PostMapping("/kolada/varden/hamta")
    String fetchValues(RedirectAttributes redirect) {
        access.require(Access.Action.ADMINISTER, null);
        return outcome(redirect, "/kolada", () -> imports.valuesFromKolada(access.municipalityId()));
    }

    @PostMapping("/kolada/varden/fil")
    String valueFile(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        access.require(Access.Action.ADMINISTER, null);
        return outcome(redirect, "/kolada", () -> imports.valuesFromFile(access.municipalityId(), read(file), name(file)));
    }

    /** The Kolada section of an object's page (a fragment the page loads). */
    @GetMapping("/kolada/objekt/{id}")
    String section(@PathVariable long id, @RequestParam(required = false) String q, Model model,
                   org.springframework.security.web.csrf.CsrfToken csrf) {
        csrf.getToken(); // the fragment's forms need the token: make it (and its session) before the answer starts
        GoalObject o = goals.get(id);
        model.addAttribute("o", o);
        model.addAttribute("view", o.koladaId() == null ? null : comparison.of(o, goals.values(id)));
        model.addAttribute("q", q);
        model.addAttribute("hits", search(q));
        model.addAttribute("mayEdit", goals.mayEditStructure(o));
        model.addAttribute("rules", GuidelineRule.values());
        // a figure not linked to Kolada may still be judged by the rules that need no Kolada value
        model.addAttribute("unlinkedRule", o.koladaId() == null ? store.rule(id).orElse(null) : null);
        model.addAttribute("unlinkedRules", List.of(GuidelineRule.STYR, GuidelineRule.ANDEL_AV_MAL, GuidelineRule.ANTAL));
        return "kolada/section :: section";
    }

    @PostMapping("/kolada/objekt/{id}/koppla")
    String link(@PathVariable long id, @RequestParam(required = false) String kpi, @RequestParam int version,
                RedirectAttributes redirect) {
        String value = kpi == null || kpi.isBlank() ? null : kpi.strip().toUpperCase(java.util.Locale.ROOT);
        goals.linkKolada(id, version, value);
        redirect.addFlashAttribute("notice", value == null ? messages.text("kolada.unlinked")
                : messages.text("kolada.linked", value));
        return "redirect:/objekt/" + id;
    }

    @PostMapping("/kolada/objekt/{id}/regel")
    String rule(@PathVariable long id, @RequestParam GuidelineRule rule, @RequestParam(defaultValue = "false") boolean smallUnit,
                @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        GoalObject o = goals.get(id);
        access.require(Access.Action.EDIT_STRUCTURE, o.ownerUnitId());
        imports.saveRule(o, rule, smallUnit, version);
        redirect.addFlashAttribute("notice", messages.text("kolada.ruleSaved"));
        return "redirect:/objekt/" + id;
    }

    private String outcome(RedirectAttributes redirect, String target, java.util.function.Supplier<KoladaImports.Result> work) {
        try {
            redirect.addFlashAttribute("notice", work.get().message());
        } catch (KoladaException e) {
            redirect.addFlashAttribute("error", e.in(messages).getMessage());
        }
        return "redirect:" + target;
    }

    private static String read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new KoladaException("kolada.file.choose");
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KoladaException(e, "kolada.file.unreadable");
        }
    }

    private String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? messages.text("kolada.file.defaultName") : file.getOriginalFilename();
    }
}
