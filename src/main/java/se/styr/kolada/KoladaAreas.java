package se.styr.kolada;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.MunicipalityLock;
import se.styr.platform.ValidationException;

/**
 * The municipality's comparison areas: its county (one) and its comparison groups with their member municipalities,
 * chosen by the administrator, the right the imports need. Every change holds the municipality's lock (so two
 * administrators cannot add the same member at once), is checked against what the form was read from, and is audited
 * old → new. A group's value is the mean of its members' values (KoladaStore#groupMeans), so a change shows at once;
 * a new member's values come with the next import.
 */
@Service
class KoladaAreas {

    static final String COUNTY = "LAN";
    static final String GROUP = "GRUPP";
    private static final Pattern COUNTY_ID = Pattern.compile("00\\d\\d");
    private static final Pattern GROUP_ID = Pattern.compile("G[A-Z0-9-]{1,19}");
    private static final Pattern MUNICIPALITY_ID = Pattern.compile("\\d{4}");
    private static final int TITLE = 300;

    private final KoladaStore store;
    private final Access access;
    private final AuditLog audit;
    private final MunicipalityLock lock;
    private final Messages messages;
    private final KoladaGroupCatalog catalog;

    KoladaAreas(KoladaStore store, KoladaGroupCatalog catalog, Access access, AuditLog audit, MunicipalityLock lock,
                Messages messages) {
        this.catalog = catalog;
        this.messages = messages;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.lock = lock;
    }

    record Group(String area, String title, List<KoladaStore.Member> members) {
    }

    record Choice(KoladaStore.Area county, List<Group> groups) {
    }

    boolean mayChoose() {
        return access.may(Access.Action.ADMINISTER, null);
    }

    /** The county and the groups with their members: two queries. */
    Choice current(long municipalityId) {
        KoladaStore.Area county = null;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (KoladaStore.Area a : store.areas(municipalityId)) {
            if (COUNTY.equals(a.kind())) {
                county = a;
            } else if (GROUP.equals(a.kind())) {
                groups.put(a.area(), new Group(a.area(), a.title(), new ArrayList<>()));
            }
        }
        for (KoladaStore.Member m : store.members(municipalityId)) {
            Group g = groups.get(m.area());
            if (g != null) {
                g.members().add(m);
            }
        }
        return new Choice(county, List.copyOf(groups.values()));
    }

    /**
     * Chooses the county. {@code current} is the county the form showed (blank: none); if another has been chosen
     * since, the change is refused as a conflict rather than silently replacing it.
     */
    @Transactional
    void chooseCounty(long municipalityId, String area, String title, String current) {
        access.require(Access.Action.ADMINISTER, null);
        String code = code(area);
        String name = title == null ? "" : title.strip();
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (code.isEmpty()) {
            problems.add(new ValidationException.Problem("countyArea", "kolada.areas.countyRequired"));
        } else if (!COUNTY_ID.matcher(code).matches() || KoladaImports.RIKET.equals(code)) {
            problems.add(new ValidationException.Problem("countyArea", "kolada.areas.countyFormat"));
        }
        title(problems, "countyTitle", name);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        lock.hold(municipalityId);
        KoladaStore.Area before = current(municipalityId).county();
        String was = before == null ? "" : before.area();
        if (!was.equals(code(current))) {
            throw new ConflictException("kolada_area", municipalityId, "kolada.areas.conflict");
        }
        if (before != null && before.area().equals(code) && before.title().equals(name)) {
            return;
        }
        if (before != null) {
            store.deleteArea(municipalityId, before.area(), COUNTY);
        }
        if (store.area(municipalityId, code).isPresent()) {
            throw ValidationException.of("countyArea", "kolada.areas.taken", code);
        }
        store.insertArea(municipalityId, code, COUNTY, name);
        audit.record(municipalityId, "kolada_area", municipalityId, before == null ? AuditLog.Action.SKAPAD : AuditLog.Action.ANDRAD,
                messages.text("kolada.audit.county", name), before == null ? null : Map.of("area", before.area(), "title", before.title()),
                Map.of("area", code, "title", name));
    }

    @Transactional
    void addGroup(long municipalityId, String area, String title) {
        access.require(Access.Action.ADMINISTER, null);
        String code = code(area);
        String name = title == null ? "" : title.strip();
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (code.isEmpty()) {
            problems.add(new ValidationException.Problem("groupArea", "kolada.areas.groupRequired"));
        } else if (!GROUP_ID.matcher(code).matches()) {
            problems.add(new ValidationException.Problem("groupArea", "kolada.areas.groupFormat"));
        }
        title(problems, "groupTitle", name);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        lock.hold(municipalityId);
        if (store.area(municipalityId, code).isPresent()) {
            throw ValidationException.of("groupArea", "kolada.areas.taken", code);
        }
        store.insertArea(municipalityId, code, GROUP, name);
        audit.record(municipalityId, "kolada_area", municipalityId, AuditLog.Action.SKAPAD, messages.text("kolada.audit.group", name), null,
                Map.of("area", code, "title", name));
    }

    /** Kolada's municipality groups to pick from (the local copy), those the municipality belongs to first. */
    List<KoladaGroupCatalog.CatalogGroup> catalog(long municipalityId) {
        return catalog.catalog(store.municipalityCode(municipalityId));
    }

