package se.styr.accounts.setup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.styr.platform.Secrets;

/**
 * The one-time setup links: 256 random bits, of which only the SHA-256 is stored. Each instance that starts on an
 * unset installation makes its own link; every link dies when the setup is done, and a link older than a day when an
 * instance starts.
 */
@Repository
class SetupTokens {

    private final JdbcClient jdbc;

    SetupTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String create() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("delete from setup_token where created_at < ?").param(now.minusDays(1)).update();
        String secret = Secrets.random();
        jdbc.sql("insert into setup_token (token_hash, created_at) values (?, ?)").params(hash(secret), now).update();
        return secret;
    }

    boolean valid(String secret) {
        return secret != null && jdbc.sql("select count(*) from setup_token where token_hash = ?").param(hash(secret))
                .query(Long.class).single() > 0;
    }

    /** Uses the link up: true for the one request that removed it, so two forms sent at once cannot both set up. */
    boolean consume(String secret) {
        return secret != null && jdbc.sql("delete from setup_token where token_hash = ?").param(hash(secret)).update() == 1;
    }

    /**
     * Claims the setup for the calling transaction: false when another one has done it. A second transaction that
     * tries while the first is still running waits for it (the row's primary key), so two can never both go on.
     */
    boolean claim() {
        try {
            jdbc.sql("insert into setup_claim (id, claimed_at) values (1, ?)").param(OffsetDateTime.now(ZoneOffset.UTC)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    void clear() {
        jdbc.sql("delete from setup_token").update();
    }

    private static String hash(String secret) {
        return Secrets.sha256(secret);
    }
}
