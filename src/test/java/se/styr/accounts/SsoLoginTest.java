package se.styr.accounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** With an OIDC provider configured as the README describes, the login page offers it and sends people there. */
@SpringBootTest(properties = {
        "spring.security.oauth2.client.registration.kommun.client-id=styr",
        "spring.security.oauth2.client.registration.kommun.client-secret=hemligt",
        "spring.security.oauth2.client.registration.kommun.client-name=Kommunens inloggning",
        "spring.security.oauth2.client.registration.kommun.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.kommun.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.kommun.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.kommun.authorization-uri=https://idp.example.invalid/auth",
        "spring.security.oauth2.client.provider.kommun.token-uri=https://idp.example.invalid/token",
        "spring.security.oauth2.client.provider.kommun.jwk-set-uri=https://idp.example.invalid/jwks",
        "spring.security.oauth2.client.provider.kommun.user-name-attribute=sub"})
@AutoConfigureMockMvc
@Tag("db")
class SsoLoginTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_login_page_offers_the_municipalitys_login_and_redirects_to_it() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Logga in med kommunens inloggning (Kommunens inloggning)")));
        mvc.perform(get("/oauth2/authorization/kommun")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", startsWith("https://idp.example.invalid/auth?")));
    }
}
