package se.styr.accounts.setup;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import se.styr.accounts.people.PasswordRule;
import se.styr.platform.Messages;
import se.styr.platform.PageStatus;
import se.styr.platform.ValidationException;

/** The one-time setup page, and the page every other address leads to until Styr is set up. */
@Controller
class SetupController {

    static final String PATH = "/uppsattning";
    static final String NOT_SET_UP = "/ej-uppsatt";

    private final Setup setup;
    private final SetupState state;
    private final Messages messages;

    SetupController(Setup setup, SetupState state, Messages messages) {
        this.setup = setup;
        this.state = state;
        this.messages = messages;
    }

    @GetMapping(PATH + "/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        setup.requireOpen(token);
        return page(token, model, Map.of(), Map.of(), response);
    }

    @PostMapping(PATH + "/{token}")
    String complete(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
                    HttpServletResponse response) {
        try {
            String username = setup.complete(token, new Setup.Form(form.get("name"), form.get("koladaId"), form.get("vision"),
                    form.get("coreValues"), form.get("displayName"), form.get("username"), form.get("email"),
                    form.get("password"), form.get("passwordRepeat")));
            return "redirect:/login?uppsatt&anvandare=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8);
        } catch (ValidationException e) {
            Map<String, String> kept = new java.util.HashMap<>(form);
            kept.remove("password");
            kept.remove("passwordRepeat");
            return page(token, model, kept, messages.byField(e), response);
        }
    }

    private String page(String token, Model model, Map<String, String> form, Map<String, List<String>> errors,
                        HttpServletResponse response) {
        // the link is a secret: not cached, not sent on as a referrer
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMin", PasswordRule.MIN_LENGTH);
        PageStatus.rejected(errors, false);
        return "accounts/setup";
    }

    @ExceptionHandler(Setup.Closed.class)
    ModelAndView closed(Setup.Closed e) {
        ModelAndView mav = new ModelAndView("accounts/setup-closed");
        mav.addObject("done", e.done);
        mav.setStatus(e.done ? org.springframework.http.HttpStatus.GONE : org.springframework.http.HttpStatus.NOT_FOUND);
        return mav;
    }

    @GetMapping(NOT_SET_UP)
    String notSetUp(HttpServletResponse response) {
        if (state.done()) {
            return "redirect:/";
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "accounts/not-set-up";
    }
}
