package se.styr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No request takes a second connection from the pool while it holds one (a query inside a row mapper, or a query
 * while a result is still being read): under load that deadlocks the pool. The main pages of every module are
 * opened outside any test transaction, so each statement takes its connection from the pool as in production.
 */
@StyrIntegrationTest
class NoNestedConnectionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void the_main_pages_never_take_a_second_connection_while_holding_one() throws Exception {
        long round = jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();
        long unit = jdbc.sql("select id from org_unit where code = 'VOF-AO'").query(Long.class).single();
        long goal = jdbc.sql("select min(o.object_id) from followup_object o join goal_object g on g.id = o.object_id where o.round_id = ? and g.kind = 'NAMNDMAL'")
                .param(round).query(Long.class).single();
        long task = jdbc.sql("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'").params(round, unit)
                .query(Long.class).single();
        List<String> paths = List.of("/", "/styrkedja", "/objekt/" + goal, "/uppfoljning", "/uppfoljning/" + round,
                "/uppfoljning/" + round + "/utfall", "/uppfoljning/uppgift/" + task,
                "/uppfoljning/" + round + "/enhet/" + unit + "/objekt/" + goal + "?flik=underlag",
                "/uppfoljning/" + round + "/delning/" + goal, "/uppfoljning/" + round + "/rapport",
                "/uppfoljning/" + round + "/rapport.pdf", "/organisation", "/ekonomi", "/ekonomi/uppfoljning",
                "/forslag", "/api/v1/rounds", "/api/v1/rounds/" + round, "/api/v1/rounds/" + round + "/report",
                "/api/v1/tasks/mine", "/api/v1/objects");
        QueryCounter.clearNested();
        for (String username : List.of("controller", "avdelningschef", "politiker")) {
            var person = user(users.loadUserByUsername(username));
            for (String path : paths) {
                mvc.perform(get(path).with(person));
            }
        }
        assertThat(QueryCounter.nestedConnections()).as("requests that took a second connection while holding one").isEmpty();
    }
}
