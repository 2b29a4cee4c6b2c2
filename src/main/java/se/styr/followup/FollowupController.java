package se.styr.followup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.Access;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalState;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Paging;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/** Follow-up rounds in the browser: the start page, opening a round, its progress, texts and sharing, and the report. */
@Controller
class FollowupController {

    private final FollowupService followup;
    private final RoundPages pages;
    private final RoundProgress progress;
    private final WorkPages work;
    private final ReportCompiler compiler;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final ForDecision forDecision;

    FollowupController(FollowupService followup, RoundPages pages, RoundProgress progress, WorkPages work,
                       ReportCompiler compiler, Organisation organisation, Access access, Messages messages,
                       ForDecision forDecision) {
        this.followup = followup;
        this.pages = pages;
        this.progress = progress;
        this.work = work;
        this.compiler = compiler;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
        this.forDecision = forDecision;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("start", work.start());
        return "followup/start";
    }

    /** Rounds shown per page of the list; a big city has a few hundred rounds a year. */
    static final int ROUNDS_PER_PAGE = 25;

    @GetMapping("/uppfoljning")
    String rounds(@RequestParam(name = "organ", required = false) Long body,
                  @RequestParam(name = "typ", required = false) RoundType type,
                  @RequestParam(name = "ar", required = false) Integer year,
                  @RequestParam(name = "status", required = false) RoundState state,
                  @RequestParam(name = "sida", required = false) String page, Model model) {
        Problems.when(year != null && (year < 1990 || year > 2100), "ar", "validering.ar.utanfor", "1990", "2100");
        Paging paging = new Paging(Paging.parse(page, null).page(), ROUNDS_PER_PAGE);
        List<OrgUnit> bodies = organisation.bodies(access.municipalityId());
        model.addAttribute("rounds", work.rounds(new RoundFilter(body, type, null, year, state, null), paging));
        model.addAttribute("bodies", bodies);
        model.addAttribute("types", RoundType.values());
        model.addAttribute("states", RoundState.values());
        model.addAttribute("organ", body);
        model.addAttribute("typ", type);
        model.addAttribute("ar", year);
        model.addAttribute("status", state);
        model.addAttribute("mayOpen", bodies.stream().anyMatch(b -> access.may(Access.Action.MANAGE_ROUNDS, b.id())));
        return "followup/rounds";
    }

    // ---- opening a round

    @GetMapping("/uppfoljning/ny")
    String newRound(Model model) {
        return roundForm(model, Map.of("type", RoundType.DELARSBOKSLUT.name()), Map.of());
    }

    @PostMapping("/uppfoljning")
    String open(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Long bodyUnitId = parseLong(form.get("bodyUnitId"));
        if (bodyUnitId != null) {
            access.require(Access.Action.MANAGE_ROUNDS, bodyUnitId);
        }
        Problems input = new Problems();
        FollowupService.OpenRound in = new FollowupService.OpenRound(bodyUnitId,
                FormInput.choice(RoundType.class, form.get("type"), "type", input), form.get("name"),
                FormInput.date(form.get("asOf"), "asOf", input), FormInput.date(form.get("opensOn"), "opensOn", input),
                FormInput.date(form.get("unitDeadline"), "unitDeadline", input), FormInput.date(form.get("departmentDeadline"), "departmentDeadline", input));
        try {
            input.throwIfAny();
            Round round = followup.open(in);
            redirect.addFlashAttribute("notice", messages.text("uppf.oppnad"));
            return "redirect:/uppfoljning/" + round.id();
        } catch (ValidationException e) {
            return roundForm(model, form, messages.byField(e));
        }
    }

