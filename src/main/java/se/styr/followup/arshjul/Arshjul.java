package se.styr.followup.arshjul;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.followup.FollowupService;
import se.styr.followup.Round;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.UnitTree;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.Problems;
import se.styr.platform.ValidationException;

/**
 * The year's calendar: the municipality's template (kept by administrators and controllers for the whole
 * municipality, audited, optimistic locking) and the creation of a year's rounds for one committee or all committees
 * within the user's scope, previewed first. A round that exists (same committee, type and as-of date) is never made
 * again, so running the calendar twice changes nothing. Rounds are opened by {@link FollowupService#open}, so their
 * objects, sharing, tasks and audit are as when a round is opened by hand.
 */
@Service
public class Arshjul {

    static final String AUDIT_TYPE = "ARSHJUL";
    static final int MAX_ROUNDS = 24;
    private static final Set<OrgUnitType> COMMITTEES = Set.of(OrgUnitType.NAMND, OrgUnitType.KOMMUNSTYRELSE);

    /** The template; {@code saved} false: the suggestion, not stored yet ({@code version} 0). */
    public record Template(List<CalendarRound> rounds, int version, boolean saved, boolean mayEdit) {
    }

    public enum Status {
        /** Will be created. */
        SKAPAS,
        /** The committee already has the round; nothing is done. */
        FINNS,
        /** The committee has no administration to compile its report; the round cannot be opened. */
        INGEN_FORVALTNING
    }

    /** One round of the year for one committee, with its dates and what the command will do with it. */
    public record Planned(long bodyUnitId, String body, CalendarRound template, String name, LocalDate asOf, LocalDate opensOn,
                          LocalDate unitDeadline, LocalDate departmentDeadline, Status status, Long roundId) {
    }

    /** What the calendar gives for a year. */
    public record Plan(int year, List<Planned> rounds) {

        public long count(Status status) {
            return rounds.stream().filter(r -> r.status() == status).count();
        }
    }

    private final ArshjulRepository repository;
    private final FollowupService followup;
    private final Organisation organisation;
    private final UnitTree tree;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;

    Arshjul(ArshjulRepository repository, FollowupService followup, Organisation organisation, UnitTree tree, Access access,
            AuditLog audit, Messages messages) {
        this.repository = repository;
        this.followup = followup;
        this.organisation = organisation;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    public Template template() {
        boolean may = access.may(Access.Action.MANAGE_ROUNDS, null);
        return repository.find(access.municipalityId())
                .map(s -> new Template(s.rounds(), s.version(), true, may))
                .orElseGet(() -> new Template(CalendarRound.SUGGESTED, 0, false, may));
    }

    /** Saves the template; {@code version} is the one read, 0 when none was saved before. */
    @Transactional
    public Template save(int version, List<CalendarRound> rounds) {
        access.require(Access.Action.MANAGE_ROUNDS, null);
        List<CalendarRound> typed = rounds == null ? List.of() : rounds.stream().filter(Objects::nonNull).toList();
        check(typed).throwIfAny();
        long municipalityId = access.municipalityId();
        var stored = repository.find(municipalityId);
        long id;
        Map<String, String> before = stored.map(s -> describe(s.rounds())).orElse(null);
        if (stored.isEmpty()) {
            if (version != 0) {
                throw new ConflictException("Årshjulet", municipalityId);
            }
            try {
                id = repository.insert(municipalityId);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("Årshjulet", municipalityId);
            }
        } else {
            id = stored.get().id();
            if (!repository.touch(id, version)) {
                throw new ConflictException("Årshjulet", id);
            }
        }
        repository.replace(id, typed);
        Map<String, String> after = describe(typed);
        if (before == null) {
            audit.record(municipalityId, AUDIT_TYPE, id, AuditLog.Action.SKAPAD, messages.text("arshjul.audit.created"), null, after);
        } else {
            Map<String, String> old = new LinkedHashMap<>();
            Map<String, String> changed = new LinkedHashMap<>();
            Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                if (!Objects.equals(before.get(key), after.get(key))) {
                    old.put(key, before.getOrDefault(key, "–"));
                    changed.put(key, after.getOrDefault(key, "–"));
                }
            }
            if (!changed.isEmpty()) {
                audit.record(municipalityId, AUDIT_TYPE, id, AuditLog.Action.ANDRAD, messages.text("arshjul.audit.changed"), old, changed);
            }
        }
        return template();
    }

    /** Every problem of a template, by field: {@code rN_type}, {@code rN_name}, {@code rN_asOf}, {@code rN_opens}, ... */
    static Problems check(List<CalendarRound> rounds) {
        Problems p = new Problems();
        p.check(!rounds.isEmpty(), "rounds", "arshjul.error.empty");
        p.check(rounds.size() <= MAX_ROUNDS, "rounds", "arshjul.error.many", MAX_ROUNDS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rounds.size(); i++) {
            CalendarRound r = rounds.get(i);
            String f = "r" + i + "_";
            int row = i + 1;
            p.check(r.type() != null, f + "type", "arshjul.error.type", row);
            p.check(r.name() != null && !r.name().isBlank() && r.name().strip().length() <= 150, f + "name", "arshjul.error.name", row);
            boolean datesOk = true;
            for (String[] d : new String[][] {{"asOf", "asOf"}, {"opens", "opens"}, {"unit", "unit"}, {"dept", "dept"}}) {
                RelativeDate date = switch (d[0]) {
                    case "asOf" -> r.asOf();
                    case "opens" -> r.opens();
                    case "unit" -> r.unitDeadline();
                    default -> r.departmentDeadline();
                };
                boolean ok = date != null && date.valid() && (!d[0].equals("asOf") || date.yearOffset() == 0);
                p.check(ok, f + d[1], "arshjul.error.date." + d[0], row);
                datesOk &= ok;
            }
            if (datesOk) {
                p.check(r.unitDeadline().compareTo(r.opens()) >= 0, f + "unit", "arshjul.error.unitBeforeOpens", row);
                p.check(r.departmentDeadline().compareTo(r.unitDeadline()) >= 0, f + "dept", "arshjul.error.deptBeforeUnit", row);
                p.check(r.opens().compareTo(new RelativeDate(0, 1, 1)) >= 0, f + "opens", "arshjul.error.opens", row);
                if (r.type() != null) {
                    p.check(seen.add(r.type() + "@" + r.asOf()), f + "asOf", "arshjul.error.twice", row);
                }
            }
        }
        return p;
    }

