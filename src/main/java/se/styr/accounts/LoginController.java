package se.styr.accounts;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.styr.platform.Messages;

@Controller
class LoginController {

    record SsoLink(String name, String url) {
    }

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final Messages messages;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidcClients, Messages messages) {
        this.oidcClients = oidcClients;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        List<SsoLink> links = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration reg = (ClientRegistration) r;
                links.add(new SsoLink(reg.getClientName(), "/oauth2/authorization/" + reg.getRegistrationId()));
            }
        }
        model.addAttribute("ssoLinks", links);
        if (error != null) {
            Object cause = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("loginError", cause instanceof OAuth2AuthenticationException e
                    ? messages.text("login.oidcError", e.getMessage())
                    : messages.text(cause instanceof LockedException ? "login.locked" : "login.error"));
        }
        return "accounts/login";
    }
}
