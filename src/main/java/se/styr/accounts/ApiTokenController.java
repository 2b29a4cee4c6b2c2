package se.styr.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
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

/** "API-nycklar": a person's own tokens, and for an administrator everyone's. */
@Controller
class ApiTokenController {

    static final String MINE = "/konto/api-nycklar";
    static final String EVERYONE = "/admin/api-nycklar";

    private final ApiTokens tokens;
    private final Messages messages;

    ApiTokenController(ApiTokens tokens, Messages messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping(MINE)
    String page(Model model) {
        return page(model, Map.of(), Map.of(), null);
    }

    @PostMapping(MINE)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Problems input = new Problems();
        LocalDate expiresOn = FormInput.date(form.get("expiresOn"), "expiresOn", input);
        try {
            input.throwIfAny();
            ApiTokens.Created created = tokens.create(form.get("name"), expiresOn);
            // the secret is on this page only: not cached, not in a redirect's flash attributes (the session)
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return page(model, Map.of(), Map.of(), created);
        } catch (ValidationException e) {
            return page(model, form, messages.byField(e), null);
        }
    }

    @PostMapping(MINE + "/{id}/aterkalla")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        ApiTokens.ApiToken token = tokens.revoke(id);
        redirect.addFlashAttribute("notice", messages.text("apinyckel.aterkallad", token.name()));
        return "redirect:" + MINE;
    }

    static final int PAGE_SIZE = 50;

    @GetMapping(EVERYONE)
    String everyone(@RequestParam(name = "sida", defaultValue = "1") String page, Model model) {
        Paging.Page<ApiTokens.ApiToken> result = tokens.all(null, new Paging(Paging.pageNumber(page), PAGE_SIZE));
        model.addAttribute("tokens", result.items());
        model.addAttribute("result", result);
        model.addAttribute("everyone", true);
        return "accounts/api-tokens";
    }

    @PostMapping(EVERYONE + "/{id}/aterkalla")
    String revokeAnyone(@PathVariable long id, RedirectAttributes redirect) {
        ApiTokens.ApiToken token = tokens.revoke(id);
        redirect.addFlashAttribute("notice", messages.text("apinyckel.aterkallad", token.name()));
        return "redirect:" + EVERYONE;
    }

    private String page(Model model, Map<String, String> form, Map<String, List<String>> errors, ApiTokens.Created created) {
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("everyone", false);
        model.addAttribute("created", created);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        PageStatus.rejected(errors, false);
        return "accounts/api-tokens";
    }

    @RestController
    @Tag(name = "API-nycklar")
    static class Api {

        private final ApiTokens tokens;

        Api(ApiTokens tokens) {
            this.tokens = tokens;
        }

        record NewToken(String name, LocalDate expiresOn) {
        }

        @GetMapping("/api/v1/tokens")
        @Operation(summary = "Mina API-nycklar (utan hemligheterna), nyast först, en sida i taget")
        Paging.Page<ApiTokens.ApiToken> mine(@ParameterObject Paging paging) {
            return tokens.mine(paging);
        }

        @GetMapping("/api/v1/tokens/alla")
        @Operation(summary = "Alla API-nycklar i kommunen (administratör), per person, en sida i taget")
        Paging.Page<ApiTokens.ApiToken> everyone(
                @Parameter(description = "Bara den här personens nycklar (användarnamn)") @RequestParam(required = false) String user,
                @ParameterObject Paging paging) {
            return tokens.all(user, paging);
        }

        @PostMapping("/api/v1/tokens")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "Skapa en API-nyckel; hemligheten (secret) visas bara i detta svar")
        ApiTokens.Created create(@RequestBody NewToken in) {
            return tokens.create(in.name(), in.expiresOn());
        }

        @DeleteMapping("/api/v1/tokens/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "Återkalla en av mina API-nycklar, eller som administratör vem som helsts")
        void revoke(@PathVariable long id) {
            tokens.revoke(id);
        }
    }
}
