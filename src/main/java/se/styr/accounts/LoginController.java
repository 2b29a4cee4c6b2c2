package se.styr.accounts;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    record SsoLink(String name, String url) {
    }

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidcClients = oidcClients;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<SsoLink> links = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration reg = (ClientRegistration) r;
                links.add(new SsoLink(reg.getClientName(), "/oauth2/authorization/" + reg.getRegistrationId()));
            }
        }
        model.addAttribute("ssoLinks", links);
        return "accounts/login";
    }
}
