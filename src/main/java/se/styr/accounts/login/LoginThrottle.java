package se.styr.accounts.login;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted in the database so that every instance sees them: per username and per client address.
 * Every {@code styr.login.max-failures} failures of a username lock it for {@code styr.login.lockout}, each time twice
 * as long as the time before, at most a day; a day without failures starts the count again. An address (a whole town
 * hall may share one) is counted only in bursts: {@code max-failures-per-address} failures without a pause as long as
 * the lockout lock it. A locked key is refused before its password is even checked.
 */
@Component
public class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc, @Value("${styr.login.max-failures:5}") int maxPerUser,
                  @Value("${styr.login.max-failures-per-address:50}") int maxPerAddress,
                  @Value("${styr.login.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lockout = lockout;
    }

    /** What a login attempt meets: a lock until a time, and whether the username has failures to forget on success. */
    public record State(OffsetDateTime lockedUntil, boolean userHasFailures) {
        public boolean locked() {
            return lockedUntil != null;
        }
    }

    static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "ip:" + address;
    }

    /** One query for both keys. */
    public State state(String username, String address) {
        OffsetDateTime now = now();
        record Row(String key, OffsetDateTime lockedUntil) {
        }
        var rows = jdbc.sql("select throttle_key, locked_until from login_throttle where throttle_key in (?, ?)")
                .params(truncate(userKey(username)), address == null ? "" : truncate(addressKey(address)))
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list();
        OffsetDateTime until = rows.stream().map(Row::lockedUntil).filter(t -> t != null && t.isAfter(now))
                .max(OffsetDateTime::compareTo).orElse(null);
        return new State(until, rows.stream().anyMatch(r -> r.key().equals(truncate(userKey(username)))));
    }

    /** Counts a failed login; returns the lock it caused for the username, if this failure locked it. */
    public Optional<Duration> failed(String username, String address) {
        Optional<Duration> userLock = fail(truncate(userKey(username)), maxPerUser, FORGET_AFTER);
        if (address != null) {
            fail(truncate(addressKey(address)), maxPerAddress, lockout);
        }
        return userLock;
    }

    public void succeeded(String username) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(truncate(userKey(username))).update();
    }

    private Optional<Duration> fail(String key, int max, Duration forgetAfter) {
        OffsetDateTime now = now();
        OffsetDateTime forgetBefore = now.minus(forgetAfter);
        // one statement, so that failures on two instances at the same moment are both counted
        int updated = jdbc.sql("""
                        update login_throttle set failures = case when last_failure < ? then 1 else failures + 1 end,
                          last_failure = ? where throttle_key = ?""")
                .params(forgetBefore, now, key).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure) values (?, 1, ?)").params(key, now).update();
            } catch (DuplicateKeyException e) {
                return fail(key, max, forgetAfter);
            }
        }
        int failures = jdbc.sql("select failures from login_throttle where throttle_key = ?").param(key).query(Integer.class).single();
        if (failures % max != 0) {
            return Optional.empty();
        }
        long times = Math.min(failures / max - 1, 10);
        Duration lock = lockout.multipliedBy(1L << times);
        if (lock.compareTo(FORGET_AFTER) > 0) {
            lock = FORGET_AFTER;
        }
        jdbc.sql("update login_throttle set locked_until = ? where throttle_key = ?").params(now.plus(lock), key).update();
        return Optional.of(lock);
    }

    /** Old rows are forgotten anyway; this keeps the table small. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 37 3 * * *", zone = "Europe/Stockholm")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "login-throttle-cleanup", lockAtMostFor = "PT10M")
    void forgetOld() {
        OffsetDateTime now = now();
        jdbc.sql("delete from login_throttle where last_failure < ? and (locked_until is null or locked_until < ?)")
                .params(now.minus(FORGET_AFTER), now).update();
    }

    /**
     * The client's address of the request being served (behind a proxy the forwarded one, see
     * server.forward-headers-strategy), or null outside a request.
     */
    public static String clientAddress() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attrs
                ? attrs.getRequest().getRemoteAddr() : null;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String truncate(String key) {
        return key.length() > 250 ? key.substring(0, 250) : key;
    }
}
