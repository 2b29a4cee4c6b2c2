package se.styr.accounts.people;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.Role;
import se.styr.audit.AuditLog;
import se.styr.organisation.Organisation;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Which value of an OIDC claim gives which role: "groups" containing "styr-controller-von" gives controller for
 * Vård- och omsorgsnämnden. An administrator keeps the table; at every OIDC login the roles it gives are renewed (the
 * ones given by hand stay), and a person the table gives a role who has no account yet gets one.
 */
@Service
public class OidcRoles {

    public record Mapping(long id, String claim, String value, Role role, Long unitId, String unitName) {
    }

    /** Who logged in, as the identity provider says. */
    public record Login(String username, String displayName, String email, Map<String, Object> claims) {
    }

    static final int CLAIM_MAX = 100;
    static final int VALUE_MAX = 200;

    private final JdbcClient jdbc;
    private final PeopleRepository people;
    private final Access access;
    private final Organisation organisation;
    private final AuditLog audit;

    OidcRoles(JdbcClient jdbc, PeopleRepository people, Access access, Organisation organisation, AuditLog audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.access = access;
        this.organisation = organisation;
        this.audit = audit;
    }

    private static final String SELECT = """
            select m.id, m.claim, m.claim_value, m.role, m.org_unit_id, u.name, m.municipality_id
            from oidc_role_mapping m left join org_unit u on u.id = m.org_unit_id""";

    private record Row(long municipalityId, Mapping mapping) {
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql(SELECT + where + " order by m.claim, m.claim_value, m.id").params(params)
                .query((rs, n) -> new Row(rs.getLong(7), new Mapping(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getString(6)))).list();
    }

    public List<Mapping> all() {
        access.require(Access.Action.ADMINISTER, null);
        return rows(" where m.municipality_id = ?", access.municipalityId()).stream().map(Row::mapping).toList();
    }

    @Transactional
    public Mapping add(String claim, String value, Role role, Long unitId) {
        access.require(Access.Action.ADMINISTER, null);
        Problems p = new Problems();
        String c = PersonRules.strip(claim);
        String v = PersonRules.strip(value);
        p.check(c != null && c.length() <= CLAIM_MAX, "claim", "oidc.validering.claim", CLAIM_MAX);
        p.check(v != null && v.length() <= VALUE_MAX, "value", "oidc.validering.varde", VALUE_MAX);
        p.check(role != null, "role", "person.validering.roll");
        p.check(role != Role.ADMINISTRATOR || unitId == null, "unit", "person.validering.adminHelaKommunen");
        if (unitId != null) {
            p.check(organisation.findUnit(unitId).filter(u -> u.municipalityId() == access.municipalityId()).isPresent(),
                    "unit", "person.validering.enhet");
        }
        p.throwIfAny();
        Problems.when(rows(" where m.municipality_id = ? and m.claim = ? and m.claim_value = ? and m.role = ?",
                        access.municipalityId(), c, v, role.name()).stream().anyMatch(r -> Objects.equals(r.mapping().unitId(), unitId)),
                "value", "oidc.validering.finns");
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into oidc_role_mapping (municipality_id, claim, claim_value, role, org_unit_id) values (?, ?, ?, ?, ?)")
                .params(access.municipalityId(), c, v, role.name(), unitId).update(keys, "id");
        Mapping saved = rows(" where m.id = ?", keys.getKey().longValue()).get(0).mapping();
        audit.record(access.municipalityId(), "oidc_role_mapping", saved.id(), AuditLog.Action.SKAPAD,
                "Roll från kommunens inloggning: " + c + " = " + v + " ger " + People.describe(grant(saved)), null, saved);
        return saved;
    }

    @Transactional
    public void remove(long id) {
        access.require(Access.Action.ADMINISTER, null);
        Mapping m = rows(" where m.id = ? and m.municipality_id = ?", id, access.municipalityId()).stream().findFirst()
                .map(Row::mapping).orElseThrow(() -> new NotFoundException("Kopplingen", id));
        jdbc.sql("delete from oidc_role_mapping where id = ?").param(id).update();
        audit.record(access.municipalityId(), "oidc_role_mapping", id, AuditLog.Action.BORTTAGEN,
                "Roll från kommunens inloggning borttagen: " + m.claim() + " = " + m.value(), m, null);
    }

    /**
     * At an OIDC login: renews the roles the table gives the person with an account ({@code userId}), or creates the
     * account when the table gives them any role. Returns the account's id, or empty when there is none to log in to.
     */
    @Transactional
    public Optional<Long> apply(Long userId, Login login) {
        List<Row> matching = rows("").stream().filter(r -> matches(r.mapping(), login.claims())).toList();
        if (userId == null) {
            String username = PersonRules.strip(login.username());
            if (matching.isEmpty() || username == null || people.usernameTaken(username)) {
                return Optional.empty();
            }
            long municipality = matching.get(0).municipalityId();
            String name = Optional.ofNullable(PersonRules.strip(login.displayName())).orElse(username);
            userId = people.insert(municipality, username, name, PersonRules.strip(login.email()), null, false);
            audit.recordAs(username, municipality, "app_user", userId, AuditLog.Action.SKAPAD,
                    "Person skapad vid inloggning via kommunens inloggning: " + name + " (" + username + ")", null, null);
        }
        long id = userId;
        long municipality = people.municipalityOf(id).orElseThrow();
        Person before = people.find(municipality, id).orElseThrow();
        Set<String> had = new HashSet<>(before.roles().stream().filter(Person.Grant::fromOidc).map(g -> g.role() + "@" + g.unitId()).toList());
        Set<String> given = new HashSet<>();
        people.removeOidcRoles(id);
        for (Row r : matching) {
            if (r.municipalityId() == municipality && given.add(r.mapping().role() + "@" + r.mapping().unitId())) {
                people.addRole(id, r.mapping().role(), r.mapping().unitId(), true);
            }
        }
        if (!had.equals(given)) {
            audit.recordAs(before.username(), municipality, "app_user", id, AuditLog.Action.ANDRAD,
                    "Roller från kommunens inloggning för " + before.displayName(), before, people.find(municipality, id).orElseThrow());
        }
        return Optional.of(id);
    }

    private static boolean matches(Mapping m, Map<String, Object> claims) {
        Object value = claims.get(m.claim());
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> m.value().equals(String.valueOf(v)));
        }
        return value != null && m.value().equals(String.valueOf(value));
    }

    private static Person.Grant grant(Mapping m) {
        return new Person.Grant(m.id(), m.role(), m.unitId(), m.unitName(), true);
    }
}
