package se.styr.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.styr.accounts.people.PasswordRule;
import se.styr.accounts.people.People;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.ValidationException;

/** "Byt lösenord": one's own password; after a one-time password, the page the person must pass first. */
@Controller
class PasswordController {

    private final People people;
    private final Messages messages;

    PasswordController(People people, Messages messages) {
        this.people = people;
        this.messages = messages;
    }

    @GetMapping(MustChangePassword.PAGE)
    String page(HttpServletRequest request, Model model) {
        return page(request, model, Map.of());
    }

    @PostMapping(MustChangePassword.PAGE)
    String change(@RequestParam Map<String, String> form, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            people.changeOwnPassword(form.get("current"), form.get("password"), form.get("passwordRepeat"));
            MustChangePassword.done(request);
            redirect.addFlashAttribute("notice", messages.text("losenord.bytt"));
            return "redirect:" + MustChangePassword.PAGE;
        } catch (ValidationException e) {
            return page(request, model, messages.byField(e));
        }
    }

    private String page(HttpServletRequest request, Model model, Map<String, List<String>> errors) {
        model.addAttribute("required", MustChangePassword.required(request));
        model.addAttribute("passwordMin", PasswordRule.MIN_LENGTH);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "accounts/password";
    }

    @RestController
    @io.swagger.v3.oas.annotations.tags.Tag(name = "Personer")
    static class Api {

        private final People people;

        Api(People people) {
            this.people = people;
        }

        record NewPassword(String current, String password, String passwordRepeat) {
        }

        @PutMapping("/api/v1/me/password")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @io.swagger.v3.oas.annotations.Operation(summary = "Byt mitt eget lösenord: det nuvarande och det nya två gånger")
        void change(@RequestBody NewPassword in) {
            people.changeOwnPassword(in.current(), in.password(), in.passwordRepeat());
        }
    }
}
