package se.styr.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/** Personal API tokens: created on the person's page or through the API, used as a Bearer token, revoked, audited. */
@StyrIntegrationTest
@se.styr.OwnDatabase
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    /** Creates a token on the page, as the person would, and returns the secret the page shows once. */
    private String createOnPage(String username, String name) throws Exception {
        String page = mvc.perform(post("/konto/api-nycklar").with(user(as(username))).with(csrf())
                        .param("name", name).param("expiresOn", ""))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(page);
        assertThat(doc.select(".notice").first().text()).startsWith("API-nyckeln ”" + name + "” är skapad.");
        return doc.select("input#hemlighet").attr("value");
    }

    private ResultActions bearer(String path, String secret) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + secret));
    }

    @Test
    void aTokenCreatedOnThePageActsAsItsPersonAndIsStoredOnlyAsAHash() throws Exception {
        String secret = createOnPage("enhetschef", "Rapportverktyget");
        assertThat(secret).startsWith("styr_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(ApiTokens.hash(secret)).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or name = ?").params(secret, secret).query(Long.class).single())
                .isZero();

        // as the person, with their roles: a unit manager reads the API, but not the audit log
        bearer("/api/v1/substitutes", secret).andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());
        bearer("/api/v1/audit", secret).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select last_used_at from api_token where token_hash = ?").param(ApiTokens.hash(secret))
                .query(java.time.OffsetDateTime.class).single()).isNotNull();

        // the page lists it without the secret, and the creation is audited
        String listed = mvc.perform(get("/konto/api-nycklar").with(user(as("enhetschef"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(listed).select("tbody th").eachText()).contains("Rapportverktyget");
        assertThat(listed).doesNotContain(secret);
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'api_token' and action = 'SKAPAD' order by id desc")
                .query(String.class).list().get(0)).isEqualTo("API-nyckel för Erik Enhetschef: Rapportverktyget");
    }

    @Test
    void aTokenRequestCostsAFewQueriesAndNoPasswordHash() throws Exception {
        String secret = createOnPage("controller", "Mätning");
        bearer("/api/v1/substitutes", secret).andExpect(status().isOk());
        QueryCounter.reset();
        QueryCounter.clearNested();
        bearer("/api/v1/substitutes", secret).andExpect(status().isOk());
        // token and account, roles, then the endpoint's own two (last use is written at most once a minute)
        assertThat(QueryCounter.statements()).isLessThanOrEqualTo(5);
        assertThat(QueryCounter.nestedConnections()).isEmpty();
    }

    @Test
    void revokedUnknownExpiredOrDeactivatedGetASwedish401() throws Exception {
        String secret = createOnPage("avdelningschef", "Gammalt skript");
        long id = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.hash(secret)).query(Long.class).single();

        bearer("/api/v1/substitutes", "styr_finnsinte").andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("API-nyckeln är okänd eller återkallad."));

        jdbc.sql("update app_user set active = false where username = 'avdelningschef'").update();
        try {
            bearer("/api/v1/substitutes", secret).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("Kontot som API-nyckeln hör till är inaktiverat."));
        } finally {
            jdbc.sql("update app_user set active = true where username = 'avdelningschef'").update();
        }

        jdbc.sql("update api_token set expires_on = ? where id = ?").params(LocalDate.now().minusDays(2), id).update();
        bearer("/api/v1/substitutes", secret).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("API-nyckeln har gått ut."));
        jdbc.sql("update api_token set expires_on = null where id = ?").param(id).update();
        bearer("/api/v1/substitutes", secret).andExpect(status().isOk());

        // revoking needs the form's CSRF token, then the token stops working at once
        mvc.perform(post("/konto/api-nycklar/" + id + "/aterkalla").with(user(as("avdelningschef"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/konto/api-nycklar/" + id + "/aterkalla").with(user(as("avdelningschef"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        bearer("/api/v1/substitutes", secret).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("API-nyckeln är okänd eller återkallad."));
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'api_token' and object_id = ? and action = 'BORTTAGEN'")
                .param(id).query(String.class).single()).isEqualTo("API-nyckel för Dana Avdelningschef återkallad: Gammalt skript");

        // without any credentials the API says how to sign in, in Swedish
        mvc.perform(get("/api/v1/substitutes")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("API-nyckel")));
    }

    @Test
    void tokensAreMadeAndRevokedThroughTheApiToo() throws Exception {
        String answer = mvc.perform(post("/api/v1/tokens").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Integration\",\"expiresOn\":\"" + LocalDate.now().plusMonths(6) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.name").value("Integration"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String secret = com.jayway.jsonpath.JsonPath.read(answer, "$.secret");
        Integer id = com.jayway.jsonpath.JsonPath.read(answer, "$.token.id");

        // the token lists the person's tokens (never a secret) and revokes itself
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.name == 'Integration')]").exists())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + secret)).andExpect(status().isNoContent());
        bearer("/api/v1/tokens", secret).andExpect(status().isUnauthorized());

        // bad input: a Swedish 400 per field, and nothing stored
        mvc.perform(post("/api/v1/tokens").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"expiresOn\":\"2150-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ge nyckeln ett namn")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("En nyckel kan gälla högst 5 år framåt.")));
    }

    @Test
    void anAdministratorSeesAndRevokesAnyonesTokens() throws Exception {
        String secret = createOnPage("enhetschef2", "Hannas verktyg");
        long id = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.hash(secret)).query(Long.class).single();

        mvc.perform(get("/admin/api-nycklar").with(user(as("enhetschef2")))).andExpect(status().isForbidden());
        mvc.perform(post("/konto/api-nycklar/" + id + "/aterkalla").with(user(as("controller"))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tokens/alla").header("Authorization", "Bearer " + secret)).andExpect(status().isForbidden());

        Document all = Jsoup.parse(mvc.perform(get("/admin/api-nycklar").with(user(as("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(all.select("tbody tr").eachText()).anyMatch(row -> row.contains("Hannas verktyg") && row.contains("Hanna Enhetschef"));

        mvc.perform(post("/admin/api-nycklar/" + id + "/aterkalla").with(user(as("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        bearer("/api/v1/substitutes", secret).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select actor from audit_entry where object_type = 'api_token' and object_id = ? and action = 'BORTTAGEN'")
                .param(id).query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void aSubstituteActsWithATokenAsWithAPassword() throws Exception {
        String named = mvc.perform(post("/api/v1/substitutes").with(httpBasic("enhetschef", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"substitute\":\"enhetschef2\",\"from\":\"" + LocalDate.now() + "\",\"to\":\"" + LocalDate.now().plusDays(3) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Integer substitution = com.jayway.jsonpath.JsonPath.read(named, "$.id");
        try {
            String secret = createOnPage("enhetschef2", "Vikariens verktyg");
            bearer("/api/v1/substitutes/standing-in-for", secret).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].username").value("enhetschef"));
        } finally {
            mvc.perform(delete("/api/v1/substitutes/" + substitution).with(httpBasic("enhetschef", "styr-demo")))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void thePageRefusesBadInputWithSwedishMessages() throws Exception {
        Document doc = Jsoup.parse(mvc.perform(post("/konto/api-nycklar").with(user(as("controller"))).with(csrf())
                        .param("name", "").param("expiresOn", "2020-01-01"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(doc.select(".error-summary li").eachText())
                .containsExactly("Ge nyckeln ett namn, till exempel programmets.", "Dagen har redan passerat.");
        assertThat(doc.select("input#name").attr("aria-invalid")).isEqualTo("true");
    }
}
