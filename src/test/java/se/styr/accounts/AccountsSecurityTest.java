package se.styr.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.styr.EmptyDatabase;
import se.styr.accounts.people.OidcRoles;

/**
 * People administration, passwords, the login throttle and what the audit log keeps, on an installation of its own set
 * up from the environment (so no other test's rows are touched): Halmstad with a committee, its administration and a
 * unit, and a technical committee beside it. Each test makes the people it needs under names of its own.
 */
@SpringBootTest(properties = {"styr.demo.enabled=false", "styr.setup.municipality-name=Halmstads kommun",
        "styr.setup.kolada-id=1380", "styr.setup.admin-username=anna", "styr.setup.admin-name=Anna Admin",
        "styr.setup.admin-password=" + AccountsSecurityTest.ADMIN_PASSWORD})
@AutoConfigureMockMvc
@Tag("db")
class AccountsSecurityTest {

    static final String ADMIN_PASSWORD = "administratörens långa lösenord";
    static final String NEW_PASSWORD = "ett eget lösenord som är långt";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "accounts");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OidcRoles oidcRoles;
    @Autowired
    ApiTokens tokens;

    private long id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long unit(String code) {
        return id("select id from org_unit where code = ?", code);
    }

    @BeforeEach
    void organisation() {
        if (jdbc.sql("select count(*) from org_unit where code = 'SN'").query(Long.class).single() == 0) {
            long m = id("select id from municipality");
            long kf = unit("KF");
            jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code) values (?, ?, 'NAMND', 'Socialnämnden', 'SN')").params(m, kf).update();
            jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code) values (?, ?, 'FORVALTNING', 'Socialförvaltningen', 'SF')").params(m, unit("SN")).update();
            jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code) values (?, ?, 'ENHET', 'Boendestöd', 'SF-BS')").params(m, unit("SF")).update();
            jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code) values (?, ?, 'NAMND', 'Tekniska nämnden', 'TN')").params(m, kf).update();
        }
    }

    private Cookie logIn(String username, String password) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(username).password(password)).andExpect(authenticated()).andReturn();
        return r.getResponse().getCookie("SESSION");
    }

    /** Creates a person through the page as the administrator; returns the one-time password shown. */
    private String create(String username, String name) throws Exception {
        String page = mvc.perform(post("/personer").with(csrf()).cookie(logIn("anna", ADMIN_PASSWORD))
                        .param("displayName", name).param("username", username).param("email", username + "@halmstad.example"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("Engångslösenord för " + name)))
                .andReturn().getResponse().getContentAsString();
        return org.jsoup.Jsoup.parse(page).getElementById("engangslosenord").attr("value");
    }

    private long person(String username) {
        return id("select id from app_user where username = ?", username);
    }

    @Test
    void a_new_person_logs_in_with_the_one_time_password_and_must_choose_their_own_first() throws Exception {
        String once = create("kalle", "Kalle Kula");
        assertThat(once).hasSize(16);
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'app_user' and object_id = ?").param(person("kalle"))
                .query(String.class).list()).containsExactly("Person skapad: Kalle Kula (kalle)");
        // the one-time password is for choosing one's own on the web, not for the API
        mvc.perform(get("/api/v1/tasks/mine").with(httpBasic("kalle", once))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("engångslösenord")));

        MvcResult login = mvc.perform(formLogin("/login").user("kalle").password(once))
                .andExpect(redirectedUrl("/konto/losenord")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/konto/losenord"));
        mvc.perform(get("/konto/losenord").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Välj ett eget lösenord")));
        mvc.perform(post("/konto/losenord").with(csrf()).cookie(session).param("current", "fel")
                        .param("password", "kort").param("passwordRepeat", "kort"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Det nuvarande lösenordet stämmer inte.")))
                .andExpect(content().string(containsString("minst 12 tecken")));
        mvc.perform(post("/konto/losenord").with(csrf()).cookie(session).param("current", once)
                        .param("password", NEW_PASSWORD).param("passwordRepeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/konto/losenord"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user("kalle").password(NEW_PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("kalle").password(once)).andExpect(unauthenticated());
    }

    @Test
    void a_deactivated_person_cannot_log_in_and_their_api_token_stops_working() throws Exception {
        String once = create("lisa", "Lisa Lind");
        Cookie lisa = logIn("lisa", once);
        mvc.perform(post("/konto/losenord").with(csrf()).cookie(lisa).param("current", once)
                .param("password", NEW_PASSWORD).param("passwordRepeat", NEW_PASSWORD)).andExpect(status().isFound());
        String token = mvc.perform(post("/api/v1/tokens").with(httpBasic("lisa", NEW_PASSWORD))
                        .contentType("application/json").content("{\"name\":\"Skript\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        Cookie admin = logIn("anna", ADMIN_PASSWORD);
        int version = (int) id("select version from app_user where username = 'lisa'");
        mvc.perform(post("/personer/" + person("lisa") + "/aktiv").with(csrf()).cookie(admin)
                .param("active", "false").param("version", String.valueOf(version))).andExpect(status().isFound());
        mvc.perform(formLogin("/login").user("lisa").password(NEW_PASSWORD)).andExpect(unauthenticated());
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // her session ended with the deactivation
        mvc.perform(get("/").cookie(lisa)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        // the same version again is someone else's change
        mvc.perform(post("/personer/" + person("lisa") + "/aktiv").with(csrf()).cookie(admin)
                .param("active", "true").param("version", String.valueOf(version))).andExpect(status().isConflict());
        mvc.perform(post("/personer/" + person("lisa") + "/aktiv").with(csrf()).cookie(admin)
                .param("active", "true").param("version", String.valueOf(version + 1))).andExpect(status().isFound());
        mvc.perform(formLogin("/login").user("lisa").password(NEW_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void a_reset_password_is_a_one_time_password() throws Exception {
        create("olle", "Olle Olsson");
        Cookie admin = logIn("anna", ADMIN_PASSWORD);
        String page = mvc.perform(post("/personer/" + person("olle") + "/losenord").with(csrf()).cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String once = org.jsoup.Jsoup.parse(page).getElementById("engangslosenord").attr("value");
        mvc.perform(formLogin("/login").user("olle").password(once)).andExpect(redirectedUrl("/konto/losenord"));
        assertThat(jdbc.sql("select summary from audit_entry where object_type = 'app_user' and object_id = ? order by id")
                .param(person("olle")).query(String.class).list()).contains("Lösenord återställt för Olle Olsson (engångslösenord)");
    }

    @Test
    void a_controller_gives_roles_only_within_their_scope_and_nobody_removes_the_last_administrator() throws Exception {
        create("sara", "Sara Controller");
        create("rut", "Rut Rapportör");
        Cookie admin = logIn("anna", ADMIN_PASSWORD);
        mvc.perform(post("/personer/" + person("sara") + "/roller").with(csrf()).cookie(admin)
                .param("role", "CONTROLLER").param("unit", String.valueOf(unit("SN")))).andExpect(status().isFound());
        jdbc.sql("update app_user set must_change_password = false, password_hash = (select password_hash from app_user where username = 'anna') where username = 'sara'").update();
        Cookie sara = logIn("sara", ADMIN_PASSWORD);

        mvc.perform(get("/personer").cookie(sara)).andExpect(status().isOk()).andExpect(content().string(containsString("Rut Rapportör")));
        mvc.perform(post("/personer/" + person("rut") + "/roller").with(csrf()).cookie(sara)
                .param("role", "REPORTER").param("unit", String.valueOf(unit("SF-BS")))).andExpect(status().isFound());
        mvc.perform(post("/personer/" + person("rut") + "/roller").with(csrf()).cookie(sara)
                .param("role", "REPORTER").param("unit", String.valueOf(unit("TN")))).andExpect(status().isForbidden());
        mvc.perform(post("/personer/" + person("rut") + "/roller").with(csrf()).cookie(sara)
                .param("role", "ADMINISTRATOR").param("unit", "")).andExpect(status().isForbidden());
        mvc.perform(post("/personer").with(csrf()).cookie(sara).param("displayName", "X").param("username", "x"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select r.role || '@' || u.code from role_assignment r join org_unit u on u.id = r.org_unit_id where r.user_id = ?")
                .param(person("rut")).query(String.class).list()).containsExactly("REPORTER@SF-BS");
        // the refused writes are in the log, with who and why
        assertThat(jdbc.sql("select actor || ': ' || summary from audit_entry where action = 'NEKAD' and actor = 'sara' order by id")
                .query(String.class).list()).contains(
                "sara: Nekad: POST /personer/" + person("rut") + "/roller – Du får bara ge och ta bort roller inom din egen del av organisationen.",
                "sara: Nekad: POST /personer – Endast administratörer får göra detta.");

        long adminRole = id("select r.id from role_assignment r join app_user u on u.id = r.user_id where u.username = 'anna' and r.role = 'ADMINISTRATOR'");
        mvc.perform(post("/personer/" + person("anna") + "/roller/" + adminRole + "/ta-bort").with(csrf()).cookie(admin))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("minst en aktiv administratör")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/people/" + person("anna") + "/roles/" + adminRole).with(httpBasic("anna", ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("minst en aktiv administratör")));
        assertThat(id("select count(*) from role_assignment where id = ?", adminRole)).isEqualTo(1);
    }

    @Test
    void a_role_form_offers_the_bodies_and_units_found_by_a_search_never_the_whole_organisation() throws Exception {
        create("vera", "Vera Väljare");
        Cookie admin = logIn("anna", ADMIN_PASSWORD);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/personer/" + person("vera")).cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#unit option").eachText()).as("without a search: the whole municipality and the bodies")
                .contains("Hela kommunen").anyMatch(t -> t.contains("Socialnämnden")).anyMatch(t -> t.contains("Tekniska nämnden"))
                .noneMatch(t -> t.contains("Boendestöd") || t.contains("Socialförvaltningen"));
        assertThat(page.select("label[for=enhet]").text()).isEqualTo("Sök enhet (namn eller kod)");

        page = org.jsoup.Jsoup.parse(mvc.perform(get("/personer/" + person("vera")).param("enhet", "sf-b").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#unit option").eachAttr("value")).contains(String.valueOf(unit("SF-BS")))
                .doesNotContain(String.valueOf(unit("SN")), String.valueOf(unit("TN")));
        assertThat(page.select("#unit option").eachText()).anyMatch(t -> t.contains("Boendestöd") && t.contains("Socialnämnden › Socialförvaltningen"));
        assertThat(page.getElementById("enhet-hint").text()).isEqualTo("Listan visar den enhet som matchar sökningen.");

        page = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/oidc-roller").param("enhet", "ingen sådan enhet").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#unit option").eachText()).containsExactly("Hela kommunen");
        assertThat(page.getElementById("enhet-hint").text()).isEqualTo("Ingen aktiv enhet matchar sökningen.");
    }

    @Test
    void the_api_lists_people_a_page_at_a_time_and_creates_them() throws Exception {
        mvc.perform(post("/api/v1/people").with(httpBasic("anna", ADMIN_PASSWORD)).contentType("application/json")
                        .content("{\"displayName\":\"Lista Personsson\",\"username\":\"lista.personsson\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.person.username").value("lista.personsson"))
                .andExpect(jsonPath("$.oneTimePassword").isString());
        mvc.perform(post("/api/v1/people").with(httpBasic("anna", ADMIN_PASSWORD)).contentType("application/json")
                        .content("{\"displayName\":\"\",\"username\":\"lista.personsson\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.username[0]").value("Användarnamnet är upptaget."))
                .andExpect(jsonPath("$.errors.displayName[0]").value("Ange personens namn."));
        mvc.perform(get("/api/v1/people").param("q", "personsson").param("size", "1").with(httpBasic("anna", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.items[0].displayName").value("Lista Personsson"))
                .andExpect(jsonPath("$.items[0].passwordHash").doesNotExist());
        mvc.perform(get("/api/v1/people").param("size", "9999").with(httpBasic("anna", ADMIN_PASSWORD))).andExpect(status().isBadRequest());
    }

    @Test
    void wrong_passwords_lock_the_username_for_a_while_and_are_audited() throws Exception {
        create("tore", "Tore Test");
        jdbc.sql("update app_user set must_change_password = false, password_hash = (select password_hash from app_user where username = 'anna') where username = 'tore'").update();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("tore").password("fel " + i)).andExpect(unauthenticated());
        }
        // the right password does not help while the username is locked, on the web nor the API
        mvc.perform(formLogin("/login").user("tore").password(ADMIN_PASSWORD)).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/tasks/mine").with(httpBasic("tore", ADMIN_PASSWORD))).andExpect(status().isUnauthorized());
        List<String> log = jdbc.sql("select summary from audit_entry where action = 'NEKAD' and actor = 'tore' order by id").query(String.class).list();
        assertThat(log).hasSize(5).allMatch(s -> s.startsWith("Misslyckad inloggning (fel användarnamn eller lösenord) för \"tore\""));
        assertThat(log.get(4)).endsWith("inloggningen är spärrad i 15 minuter");
        // the lock is in the database, for every instance
        assertThat(jdbc.sql("select failures from login_throttle where throttle_key = 'u:tore'").query(Integer.class).single()).isEqualTo(5);

        // a password reset lifts the lock at once
        mvc.perform(post("/personer/" + person("tore") + "/losenord").with(csrf()).cookie(logIn("anna", ADMIN_PASSWORD))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from login_throttle where throttle_key = 'u:tore'").query(Long.class).single()).isZero();
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/login").user("tore").password("fel " + i)).andExpect(unauthenticated());
        }
        jdbc.sql("update app_user set must_change_password = false, password_hash = (select password_hash from app_user where username = 'anna') where username = 'tore'").update();
        mvc.perform(formLogin("/login").user("tore").password(ADMIN_PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.sql("select count(*) from login_throttle where throttle_key = 'u:tore'").query(Long.class).single()).isZero();
        // an unknown username is counted and audited too, in the only municipality's log
        mvc.perform(formLogin("/login").user("ingen-sadan").password("x")).andExpect(unauthenticated());
        assertThat(jdbc.sql("select municipality_id from audit_entry where actor = 'ingen-sadan'").query(Long.class).single())
                .isEqualTo(id("select id from municipality"));
    }

    @Test
    void the_oidc_table_gives_roles_at_login_and_creates_the_account() throws Exception {
        Cookie admin = logIn("anna", ADMIN_PASSWORD);
        mvc.perform(post("/admin/oidc-roller").with(csrf()).cookie(admin).param("claim", "groups")
                .param("value", "styr-soc-controller").param("role", "CONTROLLER").param("unit", String.valueOf(unit("SN"))))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/oidc-roller").with(csrf()).cookie(admin).param("claim", "groups")
                .param("value", "").param("role", "READER").param("unit", "")).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/oidc-roller").cookie(admin)).andExpect(status().isOk()).andExpect(content().string(containsString("styr-soc-controller")));

        var login = new OidcRoles.Login("sso.person", "Sso Person", null, Map.of("groups", List.of("alla", "styr-soc-controller")));
        long id = oidcRoles.apply(null, login).orElseThrow();
        assertThat(jdbc.sql("select r.role || '@' || u.code from role_assignment r join org_unit u on u.id = r.org_unit_id where r.user_id = ? and r.from_oidc = true")
                .param(id).query(String.class).list()).containsExactly("CONTROLLER@SN");
        // a role given by hand stays; the table's are renewed at each login
        jdbc.sql("insert into role_assignment (user_id, role, org_unit_id) values (?, 'READER', null)").param(id).update();
        oidcRoles.apply(id, new OidcRoles.Login("sso.person", "Sso Person", null, Map.of("groups", List.of("alla"))));
        assertThat(jdbc.sql("select role from role_assignment where user_id = ?").param(id).query(String.class).list()).containsExactly("READER");
        // nobody the table gives nothing gets an account
        assertThat(oidcRoles.apply(null, new OidcRoles.Login("okand", "Okänd", null, Map.of("groups", "annat")))).isEmpty();
    }

    @Test
    void behind_a_tls_proxy_redirects_keep_https_and_pages_carry_a_csp() throws Exception {
        MvcResult r = mvc.perform(post("/login").with(csrf()).param("username", "anna").param("password", ADMIN_PASSWORD)
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "styr.halmstad.se"))
                .andExpect(authenticated()).andExpect(header().string("Location", startsWith("https://styr.halmstad.se/"))).andReturn();
        // the session cookie's Secure is checked against a real server in SetupBrowserTest (MockMvc writes cookies its own way)
        mvc.perform(get("/personer").cookie(r.getResponse().getCookie("SESSION")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
        mvc.perform(get("/api/v1/people").with(httpBasic("anna", ADMIN_PASSWORD)))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
    }

    @Test
    void changing_ones_own_password_over_the_api_needs_the_current_one() throws Exception {
        create("pia", "Pia Api");
        jdbc.sql("update app_user set must_change_password = false, password_hash = (select password_hash from app_user where username = 'anna') where username = 'pia'").update();
        mvc.perform(put("/api/v1/me/password").with(httpBasic("pia", ADMIN_PASSWORD)).contentType("application/json")
                        .content("{\"current\":\"fel\",\"password\":\"" + NEW_PASSWORD + "\",\"passwordRepeat\":\"" + NEW_PASSWORD + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.current[0]").value("Det nuvarande lösenordet stämmer inte."));
        mvc.perform(put("/api/v1/me/password").with(httpBasic("pia", ADMIN_PASSWORD)).contentType("application/json")
                        .content("{\"current\":\"" + ADMIN_PASSWORD + "\",\"password\":\"" + NEW_PASSWORD + "\",\"passwordRepeat\":\"" + NEW_PASSWORD + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tasks/mine").with(httpBasic("pia", NEW_PASSWORD))).andExpect(status().isOk());
    }
}