    /**
     * Adds one of Kolada's municipality groups from the local copy as a comparison group, with its members (not the
     * municipality itself, no county or Riket); audited with the members. The typed-in way ({@link #addGroup}) stays.
     */
    @Transactional
    void pickGroup(long municipalityId, String groupId) {
        access.require(Access.Action.ADMINISTER, null);
        String code = code(groupId);
        if (code.isEmpty()) {
            throw ValidationException.of("koladaGroup", "kolada.areas.pickRequired");
        }
        KoladaGroupCatalog.CatalogGroup group = catalog.catalogGroup(code)
                .orElseThrow(() -> ValidationException.of("koladaGroup", "kolada.areas.pickUnknown", code));
        lock.hold(municipalityId);
        if (store.area(municipalityId, code).isPresent()) {
            throw ValidationException.of("koladaGroup", "kolada.areas.taken", code);
        }
        String own = store.municipalityCode(municipalityId);
        String name = group.title().length() > TITLE ? group.title().substring(0, TITLE) : group.title();
        store.insertArea(municipalityId, code, GROUP, name);
        List<String> members = new ArrayList<>();
        for (KoladaRows.Member m : catalog.catalogMembers(code)) {
            if (MUNICIPALITY_ID.matcher(m.id()).matches() && !m.id().startsWith("00") && !m.id().equals(own)) {
                store.insertMember(municipalityId, code, m.id(), m.title());
                members.add(m.id());
            }
        }
        audit.record(municipalityId, "kolada_area", municipalityId, AuditLog.Action.SKAPAD, messages.text("kolada.audit.group", name), null,
                Map.of("area", code, "title", name, "members", members, "source", "Kolada"));
    }

    /** Removes a group and its members; a group already removed (by someone else) is a conflict. */
    @Transactional
    void removeGroup(long municipalityId, String area) {
        access.require(Access.Action.ADMINISTER, null);
        String code = code(area);
        lock.hold(municipalityId);
        KoladaStore.Area before = store.area(municipalityId, code).filter(a -> GROUP.equals(a.kind()))
                .orElseThrow(() -> new ConflictException("kolada_area", municipalityId, "kolada.areas.gone"));
        List<String> members = store.members(municipalityId).stream().filter(m -> m.area().equals(code))
                .map(KoladaStore.Member::member).toList();
        store.deleteMembers(municipalityId, code);
        store.deleteArea(municipalityId, code, GROUP);
        audit.record(municipalityId, "kolada_area", municipalityId, AuditLog.Action.BORTTAGEN, messages.text("kolada.audit.group", before.title()),
                Map.of("area", code, "title", before.title(), "members", members), null);
    }

    @Transactional
    void addMember(long municipalityId, String group, String member, String title) {
        access.require(Access.Action.ADMINISTER, null);
        String groupCode = code(group);
        String code = code(member);
        String name = title == null ? "" : title.strip();
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (code.isEmpty()) {
            problems.add(new ValidationException.Problem("member", "kolada.areas.memberRequired"));
        } else if (!MUNICIPALITY_ID.matcher(code).matches() || code.startsWith("00")) {
            problems.add(new ValidationException.Problem("member", "kolada.areas.memberFormat"));
        } else if (code.equals(store.municipalityCode(municipalityId))) {
            problems.add(new ValidationException.Problem("member", "kolada.areas.memberOwn"));
        }
        title(problems, "memberTitle", name);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        lock.hold(municipalityId);
        if (store.area(municipalityId, groupCode).filter(a -> GROUP.equals(a.kind())).isEmpty()) {
            throw new ConflictException("kolada_area", municipalityId, "kolada.areas.gone");
        }
        if (store.member(municipalityId, groupCode, code).isPresent()) {
            throw ValidationException.of("member", "kolada.areas.memberTaken", code);
        }
        store.insertMember(municipalityId, groupCode, code, name);
        audit.record(municipalityId, "kolada_group_member", municipalityId, AuditLog.Action.SKAPAD,
                messages.text("kolada.audit.member", name, code), null, Map.of("group", groupCode, "member", code, "title", name));
    }

    /** Removes a member; one already removed is a conflict. */
    @Transactional
    void removeMember(long municipalityId, String group, String member) {
        access.require(Access.Action.ADMINISTER, null);
        String groupCode = code(group);
        String code = code(member);
        lock.hold(municipalityId);
        KoladaStore.Member before = store.member(municipalityId, groupCode, code)
                .orElseThrow(() -> new ConflictException("kolada_group_member", municipalityId, "kolada.areas.gone"));
        store.deleteMember(municipalityId, groupCode, code);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("group", groupCode);
        old.put("member", code);
        old.put("title", Objects.requireNonNullElse(before.title(), ""));
        audit.record(municipalityId, "kolada_group_member", municipalityId, AuditLog.Action.BORTTAGEN,
                messages.text("kolada.audit.member", Objects.requireNonNullElse(before.title(), code), code), old, null);
    }

    private static void title(List<ValidationException.Problem> problems, String field, String name) {
        if (name.isEmpty()) {
            problems.add(new ValidationException.Problem(field, "kolada.areas.titleRequired"));
        } else if (name.length() > TITLE) {
            problems.add(new ValidationException.Problem(field, "kolada.areas.titleTooLong", TITLE));
        }
    }

    private static String code(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
