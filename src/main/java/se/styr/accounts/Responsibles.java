package se.styr.accounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;

/**
 * Who is to act for a unit, without anyone signed in: the people a notice about a unit's task goes to. It follows
 * {@link Access}'s rules and picks the nearest level, so that a unit's task goes to its own manager rather than to
 * everyone above who could also act:
 * <ul>
 *   <li>{@code REPORT}: the reporters of exactly the unit; if it has none, the controllers of the nearest unit at or
 *       above it; if none, the controllers of the whole municipality and the administrators;</li>
 *   <li>{@code APPROVE}: the reporters of the nearest unit above it that has any; if none, the controllers of the
 *       nearest unit above it; if none, the controllers of the whole municipality and the administrators.</li>
 * </ul>
 * Each person's substitutes on the day are added (marked with whom they stand in for), except, for approving, a
 * substitute who reports for the unit themselves. Inactive people are left out. Three queries however many units.
 */
@Service
public class Responsibles {

    /** A person to tell, with the name of the one they stand in for when they are told as a substitute. */
    public record Person(long id, String username, String displayName, String email, String standingInFor) {
    }

    private record Holder(long userId, Role role, Long unitId, String username, String displayName, String email) {
    }

    private final JdbcClient jdbc;
    private final UnitTree tree;

    Responsibles(JdbcClient jdbc, UnitTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** For each of these units (all of one municipality), who is to report on or approve its tasks on the day. */
    public Map<Long, List<Person>> forUnits(Access.Action action, Collection<Long> unitIds, LocalDate day) {
        if (action != Access.Action.REPORT && action != Access.Action.APPROVE) {
            throw new IllegalArgumentException("only REPORT and APPROVE have responsibles: " + action);
        }
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, OrgUnit> units = tree.withAncestors(unitIds);
        if (units.isEmpty()) {
            return Map.of();
        }
        long municipalityId = units.values().iterator().next().municipalityId();
        List<Holder> holders = jdbc.sql("""
                        select r.user_id, r.role, r.org_unit_id, u.username, u.display_name, u.email
                          from role_assignment r join app_user u on u.id = r.user_id
                         where u.municipality_id = :m and u.active = true
                           and r.role in ('REPORTER', 'CONTROLLER', 'ADMINISTRATOR')
                           and (r.org_unit_id in (:units) or r.org_unit_id is null)
                         order by u.display_name, u.id""")
                .param("m", municipalityId).param("units", units.keySet())
                .query((rs, n) -> new Holder(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        Map<Long, List<Holder>> byUnit = holders.stream().filter(h -> h.unitId() != null && h.role() != Role.ADMINISTRATOR)
                .collect(Collectors.groupingBy(Holder::unitId));
        List<Holder> wholeMunicipality = holders.stream()
                .filter(h -> h.role() == Role.ADMINISTRATOR || (h.role() == Role.CONTROLLER && h.unitId() == null)).toList();

        Map<Long, List<Holder>> direct = new LinkedHashMap<>();
        for (Long unitId : unitIds) {
            if (units.containsKey(unitId)) {
                direct.put(unitId, nearest(action, unitId, units, byUnit, wholeMunicipality));
            }
        }
        Map<Long, List<Holder>> substitutes = substitutes(direct.values().stream().flatMap(List::stream)
                .map(Holder::userId).collect(Collectors.toSet()), day);

        Map<Long, List<Person>> result = new HashMap<>();
        direct.forEach((unitId, people) -> {
            Map<Long, Person> told = new LinkedHashMap<>();
            people.forEach(h -> told.put(h.userId(), new Person(h.userId(), h.username(), h.displayName(), h.email(), null)));
            for (Holder h : people) {
                for (Holder s : substitutes.getOrDefault(h.userId(), List.of())) {
                    boolean reportsHere = byUnit.getOrDefault(unitId, List.of()).stream()
                            .anyMatch(x -> x.userId() == s.userId() && x.role() == Role.REPORTER);
                    if (action == Access.Action.APPROVE && reportsHere) {
                        continue; // a substitute never approves their own unit's task
                    }
                    told.putIfAbsent(s.userId(), new Person(s.userId(), s.username(), s.displayName(), s.email(), h.displayName()));
                }
            }
            result.put(unitId, List.copyOf(told.values()));
        });
        return result;
    }

    private static List<Holder> nearest(Access.Action action, long unitId, Map<Long, OrgUnit> units,
                                        Map<Long, List<Holder>> byUnit, List<Holder> wholeMunicipality) {
        List<Long> chain = new ArrayList<>();
        for (OrgUnit u = units.get(unitId); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
            chain.add(u.id());
        }
        // approving is for the units above; reporting by a reporter is for exactly the unit
        List<Long> candidates = action == Access.Action.APPROVE ? chain.subList(1, chain.size()) : chain;
        List<Long> reporterLevels = action == Access.Action.APPROVE ? candidates : List.of(unitId);
        for (Long level : reporterLevels) {
            List<Holder> reporters = distinct(byUnit.getOrDefault(level, List.of()), Role.REPORTER);
            if (!reporters.isEmpty()) {
                return reporters;
            }
        }
        for (Long level : candidates) {
            List<Holder> controllers = distinct(byUnit.getOrDefault(level, List.of()), Role.CONTROLLER);
            if (!controllers.isEmpty()) {
                return controllers;
            }
        }
        return distinct(wholeMunicipality, null);
    }

    private static List<Holder> distinct(List<Holder> holders, Role role) {
        Map<Long, Holder> byUser = new LinkedHashMap<>();
        holders.stream().filter(h -> role == null || h.role() == role).forEach(h -> byUser.putIfAbsent(h.userId(), h));
        return List.copyOf(byUser.values());
    }

    /** Who stands in for these people on the day, by the person they stand in for. */
    private Map<Long, List<Holder>> substitutes(Set<Long> userIds, LocalDate day) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        record Row(long forUser, Holder substitute) {
        }
        return jdbc.sql("""
                        select s.user_id, v.id, v.username, v.display_name, v.email
                          from substitute s join app_user v on v.id = s.substitute_user_id
                         where s.user_id in (:ids) and s.from_on <= :day and s.to_on >= :day and v.active = true
                         order by v.display_name, v.id""")
                .param("ids", userIds).param("day", day)
                .query((rs, n) -> new Row(rs.getLong(1), new Holder(rs.getLong(2), null, null, rs.getString(3),
                        rs.getString(4), rs.getString(5))))
                .list().stream().collect(Collectors.groupingBy(Row::forUser,
                        Collectors.mapping(Row::substitute, Collectors.toList())));
    }

    /** The active people of a municipality with these usernames (case as stored). One query. */
    public List<Person> byUsernames(long municipalityId, Collection<String> usernames) {
        List<String> names = usernames.stream().filter(Objects::nonNull).map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .distinct().toList();
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, username, display_name, email from app_user
                         where municipality_id = :m and active = true and lower(username) in (:names)""")
                .param("m", municipalityId).param("names", names)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), null))
                .list();
    }

    /** The display name of each of these usernames (whoever they are, active or not). One query. */
    public Map<String, String> displayNames(Collection<String> usernames) {
        List<String> names = usernames.stream().filter(Objects::nonNull).distinct().toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        jdbc.sql("select username, display_name from app_user where username in (:names)").param("names", names)
                .query((rs, n) -> result.put(rs.getString(1), rs.getString(2))).list();
        return result;
    }
}
