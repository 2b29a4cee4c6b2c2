package se.styr.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local accounts and their roles. */
@Repository
class Accounts {

    record Account(long id, long municipalityId, String username, String displayName, String email,
                   String passwordHash, boolean active) {
    }

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byUsername(String username) {
        return find("lower(username) = lower(?)", username);
    }

    Optional<Account> byEmail(String email) {
        return find("lower(email) = lower(?)", email);
    }

    private Optional<Account> find(String where, String value) {
        return jdbc.sql("select id, municipality_id, username, display_name, email, password_hash, active from app_user where " + where)
                .param(value)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional();
    }

    List<CurrentUser.RoleScope> roles(long userId) {
        return jdbc.sql("select role, org_unit_id from role_assignment where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new CurrentUser.RoleScope(Role.valueOf(rs.getString(1)), rs.getObject(2, Long.class)))
                .list();
    }

    CurrentUser currentUser(Account account) {
        return new CurrentUser(account.id(), account.municipalityId(), account.username(), account.displayName(),
                roles(account.id()));
    }
}
