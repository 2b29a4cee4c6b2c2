package se.styr.accounts.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.styr.StyrIntegrationTest;

/**
 * The throttle's counting on the shared database, with keys no one else uses (documentation addresses, a username
 * that does not exist), removed afterwards: a username's locks grow, an address is locked only by a burst.
 */
@StyrIntegrationTest
class LoginThrottleTest {

    @Autowired
    JdbcClient jdbc;

    private LoginThrottle throttle() {
        return new LoginThrottle(jdbc, 3, 4, Duration.ofMinutes(15));
    }

    @AfterEach
    void forget() {
        jdbc.sql("delete from login_throttle where throttle_key in ('u:throttle-prov', 'ip:203.0.113.7', 'ip:203.0.113.8')"
                + " or throttle_key like 'u:person_' or throttle_key like 'u:burst_'").update();
    }

    @Test
    void every_few_failures_lock_the_username_each_time_twice_as_long() {
        LoginThrottle t = throttle();
        assertThat(t.failed("throttle-prov", null)).isEmpty();
        assertThat(t.failed("Throttle-Prov", null)).isEmpty();
        assertThat(t.state("throttle-prov", null).locked()).isFalse();
        assertThat(t.failed("throttle-prov", null)).contains(Duration.ofMinutes(15));
        assertThat(t.state("THROTTLE-PROV", "203.0.113.9").locked()).isTrue();
        t.failed("throttle-prov", null);
        t.failed("throttle-prov", null);
        assertThat(t.failed("throttle-prov", null)).contains(Duration.ofMinutes(30));
        t.succeeded("throttle-prov");
        assertThat(t.state("throttle-prov", null)).isEqualTo(new LoginThrottle.State(null, false));
    }

    @Test
    void an_address_is_locked_by_a_burst_not_by_failures_spread_over_the_day() {
        LoginThrottle t = throttle();
        for (int i = 0; i < 3; i++) {
            t.failed("person" + i, "203.0.113.7");
        }
        // a pause as long as the lockout forgets the address's failures
        jdbc.sql("update login_throttle set last_failure = last_failure - interval '16' minute where throttle_key = 'ip:203.0.113.7'").update();
        t.failed("person9", "203.0.113.7");
        assertThat(t.state("someone", "203.0.113.7").locked()).isFalse();
        for (int i = 0; i < 4; i++) {
            t.failed("burst" + i, "203.0.113.8");
        }
        assertThat(t.state("someone", "203.0.113.8").locked()).isTrue();
    }
}
