package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
import se.styr.economy.budget.Budget;
import se.styr.platform.ConflictException;
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;
import se.styr.platform.ValidationException;

/**
 * "Nästa års budget": the last decided budget carried into the next plan period, previewed (a GET form: old frame →
 * new frame per committee, nothing saved) and created (a POST with the same fields).
 */
@Controller
class NextBudgetController {

    private final NextBudget next;
    private final Access access;
    private final Messages messages;
    private final SwedishFormat sv;

    NextBudgetController(NextBudget next, Access access, Messages messages, SwedishFormat sv) {
        this.next = next;
        this.access = access;
        this.messages = messages;
        this.sv = sv;
    }

    @GetMapping("/ekonomi/nasta-budget")
    String page(@RequestParam Map<String, String> form, Model model) {
        return show(form, model, List.of(), false);
    }

    @PostMapping("/ekonomi/nasta-budget")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        access.require(Access.Action.MANAGE_BUDGET, null);
        Problems reading = new Problems();
        NextBudget.Request request = request(form, reading);
        try {
            reading.throwIfAny();
            Budget budget = next.create(request);
            redirect.addFlashAttribute("notice", messages.text("nextBudget.created", budget.label()));
            return "redirect:/ekonomi/budget/" + budget.id();
        } catch (ValidationException e) {
            return show(form, model, e.problems(), false);
        } catch (ConflictException e) {
            return show(form, model, List.of(), true);
        }
    }

    private String show(Map<String, String> form, Model model, List<ValidationException.Problem> refused, boolean conflict) {
        Problems reading = new Problems();
        NextBudget.Request request = request(form, reading);
        NextBudget.Preview preview;
        try {
            preview = next.preview(request);
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.byField(e));
            model.addAttribute("preview", null);
            PageStatus.rejected(Map.of(), false);
            return "economy/next-budget";
        }
        List<ValidationException.Problem> problems = new ArrayList<>(reading.list());
        problems.addAll(preview.problems());
        refused.stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        boolean asked = form.containsKey("periodId");
        Map<String, List<String>> errors = problems.isEmpty() ? Map.of() : messages.byField(new ValidationException(problems));
        model.addAttribute("preview", preview);
        model.addAttribute("f", values(form, preview));
        model.addAttribute("errors", asked || !refused.isEmpty() ? errors : Map.of());
        model.addAttribute("missing", !asked && !errors.isEmpty());
        model.addAttribute("conflict", conflict);
        if (!refused.isEmpty() || conflict) {
            PageStatus.rejected(errors, conflict);
        }
        return "economy/next-budget";
    }

    /** The form's fields: what was typed, else the carried model's values. */
    private Map<String, String> values(Map<String, String> form, NextBudget.Preview preview) {
        Map<String, String> f = new HashMap<>();
        if (preview.period() != null) {
            f.put("periodId", String.valueOf(preview.period().id()));
            for (int y : preview.years()) {
                BigDecimal pkv = preview.model().pkv().get(y);
                f.put("pkv_" + y, form.getOrDefault("pkv_" + y, pkv == null ? "" : sv.number(pkv, 2)));
            }
            for (int g = 0; g < preview.model().ageGroups().size(); g++) {
                for (int y : preview.populationYears()) {
                    Long n = preview.model().ageGroups().get(g).persons().get(y);
                    String key = "group" + g + "_" + y;
                    f.put(key, form.getOrDefault(key, n == null ? "" : sv.number(BigDecimal.valueOf(n), 0)));
                }
            }
        }
        return f;
    }

    /** Reads the typed fields: {@code periodId}, {@code pkv_YEAR} and {@code groupN_YEAR}. */
    static NextBudget.Request request(Map<String, String> form, Problems problems) {
        Long period = FormInput.whole(form.get("periodId"), "periodId", problems);
        Map<Integer, BigDecimal> pkv = new LinkedHashMap<>();
        Map<Integer, Map<Integer, Long>> groups = new java.util.TreeMap<>();
        form.forEach((key, value) -> {
            if (key.matches("pkv_\\d{4}")) {
                pkv.put(Integer.valueOf(key.substring(4)), FormInput.number(value, key, problems));
            } else if (key.matches("group\\d{1,2}_\\d{4}")) {
                int g = Integer.parseInt(key.substring(5, key.indexOf('_')));
                BigDecimal n = FormInput.number(value, key, problems);
                Long persons = null;
                if (n != null) {
                    try {
                        persons = n.longValueExact();
                    } catch (ArithmeticException e) {
                        problems.add(key, "validering.heltal");
                    }
                }
                groups.computeIfAbsent(g, k -> new HashMap<>()).put(Integer.valueOf(key.substring(key.indexOf('_') + 1)), persons);
            }
        });
        List<Map<Integer, Long>> population = new ArrayList<>();
        int size = groups.isEmpty() ? 0 : groups.keySet().stream().mapToInt(Integer::intValue).max().getAsInt() + 1;
        for (int g = 0; g < size; g++) {
            population.add(groups.getOrDefault(g, Map.of()));
        }
        return new NextBudget.Request(period, pkv, population);
    }
}
