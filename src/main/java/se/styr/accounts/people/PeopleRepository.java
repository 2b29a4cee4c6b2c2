package se.styr.accounts.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.accounts.Role;
import se.styr.platform.Paging;

/** Writes and searches of accounts and their roles, for setup, the administration pages and OIDC logins. */
@Repository
public class PeopleRepository {

    private static final String PERSON = "select id, username, display_name, email, active, must_change_password, version from app_user";

    private final JdbcClient jdbc;

    PeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Person person(ResultSet rs, int n) throws SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getInt(7), List.of());
    }

    public long insert(long municipalityId, String username, String displayName, String email, String passwordHash,
                       boolean mustChangePassword) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (municipality_id, username, display_name, email, password_hash, must_change_password)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(municipalityId, username, displayName, email, passwordHash, mustChangePassword).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(username).query(Long.class).single() > 0;
    }

    /** The person with their roles, when they belong to the municipality. */
    public Optional<Person> find(long municipalityId, long id) {
        return jdbc.sql(PERSON + " where id = ? and municipality_id = ?").params(id, municipalityId).query(PeopleRepository::person)
                .optional().map(p -> p.withRoles(roles(List.of(p.id())).getOrDefault(p.id(), List.of())));
    }

    public Optional<Person> byUsername(String username) {
        return jdbc.sql(PERSON + " where lower(username) = lower(?)").param(username).query(PeopleRepository::person)
                .optional().map(p -> p.withRoles(roles(List.of(p.id())).getOrDefault(p.id(), List.of())));
    }

    public Optional<Long> municipalityOf(long userId) {
        return jdbc.sql("select municipality_id from app_user where id = ?").param(userId).query(Long.class).optional();
    }

    /** One page of the municipality's people by name, narrowed by a text in the name, username or e-mail. */
    public Paging.Page<Person> search(long municipalityId, String text, Paging paging) {
        Map<String, Object> p = new HashMap<>();
        p.put("m", municipalityId);
        String where = " where municipality_id = :m";
        if (text != null && !text.isBlank()) {
            where += " and (lower(display_name) like :q or lower(username) like :q or lower(coalesce(email, '')) like :q)";
            p.put("q", "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from app_user" + where).params(p).query(Long.class).single();
        if (total == 0) {
            return paging.of(0, List.of());
        }
        List<Person> people = jdbc.sql(PERSON + where + " order by display_name, id" + paging.limitOffset()).params(p)
                .query(PeopleRepository::person).list();
        Map<Long, List<Person.Grant>> roles = roles(people.stream().map(Person::id).toList());
        return paging.of(total, people.stream().map(x -> x.withRoles(roles.getOrDefault(x.id(), List.of()))).toList());
    }

    /** The roles of these people (one query), with the names of their units. */
    Map<Long, List<Person.Grant>> roles(List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        record Row(long userId, Person.Grant grant) {
        }
        return jdbc.sql("""
                        select r.user_id, r.id, r.role, r.org_unit_id, u.name, r.from_oidc
                        from role_assignment r left join org_unit u on u.id = r.org_unit_id
                        where r.user_id in (:ids) order by r.id""")
                .param("ids", userIds)
                .query((rs, n) -> new Row(rs.getLong(1), new Person.Grant(rs.getLong(2), Role.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getBoolean(6))))
                .list().stream().collect(Collectors.groupingBy(Row::userId, java.util.LinkedHashMap::new,
                        Collectors.mapping(Row::grant, Collectors.toList())));
    }

    public long addRole(long userId, Role role, Long unitId, boolean fromOidc) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into role_assignment (user_id, role, org_unit_id, from_oidc) values (?, ?, ?, ?)")
                .params(userId, role.name(), unitId, fromOidc).update(keys, "id");
        return keys.getKey().longValue();
    }

    void removeRole(long roleId) {
        jdbc.sql("delete from role_assignment where id = ?").param(roleId).update();
    }

    /** Removes the roles an earlier OIDC login gave; returns how many. */
    public int removeOidcRoles(long userId) {
        return jdbc.sql("delete from role_assignment where user_id = ? and from_oidc = true").param(userId).update();
    }

    /** Writes a field of a person as read at {@code version}; false when someone else changed the person in between. */
    boolean setActive(long id, int version, boolean active) {
        return jdbc.sql("update app_user set active = ?, version = version + 1 where id = ? and version = ?")
                .params(active, id, version).update() == 1;
    }

    /** The name and e-mail as read at {@code version}; false when someone else changed the person in between. */
    boolean setDetails(long id, int version, String displayName, String email) {
        return jdbc.sql("update app_user set display_name = ?, email = ?, version = version + 1 where id = ? and version = ?")
                .params(displayName, email, id, version).update() == 1;
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ?, version = version + 1 where id = ?")
                .params(hash, mustChange, id).update();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).optional();
    }

    /**
     * Active people with an administrator role in the municipality. The municipality's row is locked first, so two
     * administrators who take each other's role at the same moment cannot both succeed.
     */
    long activeAdministratorsLocked(long municipalityId) {
        jdbc.sql("update municipality set version = version where id = ?").param(municipalityId).update();
        return jdbc.sql("""
                        select count(distinct u.id) from app_user u join role_assignment r on r.user_id = u.id
                        where u.municipality_id = ? and u.active = true and r.role = 'ADMINISTRATOR'""")
                .param(municipalityId).query(Long.class).single();
    }

    /** Ends the person's sessions on every instance (the sessions are kept in the database). */
    void endSessions(String username) {
        jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();
    }
}
