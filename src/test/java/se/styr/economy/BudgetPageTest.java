package se.styr.economy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.styr.StyrIntegrationTest;

@StyrIntegrationTest
class BudgetPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    BudgetService budgets;

    @Test
    void theBudgetPageShowsTheSeedsTablesWithTheirPrintedRounding() throws Exception {
        se.styr.SignedIn.as(users, "politiker");
        long id = budgets.forYear(2022).orElseThrow().id();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        mvc.perform(get("/ekonomi/budget/" + id).with(user(users.loadUserByUsername("politiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2\u00a0132\u00a0879")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("(tryckt: −2\u00a0665\u00a0809)")));
        mvc.perform(get("/ekonomi/budget/" + id).param("enhet", "mnkr").with(user(users.loadUserByUsername("politiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2\u00a0132,9")));
        mvc.perform(get("/ekonomi").with(user(users.loadUserByUsername("politiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Budget 2022–2024")));
    }
}