    private String roundForm(Model model, Map<String, String> form, Map<String, List<String>> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bodies", organisation.bodies(access.municipalityId()).stream()
                .filter(b -> b.type() == OrgUnitType.NAMND || b.type() == OrgUnitType.KOMMUNSTYRELSE)
                .filter(b -> access.may(Access.Action.MANAGE_ROUNDS, b.id())).toList());
        model.addAttribute("types", RoundType.values());
        PageStatus.rejected(errors, false);
        return "followup/round-form";
    }

    // ---- a round

    @GetMapping("/uppfoljning/{id}")
    String round(@PathVariable long id, @RequestParam(name = "enhet", required = false) String search, Model model) {
        FollowupViews.RoundPage page = progress.page(id, search);
        model.addAttribute("o", page);
        model.addAttribute("mayManage", followup.mayManage(page.round()));
        return "followup/round";
    }

    /** A department's progress with the rows of its units: the page without JavaScript. */
    @GetMapping("/uppfoljning/{id}/avdelning/{unitId}")
    String branch(@PathVariable long id, @PathVariable long unitId, Model model) {
        RoundProgress.BranchPage page = progress.branch(id, unitId, true);
        model.addAttribute("p", page);
        model.addAttribute("branches", List.of(page.branch()));
        return "followup/branch";
    }

    /** The same department opened or closed in place on the round's page (htmx). */
    @GetMapping("/uppfoljning/{id}/avdelning/{unitId}/rader")
    String branchRows(@PathVariable long id, @PathVariable long unitId,
                      @RequestParam(name = "oppen", defaultValue = "true") boolean open, Model model) {
        model.addAttribute("b", progress.branch(id, unitId, open).branch());
        model.addAttribute("roundId", id);
        return "followup/progress :: branch(b=${b},roundId=${roundId})";
    }

    @GetMapping("/uppfoljning/{id}/texter")
    String textsForm(@PathVariable long id, Model model) {
        Round round = followup.round(id);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        return textsPage(model, round, round.summary(), followup.instructions(round), Map.of(), false);
    }

    @PostMapping("/uppfoljning/{id}/texter")
    String saveTexts(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, @RequestParam int version,
                     Model model, RedirectAttributes redirect) {
        Round round = followup.round(id);
        Map<Part, String> instructions = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            instructions.put(part, form.getFirst("instruction_" + part));
        }
        try {
            followup.saveTexts(id, version, form.getFirst("summary"), instructions);
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/uppfoljning/" + id;
        } catch (ValidationException e) {
            return textsPage(model, round, form.getFirst("summary"), instructions, messages.byField(e), false);
        } catch (ConflictException e) {
            return textsPage(model, round, form.getFirst("summary"), instructions, Map.of(), true);
        }
    }

    private String textsPage(Model model, Round round, String summary, Map<Part, String> instructions,
                             Map<String, List<String>> errors, boolean conflict) {
        model.addAttribute("round", round);
        model.addAttribute("summary", summary);
        model.addAttribute("instructions", instructions);
        model.addAttribute("parts", Part.values());
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "followup/texts";
    }

    @GetMapping("/uppfoljning/{id}/delning/{objectId}")
    String sharingForm(@PathVariable long id, @PathVariable long objectId, Model model) {
        return sharingPage(model, id, objectId, null, Map.of(), false);
    }

    @PostMapping("/uppfoljning/{id}/delning/{objectId}")
    String share(@PathVariable long id, @PathVariable long objectId,
                 @RequestParam(name = "included", defaultValue = "false") boolean included,
                 @RequestParam(name = "units", required = false) List<Long> units, @RequestParam int version,
                 Model model, RedirectAttributes redirect) {
        Set<Long> chosen = units == null ? Set.of() : new LinkedHashSet<>(units);
        try {
            followup.share(id, objectId, included, chosen, version);
            redirect.addFlashAttribute("notice", messages.text("object.saved"));
            return "redirect:/uppfoljning/" + id;
        } catch (ValidationException e) {
            return sharingPage(model, id, objectId, chosen, messages.byField(e), false);
        } catch (ConflictException e) {
            return sharingPage(model, id, objectId, chosen, Map.of(), true);
        }
    }

    private String sharingPage(Model model, long id, long objectId, Set<Long> chosen, Map<String, List<String>> errors,
                               boolean conflict) {
        Round round = followup.round(id);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        FollowupViews.SharingPage page = pages.sharing(id, objectId);
        model.addAttribute("round", round);
        model.addAttribute("page", page);
        model.addAttribute("chosen", chosen != null ? chosen : page.sharedTo());
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        PageStatus.rejected(errors, conflict);
        return "followup/sharing";
    }

    // ---- the committee's report

    @GetMapping("/uppfoljning/{id}/rapport")
    String report(@PathVariable long id, Model model) {
        ReportCompiler.Draft draft = compiler.draft(id);
        Round round = draft.report().round();
        model.addAttribute("round", round);
        model.addAttribute("reportTitle", draft.report().title());
        model.addAttribute("article", draft.article());
        model.addAttribute("version", null);
        model.addAttribute("versions", followup.versions(id));
        model.addAttribute("mayManage", followup.mayManage(round));
        model.addAttribute("unapproved", work.progress(round));
        model.addAttribute("readyForDecision", forDecision.readyAt(id));
        return "followup/report";
    }

    @GetMapping("/uppfoljning/{id}/rapport.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        byte[] bytes = compiler.draftPdf(id);
        return pdf(bytes, followup.round(id), "utkast");
    }

    @GetMapping("/uppfoljning/{id}/rapport/version/{number}")
    String version(@PathVariable long id, @PathVariable int number, Model model) {
        Round round = followup.round(id);
        model.addAttribute("round", round);
        model.addAttribute("reportTitle", round.name());
        model.addAttribute("article", followup.versionHtml(id, number));
        model.addAttribute("version", followup.versions(id).stream().filter(v -> v.number() == number).findFirst().orElseThrow());
        model.addAttribute("versions", followup.versions(id));
        model.addAttribute("mayManage", false);
        return "followup/report";
    }

    @GetMapping("/uppfoljning/{id}/rapport/version/{number}.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable long id, @PathVariable int number) {
        Round round = followup.round(id);
        return pdf(compiler.versionPdf(round, number, () -> followup.versionHtml(id, number)), round, "version-" + number);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, Round round, String suffix) {
        String name = (round.name() + "-" + suffix).replaceAll("[^\\p{L}\\p{N}]+", "-") + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @PostMapping("/uppfoljning/{id}/beslut")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        access.require(Access.Action.MANAGE_ROUNDS, followup.round(id).bodyUnitId());
        Problems input = new Problems();
        LocalDate decidedOn = FormInput.date(form.get("decidedOn"), "decidedOn", input);
        try {
            input.throwIfAny();
            FollowupService.Decision decision = new FollowupService.Decision(decidedOn, form.get("decisionRef"),
                    form.get("note"), "true".equals(form.get("confirmUnapproved")));
            followup.decide(id, parseInt(form.get("version")), decision, decided -> compiler.decidedArticle(decided, decision));
            redirect.addFlashAttribute("notice", messages.text("uppf.beslutad"));
            return "redirect:/uppfoljning/" + id + "/rapport";
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            model.addAttribute("form", form);
            return report(id, withStatus(model, 400));
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return report(id, withStatus(model, 409));
        }
    }

    /** The compiled report goes to the committee as a case; its decision then comes from the approved minutes. */
    @PostMapping("/uppfoljning/{id}/klar-for-beslut")
    String readyForDecision(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            forDecision.markReady(id, parseInt(form.get("version")));
            redirect.addFlashAttribute("notice", messages.text("uppf.klarForBeslut.klar"));
            return "redirect:/uppfoljning/" + id + "/rapport";
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            return report(id, withStatus(model, 400));
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return report(id, withStatus(model, 409));
        }
    }

    @PostMapping("/uppfoljning/{id}/rattelse")
    String reopen(@PathVariable long id, @RequestParam int version,
                  @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            followup.reopen(id, version, reason);
            redirect.addFlashAttribute("notice", messages.text("uppf.oppnadForRattelse"));
            return "redirect:/uppfoljning/" + id + "/rapport";
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            return report(id, withStatus(model, 400));
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return report(id, withStatus(model, 409));
        }
    }

    private static Model withStatus(Model model, int status) {
        PageStatus.set(status);
        return model;
    }

    // ---- reading form input (also for ReportingController)

    static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int parseInt(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
