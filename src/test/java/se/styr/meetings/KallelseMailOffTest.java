package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/** Without mail configured the meeting page says the kallelse cannot be sent from Styr, and a send is refused in Swedish. */
@StyrIntegrationTest
@Transactional
class KallelseMailOffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void without_mail_the_page_says_so_and_nothing_is_sent_or_recorded() throws Exception {
        long m = jdbc.sql("select id from meeting where meets_on = '2022-09-27'").query(Long.class).single();
        var secretary = user(users.loadUserByUsername("sekreterare"));
        String page = mvc.perform(get("/namnd/sammantraden/{id}", m).with(secretary)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("E-post är inte konfigurerad i Styr").doesNotContain("kallelse/skicka");
        String refused = mvc.perform(post("/namnd/sammantraden/{id}/kallelse/skicka", m).with(secretary).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("E-post är inte konfigurerad i Styr");
        assertThat(jdbc.sql("select count(*) from meeting_kallelse_sent").query(Long.class).single()).isZero();
    }
}
