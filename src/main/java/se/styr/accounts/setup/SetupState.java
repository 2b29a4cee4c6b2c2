package se.styr.accounts.setup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether Styr is set up: an active administrator exists. Once it is, it stays so (the last administrator cannot be
 * removed), so that answer is kept; until then every request asks the database, which is cheap on an empty one and
 * lets a second instance notice that the setup was done on the first.
 */
@Component
public class SetupState {

    private final JdbcClient jdbc;
    private volatile boolean done;

    SetupState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean done() {
        if (!done) {
            done = jdbc.sql("""
                            select count(*) from app_user u join role_assignment r on r.user_id = u.id
                            where u.active = true and r.role = 'ADMINISTRATOR'""").query(Long.class).single() > 0;
        }
        return done;
    }
}
