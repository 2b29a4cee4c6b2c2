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

    boolean mustChangePassword(long userId) {
        return jdbc.sql("select must_change_password from app_user where id = ?").param(userId).query(Boolean.class).single();
    }

    List<CurrentUser.RoleScope> roles(long userId) {
        return jdbc.sql("select role, org_unit_id from role_assignment where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new CurrentUser.RoleScope(Role.valueOf(rs.getString(1)), rs.getObject(2, Long.class)))
                .list();
    }

    List<Account> active(long municipalityId) {
        return jdbc.sql("select id, municipality_id, username, display_name, email, password_hash, active from app_user"
                        + " where municipality_id = ? and active = true order by display_name")
                .param(municipalityId)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .list();
    }

    private static final String SUBSTITUTION = """
            select s.id, u.username, u.display_name, v.username, v.display_name, s.from_on, s.to_on
            from substitute s join app_user u on u.id = s.user_id join app_user v on v.id = s.substitute_user_id
            """;

    private static Substitution substitution(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Substitution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, java.time.LocalDate.class), rs.getObject(7, java.time.LocalDate.class));
    }

    /** The substitutes a person has named, latest first. */
    List<Substitution> substitutesOf(long userId) {
        return jdbc.sql(SUBSTITUTION + " where s.user_id = ? order by s.from_on desc, s.id desc").param(userId)
                .query(Accounts::substitution).list();
    }

    /** Whom a person stands in for on a day. */
    List<Substitution> standingInFor(long substituteUserId, java.time.LocalDate day) {
        return jdbc.sql(SUBSTITUTION + " where s.substitute_user_id = ? and s.from_on <= ? and s.to_on >= ? and u.active = true"
                        + " order by u.display_name")
                .params(substituteUserId, day, day).query(Accounts::substitution).list();
    }

    /**
     * One page of substitutions: a person's own ({@code standingIn} false: the substitutes they named, newest first)
     * or those the person stands in for (true: by the name of the one away); {@code on} keeps those covering the day.
     */
    se.styr.platform.Paging.Page<Substitution> substitutions(long userId, boolean standingIn, java.time.LocalDate on,
                                                            se.styr.platform.Paging paging) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("user", userId);
        String where = standingIn ? " where s.substitute_user_id = :user and u.active = true" : " where s.user_id = :user";
        if (on != null) {
            where += " and s.from_on <= :on and s.to_on >= :on";
            p.put("on", on);
        }
        String order = standingIn ? " order by u.display_name, s.id" : " order by s.from_on desc, s.id desc";
        long total = jdbc.sql("select count(*) from substitute s join app_user u on u.id = s.user_id" + where)
                .params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of()
                : jdbc.sql(SUBSTITUTION + where + order + paging.limitOffset()).params(p).query(Accounts::substitution).list());
    }

    java.util.Optional<Substitution> substitution(long id) {
        return jdbc.sql(SUBSTITUTION + " where s.id = ?").param(id).query(Accounts::substitution).optional();
    }

    long insertSubstitute(long municipalityId, long userId, long substituteUserId, java.time.LocalDate from,
                          java.time.LocalDate to) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into substitute (municipality_id, user_id, substitute_user_id, from_on, to_on) values (?, ?, ?, ?, ?)")
                .params(municipalityId, userId, substituteUserId, from, to).update(keys, "id");
        return keys.getKey().longValue();
    }

    void deleteSubstitute(long id) {
        jdbc.sql("delete from substitute where id = ?").param(id).update();
    }

    CurrentUser currentUser(Account account) {
        return new CurrentUser(account.id(), account.municipalityId(), account.username(), account.displayName(),
                roles(account.id()));
    }
}
