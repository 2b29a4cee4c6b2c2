package se.styr.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/** The plan periods' pages ("Planperioder") and the municipality's settings ("Kommunen"), and both in the API. */
@Controller
class SettingsController {

    static final String PERIODS = "/organisation/planperioder";
    static final String SETTINGS = "/admin/kommun";

    private final PlanPeriods periods;
    private final MunicipalitySettings settings;
    private final Organisation organisation;
    private final CurrentMunicipality current;
    private final Messages messages;
    private final SwedishFormat format;

    SettingsController(PlanPeriods periods, MunicipalitySettings settings, Organisation organisation,
                       CurrentMunicipality current, Messages messages, SwedishFormat format) {
        this.format = format;
        this.periods = periods;
        this.settings = settings;
        this.organisation = organisation;
        this.current = current;
        this.messages = messages;
    }

    // ---- plan periods

    @GetMapping(PERIODS)
    String periods(Model model) {
        return periodsPage(Map.of(), Map.of(), model);
    }

    @PostMapping(PERIODS)
    String createPeriod(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var created = periods.create(periodInput(form));
            redirect.addFlashAttribute("notice", messages.text("period.skapad", created.period().name()));
            return "redirect:" + PERIODS;
        } catch (ValidationException e) {
            return periodsPage(form, messages.byField(e), model);
        }
    }

    private String periodsPage(Map<String, String> form, Map<String, List<String>> errors, Model model) {
        model.addAttribute("periods", organisation.periods(current.id()));
        model.addAttribute("mayManage", periods.mayManage());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "organisation/periods";
    }

    @GetMapping(PERIODS + "/{id}")
    String period(@PathVariable long id, Model model) {
        var period = periods.period(id);
        Map<String, String> form = new HashMap<>();
        PlanPeriod p = period.period();
        form.put("name", p.name());
        form.put("firstYear", String.valueOf(p.firstYear()));
        form.put("lastYear", String.valueOf(p.lastYear()));
        form.put("illustrative", String.valueOf(p.illustrative()));
        form.put("version", String.valueOf(period.version()));
        return periodPage(period, form, Map.of(), false, model);
    }

    @PostMapping(PERIODS + "/{id}")
    String updatePeriod(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                        RedirectAttributes redirect) {
        try {
            int version = FormInput.version(form);
            var saved = periods.update(id, version, periodInput(form));
            redirect.addFlashAttribute("notice", messages.text("period.sparad", saved.period().name()));
            return "redirect:" + PERIODS;
        } catch (ValidationException e) {
            return periodPage(periods.period(id), form, messages.byField(e), false, model);
        } catch (ConflictException e) {
            return periodPage(periods.period(id), form, Map.of("version", List.of(messages.text("conflict.message"))), true,
                    model);
        }
    }

    private String periodPage(PlanPeriods.EditablePeriod period, Map<String, String> form, Map<String, List<String>> errors,
                              boolean conflict, Model model) {
        if (!periods.mayManage()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Endast administratörer och controllers för hela kommunen får ändra planperioder.");
        }
        model.addAttribute("period", period.period());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, conflict);
        return "organisation/period";
    }

    private static PlanPeriods.PeriodInput periodInput(Map<String, String> form) {
        Problems p = new Problems();
        Long first = FormInput.whole(form.get("firstYear"), "firstYear", p);
        Long last = FormInput.whole(form.get("lastYear"), "lastYear", p);
        p.throwIfAny();
        return new PlanPeriods.PeriodInput(form.get("name"), year(first), year(last), "true".equals(form.get("illustrative")));
    }

    /** A year typed far out of range is kept out of range (and refused), not wrapped around. */
    private static Integer year(Long year) {
        return year == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, year));
    }

    // ---- the municipality's settings

    @GetMapping(SETTINGS)
    String settings(Model model) {
        var m = settings.current();
        Map<String, String> form = new HashMap<>();
        form.put("name", m.municipality().name());
        form.put("koladaId", m.municipality().koladaId());
        form.put("vision", m.municipality().vision());
        form.put("coreValues", m.municipality().coreValues());
        form.put("nearTargetTolerance", format.number(m.municipality().nearTargetTolerance(), 2));
        form.put("version", String.valueOf(m.version()));
        return settingsPage(form, Map.of(), false, model);
    }

    @PostMapping(SETTINGS)
    String saveSettings(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Problems p = new Problems();
            BigDecimal tolerance = FormInput.number(form.get("nearTargetTolerance"), "nearTargetTolerance", p);
            int version = FormInput.version(form);
            p.throwIfAny();
            settings.update(version, new MunicipalitySettings.Settings(form.get("name"), form.get("koladaId"),
                    form.get("vision"), form.get("coreValues"), tolerance));
            redirect.addFlashAttribute("notice", messages.text("kommun.sparad"));
            return "redirect:" + SETTINGS;
        } catch (ValidationException e) {
            return settingsPage(form, messages.byField(e), false, model);
        } catch (ConflictException e) {
            return settingsPage(form, Map.of("version", List.of(messages.text("conflict.message"))), true, model);
        }
    }

    private String settingsPage(Map<String, String> form, Map<String, List<String>> errors, boolean conflict, Model model) {
        if (!settings.mayEdit()) {
            throw new org.springframework.security.access.AccessDeniedException("Endast administratörer får göra detta.");
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, conflict);
        return "organisation/settings";
    }

    @RestController
    @Tag(name = "Organisation")
    static class Api {

        private final PlanPeriods periods;
        private final MunicipalitySettings settings;

        Api(PlanPeriods periods, MunicipalitySettings settings) {
            this.periods = periods;
            this.settings = settings;
        }

        record PeriodBody(Integer version, String name, Integer firstYear, Integer lastYear, Boolean illustrative) {

            PlanPeriods.PeriodInput input() {
                return new PlanPeriods.PeriodInput(name, firstYear, lastYear, Boolean.TRUE.equals(illustrative));
            }
        }

        record SettingsBody(Integer version, String name, String koladaId, String vision, String coreValues,
                            BigDecimal nearTargetTolerance) {
        }

        @GetMapping("/api/v1/periods/{id}")
        @Operation(summary = "En planperiod med dess version (att skicka med vid ändring)")
        PlanPeriods.EditablePeriod period(@PathVariable long id) {
            return periods.period(id);
        }

        @PostMapping("/api/v1/periods")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "Skapa en planperiod: budgetåret (firstYear) och planåren till och med lastYear "
                + "(administratör eller controller för hela kommunen); samma budgetår som en annan period nekas")
        PlanPeriods.EditablePeriod createPeriod(@RequestBody PeriodBody in) {
            return periods.create(in.input());
        }

        @PutMapping("/api/v1/periods/{id}")
        @Operation(summary = "Ändra en planperiods namn, år eller illustrativ-markering; version som den lästes")
        PlanPeriods.EditablePeriod updatePeriod(@PathVariable long id, @RequestBody PeriodBody in) {
            Problems.when(in.version() == null, "version", "validering.version");
            return periods.update(id, in.version(), in.input());
        }

        @GetMapping("/api/v1/municipality")
        @Operation(summary = "Kommunens inställningar med version: namn, Kolada-id, vision, värdegrund, tolerans för nära målvärde")
        MunicipalitySettings.EditableMunicipality municipality() {
            return settings.current();
        }

        @PutMapping("/api/v1/municipality")
        @Operation(summary = "Ändra kommunens inställningar (administratör); version som den lästes")
        MunicipalitySettings.EditableMunicipality updateMunicipality(@RequestBody SettingsBody in) {
            Problems.when(in.version() == null, "version", "validering.version");
            return settings.update(in.version(), new MunicipalitySettings.Settings(in.name(), in.koladaId(), in.vision(),
                    in.coreValues(), in.nearTargetTolerance()));
        }
    }
}
