package se.styr.economy.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.economy.AccountGroup;
import se.styr.economy.followup.ForecastCalculator.InvestmentFigures;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** The economic follow-up pages: the overview per month, a committee's report and its volumes. */
@Controller
class EconomicFollowupController {

    private static final Pattern INVESTMENT_FIELD = Pattern.compile("L(\\d+)_(PROGNOS|UTFALL|UTFALL_FG)");
    private static final Pattern STAMP = Pattern.compile("(\\d{4})\\.(\\d{1,2})");
    private static final int MAX_ROWS = 500;

    private final EconomicFollowupService followup;
    private final EconomicFollowupEditing editing;
    private final Volumes volumes;
    private final Messages messages;

    EconomicFollowupController(EconomicFollowupService followup, EconomicFollowupEditing editing, Volumes volumes,
                               Messages messages) {
        this.followup = followup;
        this.editing = editing;
        this.volumes = volumes;
        this.messages = messages;
    }

    // ---- the overview

    @GetMapping("/ekonomi/uppfoljning")
    String overview(@RequestParam(name = "ar", required = false) Integer year,
                    @RequestParam(name = "manad", required = false) Integer month, Model model) {
        int[] latest = followup.latestMonth().orElseGet(() -> {
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
            return new int[] {today.getYear(), today.getMonthValue()};
        });
        int y = year != null && year >= 1990 && year <= 2100 ? year : latest[0];
        int m = month != null && month >= 1 && month <= 12 ? month : latest[1];
        model.addAttribute("o", followup.overview(y, m));
        model.addAttribute("monthName", followup.monthName(m));
        model.addAttribute("months", months());
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(y - 3, y + 2).boxed().toList());
        return "economy/followup";
    }

    // ---- a committee's report

    @GetMapping("/ekonomi/uppfoljning/{unitId}/{year}/{month}")
    String report(@PathVariable long unitId, @PathVariable int year, @PathVariable int month, Model model) {
        return reportPage(unitId, year, month, null, null, model);
    }

    @PostMapping("/ekonomi/uppfoljning/{unitId}/{year}/{month}")
    String create(@PathVariable long unitId, @PathVariable int year, @PathVariable int month,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        followup.committee(unitId);
        followup.requireMayEdit(unitId);
        Problems input = new Problems();
        EconomicFollowupType type = FormInput.choice(EconomicFollowupType.class, form.get("type"), "type", input);
        try {
            input.throwIfAny();
            editing.create(unitId, year, month, type);
            redirect.addFlashAttribute("notice", messages.text("ekuppf.report.created"));
            return "redirect:" + path(unitId, year, month);
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            model.addAttribute("values", form);
            return reportPage(unitId, year, month, null, null, model);
        }
    }

    @PostMapping("/ekonomi/uppfoljning/rapport/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        EconomicFollowupReport current = followup.report(id);
        followup.requireMayEdit(current.orgUnitId());
        boolean submit = "lamna-in".equals(form.get("action"));
        Problems input = new Problems();
        ReportInput in = parse(form, input);
        try {
            input.throwIfAny();
            editing.save(id, FormInput.version(form), in, submit);
            redirect.addFlashAttribute("notice", messages.text(submit ? "ekuppf.report.submittedNotice" : "ekuppf.report.saved"));
            return "redirect:" + path(current.orgUnitId(), current.year(), current.month());
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            model.addAttribute("values", form);
            EconomicFollowupReport preview = input.isEmpty() ? followup.preview(id, in) : null;
            return reportPage(current.orgUnitId(), current.year(), current.month(), preview, null, model);
        } catch (ConflictException e) {
            return reportPage(current.orgUnitId(), current.year(), current.month(), null, true, model);
        }
    }

    @PostMapping("/ekonomi/uppfoljning/rapport/{id}/oppna")
    String reopen(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        EconomicFollowupReport current = followup.report(id);
        followup.requireMayEdit(current.orgUnitId());
        try {
            editing.reopen(id, FormInput.version(form));
            redirect.addFlashAttribute("notice", messages.text("ekuppf.report.reopened"));
            return "redirect:" + path(current.orgUnitId(), current.year(), current.month());
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            return reportPage(current.orgUnitId(), current.year(), current.month(), null, null, model);
        } catch (ConflictException e) {
            return reportPage(current.orgUnitId(), current.year(), current.month(), null, true, model);
        }
    }

    private String reportPage(long unitId, int year, int month, EconomicFollowupReport preview, Boolean conflict, Model model) {
        OrgUnit committee = followup.committee(unitId);
        if (month < 1 || month > 12) {
            throw new se.styr.platform.NotFoundException("Månaden", month);
        }
        EconomicFollowupReport stored = followup.report(unitId, year, month).orElse(null);
        boolean mayEdit = followup.mayEdit(unitId);
        boolean editable = stored != null && mayEdit && !stored.submitted();
        EconomicFollowupReport r = stored == null ? null : !editable ? stored : preview != null ? preview : followup.form(stored.id());
        List<EconomicFollowupReport> reports = followup.reports(unitId, year);
        model.addAttribute("committee", committee);
        model.addAttribute("year", year);
        model.addAttribute("month", month);
        model.addAttribute("monthName", followup.monthName(month));
        model.addAttribute("r", r);
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("editable", editable);
        model.addAttribute("reports", reports);
        model.addAttribute("comparisons", reports.stream().filter(o -> o.month() < month).toList());
        model.addAttribute("types", EconomicFollowupType.values());
        model.addAttribute("conflict", conflict != null && conflict);
        if (r != null) {
            model.addAttribute("operatingFields", operatingFields(r));
            model.addAttribute("investmentFields", investmentFields(r));
        }
        PageStatus.rejected(errors(model), conflict != null && conflict);
        return "economy/followup-report";
    }

    /** The cells of the operating table a controller types: budget and forecast, and the outcome where it is typed. */
    private static Set<String> operatingFields(EconomicFollowupReport r) {
        Set<String> fields = new LinkedHashSet<>();
        for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
            fields.add(g.name() + "_" + ForecastCalculator.BUDGET);
            fields.add(g.name() + "_" + ForecastCalculator.FORECAST);
        }
        fields.add(AccountGroup.FINANSNETTO.name() + "_" + ForecastCalculator.FORECAST);
        if (r.operatingColumns().contains(ForecastCalculator.OUTCOME) && r.outcomeSource() != EconomicFollowupReport.OutcomeSource.UNITS) {
            AccountGroup.typed().forEach(g -> fields.add(g.name() + "_" + ForecastCalculator.OUTCOME));
        }
        return fields;
    }

    private static Set<String> investmentFields(EconomicFollowupReport r) {
        Set<String> fields = new LinkedHashSet<>();
        if (r.investments() != null) {
            r.investments().rows().stream().filter(row -> !row.derived()).forEach(row -> {
                fields.add(row.key() + "_" + ForecastCalculator.FORECAST);
                fields.add(row.key() + "_" + ForecastCalculator.OUTCOME);
                fields.add(row.key() + "_" + ForecastCalculator.OUTCOME_LAST_YEAR);
            });
        }
        return fields;
    }

    /** Reads the form: amounts in tkr to whole kronor; fields that are not posted are left as they are. */
    private static ReportInput parse(Map<String, String> form, Problems p) {
        Problems.when(form.size() > MAX_ROWS, "version", "validering.rader", MAX_ROWS);
        Map<AccountGroup, Long> budget = new EnumMap<>(AccountGroup.class);
        Map<AccountGroup, Long> forecast = new EnumMap<>(AccountGroup.class);
        Map<AccountGroup, Long> outcome = new EnumMap<>(AccountGroup.class);
        Map<AccountGroup, String> explanations = new EnumMap<>(AccountGroup.class);
        for (AccountGroup g : AccountGroup.typed()) {
            read(form, g.name() + "_" + ForecastCalculator.BUDGET, p, budget, g);
            read(form, g.name() + "_" + ForecastCalculator.FORECAST, p, forecast, g);
            read(form, g.name() + "_" + ForecastCalculator.OUTCOME, p, outcome, g);
            if (form.containsKey("explanation_" + g.name())) {
                explanations.put(g, form.get("explanation_" + g.name()));
            }
        }
        Map<Long, Long[]> lines = new HashMap<>();
        form.forEach((name, text) -> {
            Matcher m = INVESTMENT_FIELD.matcher(name);
            Long line = m.matches() ? FormInput.whole(m.group(1), name, p) : null;
            if (line != null) {
                Long[] figures = lines.computeIfAbsent(line, k -> new Long[3]);
                int column = switch (m.group(2)) {
                    case "PROGNOS" -> 0;
                    case "UTFALL" -> 1;
                    default -> 2;
                };
                figures[column] = FormInput.tkr(text, name, p);
            }
        });
        Map<Long, InvestmentFigures> investments = new HashMap<>();
        lines.forEach((line, f) -> investments.put(line, new InvestmentFigures(f[0], f[1], f[2])));
        Long compareWith = FormInput.whole(form.get("compareWithId"), "compareWithId", p);
        return new ReportInput(FormInput.choice(EconomicFollowupType.class, form.get("type"), "type", p), compareWith,
                form.get("summary"), budget, forecast, outcome, explanations, investments, form.get("actionPlan"),
                FormInput.date(form.get("actionPlanDecidedOn"), "actionPlanDecidedOn", p), form.get("actionPlanReference"));
    }

    private static void read(Map<String, String> form, String field, Problems p, Map<AccountGroup, Long> into, AccountGroup g) {
        if (form.containsKey(field)) {
            into.put(g, FormInput.tkr(form.get(field), field, p));
        }
    }

    static String path(long unitId, int year, int month) {
        return "/ekonomi/uppfoljning/" + unitId + "/" + year + "/" + month;
    }

    private List<Map.Entry<Integer, String>> months() {
        List<Map.Entry<Integer, String>> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(Map.entry(m, followup.monthName(m)));
        }
        return months;
    }

    // ---- volumes

    @GetMapping("/ekonomi/uppfoljning/{unitId}/volymer")
    String volumes(@PathVariable long unitId, Model model) {
        OrgUnit committee = followup.committee(unitId);
        model.addAttribute("committee", committee);
        model.addAttribute("tables", followup.volumes(unitId));
        model.addAttribute("measures", volumes.measures(unitId));
        model.addAttribute("mayEdit", followup.mayEdit(unitId));
        PageStatus.rejected(errors(model), Boolean.TRUE.equals(model.getAttribute("conflict")));
        return "economy/followup-volumes";
    }

    @PostMapping("/ekonomi/uppfoljning/{unitId}/volymer")
    String saveVolumes(@PathVariable long unitId, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        OrgUnit committee = followup.committee(unitId);
        followup.requireMayEdit(unitId);
        Problems p = new Problems();
        Problems.when(form.size() > MAX_ROWS, "stamp", "validering.rader", MAX_ROWS);
        Matcher stamp = STAMP.matcher(form.getOrDefault("stamp", "").strip());
        boolean forecast = "PROGNOS".equals(form.get("kind"));
        Map<Long, BigDecimal> amounts = new HashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        for (Volumes.Measure m : volumes.measures(unitId)) {
            String field = "M" + m.id();
            if (form.containsKey(field)) {
                amounts.put(m.id(), FormInput.number(form.get(field), field, p));
                try {
                    versions.put(m.id(), Integer.valueOf(form.getOrDefault("v" + m.id(), "").strip()));
                } catch (NumberFormatException e) {
                    p.add(field, "validering.version");
                }
            }
        }
        try {
            if (!stamp.matches()) {
                p.add("stamp", "ekuppf.volume.error.stamp");
            }
            p.throwIfAny();
            volumes.saveValues(committee, Integer.parseInt(stamp.group(1)), Integer.parseInt(stamp.group(2)), forecast, amounts, versions);
            redirect.addFlashAttribute("notice", messages.text("ekuppf.volume.saved"));
            return "redirect:/ekonomi/uppfoljning/" + unitId + "/volymer";
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            model.addAttribute("values", form);
            return volumes(unitId, model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return volumes(unitId, model);
        }
    }

    @PostMapping("/ekonomi/uppfoljning/{unitId}/volymer/matt")
    String addMeasure(@PathVariable long unitId, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        OrgUnit committee = followup.committee(unitId);
        followup.requireMayEdit(unitId);
        Problems input = new Problems();
        Long parent = FormInput.whole(form.get("parentId"), "parentId", input);
        try {
            input.throwIfAny();
            volumes.addMeasure(committee, form.get("area"), form.get("name"), form.get("unit"), parent);
            redirect.addFlashAttribute("notice", messages.text("ekuppf.volume.added"));
            return "redirect:/ekonomi/uppfoljning/" + unitId + "/volymer";
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
        }
        model.addAttribute("measureForm", form);
        return volumes(unitId, model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> errors(Model model) {
        return (Map<String, ?>) model.getAttribute("errors");
    }
}