    /**
     * The year's rounds for one committee (or every committee within the user's scope when {@code bodyUnitId} is
     * null), with what exists already; nothing is saved.
     */
    public Plan preview(Integer year, Long bodyUnitId) {
        long municipalityId = access.municipalityId();
        Problems p = new Problems();
        p.check(year != null && year >= 2000 && year <= 2100, "year", "arshjul.error.year");
        if (year != null && year >= 2000 && year <= 2100) {
            p.check(organisation.periods(municipalityId).stream().anyMatch(pp -> !pp.illustrative() && pp.contains(year)),
                    "year", "arshjul.error.period", String.valueOf(year));
        }
        List<OrgUnit> committees = organisation.units(municipalityId, COMMITTEES).stream().filter(OrgUnit::active)
                .sorted(Comparator.comparingInt(OrgUnit::position).thenComparing(OrgUnit::name)).toList();
        List<OrgUnit> bodies;
        if (bodyUnitId != null) {
            bodies = committees.stream().filter(u -> u.id() == bodyUnitId).toList();
            p.check(!bodies.isEmpty(), "bodyUnitId", "arshjul.error.body");
            if (!bodies.isEmpty()) {
                access.require(Access.Action.MANAGE_ROUNDS, bodyUnitId);
            }
        } else {
            bodies = committees.stream().filter(u -> access.may(Access.Action.MANAGE_ROUNDS, u.id())).toList();
            if (bodies.isEmpty()) {
                access.require(Access.Action.MANAGE_ROUNDS, null);
            }
        }
        p.throwIfAny();
        List<CalendarRound> template = template().rounds();
        Map<Long, List<ArshjulRepository.Existing>> existing = repository
                .existing(municipalityId, bodies.stream().map(OrgUnit::id).toList(), year).stream()
                .collect(Collectors.groupingBy(ArshjulRepository.Existing::bodyUnitId));
        Set<Long> withAdministration = tree.children(bodies.stream().map(OrgUnit::id).toList()).stream()
                .filter(u -> u.active() && u.type() == OrgUnitType.FORVALTNING).map(OrgUnit::parentId).collect(Collectors.toSet());
        List<Planned> planned = new ArrayList<>();
        for (OrgUnit body : bodies) {
            for (CalendarRound r : template) {
                LocalDate asOf = r.asOf().in(year);
                Long roundId = existing.getOrDefault(body.id(), List.of()).stream()
                        .filter(e -> e.type() == r.type() && e.asOf().equals(asOf)).map(ArshjulRepository.Existing::id)
                        .findFirst().orElse(null);
                Status status = roundId != null ? Status.FINNS
                        : withAdministration.contains(body.id()) ? Status.SKAPAS : Status.INGEN_FORVALTNING;
                planned.add(new Planned(body.id(), body.name(), r, r.nameIn(year), asOf, r.opens().in(year),
                        r.unitDeadline().in(year), r.departmentDeadline().in(year), status, roundId));
            }
        }
        return new Plan(year, planned);
    }

    /** Creates the rounds the preview marks {@link Status#SKAPAS}, in one transaction; returns them. */
    @Transactional
    public List<Round> create(Integer year, Long bodyUnitId) {
        preview(year, bodyUnitId);
        repository.lockMunicipality(access.municipalityId());
        Plan plan = preview(year, bodyUnitId);
        List<Round> created = new ArrayList<>();
        Map<String, String> lines = new LinkedHashMap<>();
        for (Planned r : plan.rounds()) {
            if (r.status() != Status.SKAPAS) {
                continue;
            }
            created.add(followup.open(new FollowupService.OpenRound(r.bodyUnitId(), r.template().type(), r.name(), r.asOf(),
                    r.opensOn(), r.unitDeadline(), r.departmentDeadline())));
            lines.put(r.body() + ": " + r.name(), messages.text("arshjul.audit.round", r.asOf().toString(), r.opensOn().toString(),
                    r.unitDeadline().toString(), r.departmentDeadline().toString()));
        }
        if (!created.isEmpty()) {
            audit.record(access.municipalityId(), AUDIT_TYPE, (long) year, AuditLog.Action.SKAPAD,
                    messages.text("arshjul.audit.rounds", String.valueOf(year), created.size()), null, lines);
        }
        return created;
    }

    /** The template as "what: value" lines for the audit log. */
    private Map<String, String> describe(List<CalendarRound> rounds) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            CalendarRound r = rounds.get(i);
            lines.put((i + 1) + ". " + r.name().strip(), messages.text("arshjul.audit.template",
                    messages.text("roundType." + r.type()), r.asOf().toString(), r.opens().toString(),
                    r.unitDeadline().toString(), r.departmentDeadline().toString()));
        }
        return lines;
    }
}
