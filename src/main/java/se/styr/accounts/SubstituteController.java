package se.styr.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
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
import se.styr.platform.FormInput;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.Paging;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/** "Vikarie": naming who reports and approves in one's place for a period. */
@Controller
class SubstituteController {

    private final Substitutes substitutes;
    private final Access access;
    private final Messages messages;

    SubstituteController(Substitutes substitutes, Access access, Messages messages) {
        this.substitutes = substitutes;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/vikarie")
    String page(Model model) {
        return page(model, Map.of(), Map.of());
    }

    @PostMapping("/vikarie")
    String name(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Problems input = new Problems();
        LocalDate from = FormInput.date(form.get("from"), "from", input);
        LocalDate to = FormInput.date(form.get("to"), "to", input);
        try {
            input.throwIfAny();
            substitutes.name(form.get("substitute"), from, to);
            redirect.addFlashAttribute("notice", messages.text("vikarie.sparad"));
            return "redirect:/vikarie";
        } catch (ValidationException e) {
            return page(model, form, messages.byField(e));
        }
    }

    @PostMapping("/vikarie/{id}/ta-bort")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        substitutes.remove(id);
        redirect.addFlashAttribute("notice", messages.text("vikarie.borttagen"));
        return "redirect:/vikarie";
    }

    private String page(Model model, Map<String, String> form, Map<String, List<String>> errors) {
        model.addAttribute("mine", substitutes.mine());
        model.addAttribute("standingInFor", access.standingInFor());
        model.addAttribute("candidates", substitutes.candidates());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "accounts/substitutes";
    }

    @RestController
    @Tag(name = "Vikarier")
    static class Api {

        private final Substitutes substitutes;

        Api(Substitutes substitutes) {
            this.substitutes = substitutes;
        }

        record NameSubstitute(String substitute, LocalDate from, LocalDate to) {
        }

        @GetMapping("/api/v1/substitutes")
        @Operation(summary = "Mina vikarier, senast börjande först, en sida i taget")
        Paging.Page<Substitution> mine(
                @Parameter(description = "Bara de som gäller den dagen") @RequestParam(required = false) LocalDate on,
                @ParameterObject Paging paging) {
            return substitutes.page(false, on, paging);
        }

        @GetMapping("/api/v1/substitutes/standing-in-for")
        @Operation(summary = "De jag är vikarie för (i dag, eller den dag som anges), en sida i taget")
        Paging.Page<Substitution> standingInFor(
                @Parameter(description = "Dagen (förval: i dag)") @RequestParam(required = false) LocalDate on,
                @ParameterObject Paging paging) {
            return substitutes.page(true, on == null ? LocalDate.now(Access.SWEDEN) : on, paging);
        }

        @PostMapping("/api/v1/substitutes")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "Utse en vikarie som rapporterar och attesterar i mitt ställe under en period")
        Substitution name(@RequestBody NameSubstitute in) {
            return substitutes.name(in.substitute(), in.from(), in.to());
        }

        @DeleteMapping("/api/v1/substitutes/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "Ta bort en av mina vikarier")
        void remove(@PathVariable long id) {
            substitutes.remove(id);
        }
    }
}
