package se.styr.accounts.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.EmptyDatabase;

/**
 * Two instances that start on an unset installation each print a link of their own. When both links are used at the
 * same moment, with different municipalities and administrators, exactly one setup happens; the other form gets "Styr
 * är redan uppsatt" (410 on the page), not a second municipality and not a 500 from a unique key.
 */
@SpringBootTest(properties = "styr.demo.enabled=false")
@Tag("db")
class SetupRaceTest {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmptyDatabase.register(registry, "setuprace");
    }

    @Autowired
    Setup setup;
    @Autowired
    SetupTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private static Setup.Form form(String municipality, String kolada, String username) {
        String password = "Två länkar samtidigt i Halland";
        return new Setup.Form(municipality, kolada, null, null, "Admin " + username, username, null, password, password);
    }

    @Test
    void two_links_used_at_once_set_up_one_municipality_and_tell_the_other_it_is_done() throws Exception {
        List<String> links = List.of(tokens.create(), tokens.create());
        List<Setup.Form> forms = List.of(form("Varbergs kommun", "1383", "varberg.admin"),
                form("Falkenbergs kommun", "1382", "falkenberg.admin"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int which = i;
                results.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return setup.complete(links.get(which), forms.get(which));
                }));
            }
            List<String> admins = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (Future<String> r : results) {
                try {
                    admins.add(r.get(30, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(admins).hasSize(1);
            assertThat(refused).singleElement().isInstanceOfSatisfying(Setup.Closed.class, c -> assertThat(c.done).isTrue());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from municipality").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from setup_token").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from setup_claim").query(Long.class).single()).isOne();
    }
}
