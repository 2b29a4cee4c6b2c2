package se.styr.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.audit.AuditLog;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * Personal API tokens: a person creates a named key for the API, sees its secret once, and can revoke it; an
 * administrator sees and revokes anyone's in the municipality. The secret is 256 random bits, so its SHA-256 is
 * what is kept (a slow password hash would protect nothing more and cost every request).
 */
@Service
class ApiTokens {

    /** A token as listed; never its secret or hash. */
    record ApiToken(long id, String name, String username, String displayName, OffsetDateTime createdAt,
                    LocalDate expiresOn, OffsetDateTime lastUsedAt) {

        public boolean expired() {
            return expiresOn != null && expiresOn.isBefore(LocalDate.now(Access.SWEDEN));
        }
    }

    /** A token just created, with the secret that is shown this once. */
    record Created(ApiToken token, String secret) {
    }

    static final String PREFIX = "styr_";
    static final int NAME_MAX = 100;
    /** Long enough for any real use; a date in year 99 999 is a typing mistake. */
    static final int YEARS_MAX = 5;
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    /** last_used_at is written at most this often per token, so that using a token costs no write per request. */
    private static final java.time.Duration USE_RECORDED_EVERY = java.time.Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Access access;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
    }

    private static final String SELECT = """
            select t.id, t.name, u.username, u.display_name, t.created_at, t.expires_on, t.last_used_at
            from api_token t join app_user u on u.id = t.user_id""";

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, LocalDate.class), rs.getObject(7, OffsetDateTime.class));
    }

    /** The current person's tokens, newest first. */
    List<ApiToken> mine() {
        return jdbc.sql(SELECT + " where t.user_id = ? order by t.created_at desc, t.id desc")
                .param(access.current().id()).query(ApiTokens::token).list();
    }

    /** One page of the current person's tokens, newest first. */
    Paging.Page<ApiToken> mine(Paging paging) {
        return page(" where t.user_id = :user", Map.of("user", access.current().id()), " order by t.created_at desc, t.id desc", paging);
    }

    /** One page of everyone's tokens in the municipality, for an administrator; {@code username} picks one person's. */
    Paging.Page<ApiToken> all(String username, Paging paging) {
        access.require(Access.Action.ADMINISTER, null);
        Map<String, Object> params = new HashMap<>();
        params.put("m", access.municipalityId());
        String where = " where t.municipality_id = :m";
        if (username != null && !username.isBlank()) {
            where += " and u.username = :username";
            params.put("username", username.strip());
        }
        return page(where, params, " order by u.display_name, t.created_at desc, t.id desc", paging);
    }

    private Paging.Page<ApiToken> page(String where, Map<String, Object> params, String order, Paging paging) {
        long total = jdbc.sql("select count(*) from api_token t join app_user u on u.id = t.user_id" + where)
                .params(params).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of()
                : jdbc.sql(SELECT + where + order + paging.limitOffset()).params(params).query(ApiTokens::token).list());
    }

    @Transactional
    Created create(String name, LocalDate expiresOn) {
        CurrentUser me = access.current();
        String trimmed = name == null ? "" : name.strip();
        LocalDate today = LocalDate.now(Access.SWEDEN);
        Problems p = new Problems();
        p.check(!trimmed.isEmpty(), "name", "apinyckel.validering.namn");
        p.check(trimmed.length() <= NAME_MAX, "name", "apinyckel.validering.langd", NAME_MAX);
        p.check(!UNPRINTABLE.matcher(trimmed).find(), "name", "apinyckel.validering.tecken");
        if (expiresOn != null) {
            p.check(!expiresOn.isBefore(today), "expiresOn", "apinyckel.validering.passerad");
            p.check(!expiresOn.isAfter(today.plusYears(YEARS_MAX)), "expiresOn", "apinyckel.validering.lang", YEARS_MAX);
        }
        p.throwIfAny();
        String secret = PREFIX + se.styr.platform.Secrets.random();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (municipality_id, user_id, name, token_hash, created_at, expires_on) values (?, ?, ?, ?, ?, ?)")
                .params(me.municipalityId(), me.id(), trimmed, hash(secret), OffsetDateTime.now(ZoneOffset.UTC), expiresOn)
                .update(keys, "id");
        ApiToken saved = byId(keys.getKey().longValue());
        audit.record(me.municipalityId(), "api_token", saved.id(), AuditLog.Action.SKAPAD,
                "API-nyckel för " + me.displayName() + ": " + saved.name(), null, saved);
        return new Created(saved, secret);
    }

    /** Revokes one's own token, or as an administrator anyone's in the municipality. */
    @Transactional
    ApiToken revoke(long id) {
        CurrentUser me = access.current();
        ApiToken token = jdbc.sql(SELECT + " where t.id = ? and t.municipality_id = ?").params(id, me.municipalityId())
                .query(ApiTokens::token).optional()
                .filter(t -> t.username().equals(me.username()) || access.may(Access.Action.ADMINISTER, null))
                .orElseThrow(() -> new NotFoundException("API-nyckeln", id));
        jdbc.sql("delete from api_token where id = ?").param(id).update();
        audit.record(me.municipalityId(), "api_token", id, AuditLog.Action.BORTTAGEN,
                "API-nyckel för " + token.displayName() + " återkallad: " + token.name(), token, null);
        return token;
    }

    /**
     * The person a bearer secret stands for, with their roles as they are now.
     *
     * @throws BadCredentialsException with a Swedish message when the token is unknown (or revoked), expired, or
     *                                 its account is deactivated
     */
    CurrentUser authenticate(String secret) {
        record Found(long tokenId, LocalDate expiresOn, OffsetDateTime lastUsedAt, Accounts.Account account) {
        }
        Found found = secret == null || !secret.startsWith(PREFIX) ? null : jdbc.sql("""
                        select t.id, t.expires_on, t.last_used_at,
                               u.id, u.municipality_id, u.username, u.display_name, u.email, u.password_hash, u.active
                        from api_token t join app_user u on u.id = t.user_id where t.token_hash = ?""")
                .param(hash(secret))
                .query((rs, n) -> new Found(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, OffsetDateTime.class),
                        new Accounts.Account(rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getBoolean(10))))
                .optional().orElse(null);
        if (found == null) {
            throw new BadCredentialsException("API-nyckeln är okänd eller återkallad.");
        }
        if (found.expiresOn() != null && found.expiresOn().isBefore(LocalDate.now(Access.SWEDEN))) {
            throw new BadCredentialsException("API-nyckeln har gått ut.");
        }
        if (!found.account().active()) {
            throw new BadCredentialsException("Kontot som API-nyckeln hör till är inaktiverat.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(now, found.tokenId()).update();
        }
        return accounts.currentUser(found.account());
    }

    /** Tokens that expired more than a month ago are no use to anyone; their creation and revocation stay audited. */
    @Scheduled(cron = "0 17 3 * * *", zone = "Europe/Stockholm")
    @SchedulerLock(name = "api-tokens-cleanup", lockAtMostFor = "PT10M")
    void forgetLongExpired() {
        jdbc.sql("delete from api_token where expires_on < ?").param(LocalDate.now(Access.SWEDEN).minusMonths(1)).update();
    }

    private ApiToken byId(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(ApiTokens::token).single();
    }

    static String hash(String secret) {
        return se.styr.platform.Secrets.sha256(secret);
    }
}
