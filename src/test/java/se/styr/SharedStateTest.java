package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The state several instances share lives in the database: the session of a login, and the scheduled tasks' lock. */
@StyrIntegrationTest
class SharedStateTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LockProvider locks;

    @Test
    void aLoginsSessionIsARowThatAnyRequestWithItsCookieFinds() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("controller").password("styr-demo"))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie cookie = login.getResponse().getCookie("SESSION");
        assertThat(cookie).as("Spring Session's cookie").isNotNull();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'controller'").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id"
                + " where s.principal_name = 'controller' and a.attribute_name = 'SPRING_SECURITY_CONTEXT'").query(Long.class).single())
                .isPositive();
        // the stored login holds no password hash (bcrypt hashes start with "$2")
        byte[] context = jdbc.sql("select a.attribute_bytes from spring_session_attributes a join spring_session s"
                + " on s.primary_id = a.session_primary_id where s.principal_name = 'controller'"
                + " and a.attribute_name = 'SPRING_SECURITY_CONTEXT'").query(byte[].class).list().get(0);
        String hash = jdbc.sql("select password_hash from app_user where username = 'controller'").query(String.class).single();
        assertThat(new String(context, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("controller").doesNotContain(hash);
        // a request with only the cookie (no container session) is signed in
        mvc.perform(get("/vikarie").cookie(cookie)).andExpect(status().isOk());
        mvc.perform(get("/vikarie")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSchedulersLockIsHeldByOneAtATime() {
        LockConfiguration config = new LockConfiguration(Instant.now(), "prov-las", Duration.ofSeconds(30), Duration.ZERO);
        SimpleLock held = locks.lock(config).orElseThrow();
        try {
            assertThat(locks.lock(new LockConfiguration(Instant.now(), "prov-las", Duration.ofSeconds(30), Duration.ZERO)))
                    .as("a second taker while the first holds it").isEmpty();
        } finally {
            held.unlock();
        }
        locks.lock(new LockConfiguration(Instant.now(), "prov-las", Duration.ofSeconds(30), Duration.ZERO)).orElseThrow().unlock();
    }
}
