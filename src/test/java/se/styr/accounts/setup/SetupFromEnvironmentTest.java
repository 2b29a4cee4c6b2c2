package se.styr.accounts.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.styr.EmptyDatabase;

/** An automated install: the municipality and its administrator from the environment (styr.setup.*), no link. */
@SpringBootTest(properties = {"styr.demo.enabled=false", "styr.setup.municipality-name=Kungsbacka kommun",
        "styr.setup.kolada-id=1384", "styr.setup.admin-username=drift", "styr.setup.admin-name=Driftkontot",
        "styr.setup.admin-password=ett långt lösenord från valvet"})
@AutoConfigureMockMvc
@Tag("db")
class SetupFromEnvironmentTest {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "setupenv");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_environment_sets_up_styr_at_the_start_and_no_link_is_made() throws Exception {
        assertThat(jdbc.sql("select name || ' ' || kolada_id from municipality").query(String.class).list())
                .containsExactly("Kungsbacka kommun 1384");
        assertThat(jdbc.sql("select u.display_name || ' ' || r.role from app_user u join role_assignment r on r.user_id = u.id")
                .query(String.class).list()).containsExactly("Driftkontot ADMINISTRATOR");
        assertThat(jdbc.sql("select count(*) from setup_token").query(Long.class).single()).isZero();
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user("drift").password("ett långt lösenord från valvet"))
                .andExpect(authenticated().withUsername("drift"));
    }
}
