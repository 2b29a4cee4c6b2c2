package se.styr.accounts.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.styr.EmptyDatabase;

/**
 * The first start of an installation without the demo, on an empty database of its own: every page leads to "Styr är
 * inte uppsatt än", the one-time link's form checks what it is given and writes nothing until all is right, then sets
 * up the municipality and its administrator, who logs in; afterwards the link is dead. The steps build on each other.
 */
@SpringBootTest(properties = "styr.demo.enabled=false")
@AutoConfigureMockMvc
@Tag("db")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupTest {

    static final String PASSWORD = "Alla kommuner i Halland";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "setup");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SetupTokens tokens;

    static String link;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The setup form, filled in right except for the fields given as name, value, name, value... */
    private MockHttpServletRequestBuilder form(String token, String... changed) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "Falkenbergs kommun");
        fields.put("koladaId", "1382");
        fields.put("vision", "Falkenberg – Sveriges mest spännande småstad.");
        fields.put("coreValues", "Tillit och ansvar");
        fields.put("displayName", "Åsa Admin");
        fields.put("username", "asa.admin");
        fields.put("email", "asa@falkenberg.example");
        fields.put("password", PASSWORD);
        fields.put("passwordRepeat", PASSWORD);
        for (int i = 0; i < changed.length; i += 2) {
            fields.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/uppsattning/" + token).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    @Order(1)
    void before_setup_every_page_leads_to_the_swedish_notice_and_the_start_made_a_link() throws Exception {
        assertThat(count("select count(*) from municipality")).isZero();
        assertThat(count("select count(*) from app_user")).isZero();
        // the start wrote one link (its secret only in the log) for this instance
        assertThat(count("select count(*) from setup_token")).isEqualTo(1);
        for (String page : new String[] {"/", "/login", "/organisation", "/personer"}) {
            mvc.perform(get(page)).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/ej-uppsatt"));
        }
        mvc.perform(get("/ej-uppsatt")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Styr är inte uppsatt än")))
                .andExpect(content().string(containsString("STYR_SETUP_ADMIN_USERNAME")));
        // the API has no accounts to log in with: a Swedish 401, not the notice page
        mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
        link = tokens.create();
    }

    @Test
    @Order(2)
    void an_unknown_link_is_a_swedish_404() throws Exception {
        mvc.perform(get("/uppsattning/fel-lank")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Länken gäller inte")));
        mvc.perform(form("fel-lank")).andExpect(status().isNotFound());
        assertThat(count("select count(*) from municipality")).isZero();
    }

    @Test
    @Order(3)
    void the_form_is_checked_and_nothing_is_written_until_all_is_right() throws Exception {
        mvc.perform(get("/uppsattning/" + link)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("Sätt upp Styr")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/uppsattning/" + link).param("name", "Falkenbergs kommun")).andExpect(status().isForbidden());
        mvc.perform(form(link, "koladaId", "13", "password", "kort", "passwordRepeat", "annat",
                        "username", "två ord", "email", "inte-en-adress", "displayName", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kommunkoden ska vara fyra siffror")))
                .andExpect(content().string(containsString("Lösenordet ska ha minst 12 tecken.")))
                .andExpect(content().string(containsString("Lösenorden är inte likadana")))
                .andExpect(content().string(containsString("Användarnamnet ska vara")))
                .andExpect(content().string(containsString("Ange en e-postadress")))
                .andExpect(content().string(containsString("Ange personens namn.")))
                // what was typed comes back, the password does not
                .andExpect(content().string(containsString("Falkenbergs kommun")))
                .andExpect(content().string(not(containsString("annat"))));
        mvc.perform(form(link, "password", "asa.admin-har-ett-lösenord", "passwordRepeat", "asa.admin-har-ett-lösenord"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("får inte innehålla användarnamnet")));
        assertThat(count("select count(*) from municipality")).isZero();
        assertThat(count("select count(*) from app_user")).isZero();
        assertThat(tokens.valid(link)).isTrue();
    }

    @Test
    @Order(4)
    void the_link_sets_up_the_municipality_and_its_administrator_who_logs_in() throws Exception {
        mvc.perform(form(link)).andExpect(status().isFound()).andExpect(redirectedUrl("/login?uppsatt&anvandare=asa.admin"));
        assertThat(jdbc.sql("select name || '|' || kolada_id || '|' || vision || '|' || core_values from municipality")
                .query(String.class).single())
                .isEqualTo("Falkenbergs kommun|1382|Falkenberg – Sveriges mest spännande småstad.|Tillit och ansvar");
        assertThat(jdbc.sql("select type || ' ' || name from org_unit").query(String.class).list())
                .containsExactly("KOMMUNFULLMAKTIGE Kommunfullmäktige");
        assertThat(jdbc.sql("select r.role from role_assignment r join app_user u on u.id = r.user_id where u.username = 'asa.admin' and r.org_unit_id is null")
                .query(String.class).list()).containsExactly("ADMINISTRATOR");
        assertThat(jdbc.sql("select password_hash from app_user").query(String.class).single()).startsWith("$2").doesNotContain(PASSWORD);
        assertThat(jdbc.sql("select actor || ': ' || summary from audit_entry order by id").query(String.class).list())
                .containsExactly("uppsättning: Kommunen skapad vid uppsättningen: Falkenbergs kommun",
                        "uppsättning: Första administratören skapad vid uppsättningen: Åsa Admin (asa.admin)");
        assertThat(count("select count(*) from setup_token")).isZero();

        mvc.perform(get("/login").param("uppsatt", "").param("anvandare", "asa.admin")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Styr är uppsatt")));
        mvc.perform(formLogin("/login").user("asa.admin").password(PASSWORD)).andExpect(authenticated().withUsername("asa.admin"));
    }

    @Test
    @Order(5)
    void afterwards_the_link_is_dead_and_the_pages_are_open() throws Exception {
        mvc.perform(get("/uppsattning/" + link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Styr är redan uppsatt")));
        mvc.perform(form(link, "koladaId", "1383", "username", "mallory")).andExpect(status().isGone());
        // a link made before the setup, by another instance, is dead too
        mvc.perform(get("/uppsattning/" + tokens.create())).andExpect(status().isGone());
        assertThat(count("select count(*) from app_user")).isEqualTo(1);
        mvc.perform(get("/ej-uppsatt")).andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
