package se.styr.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.platform.ConflictException;
import se.styr.platform.Problems;

/**
 * Changes to the organisation tree: create, edit (rename, code, type), move, order, retire and reactivate a unit. Each
 * checks the acting person's right ({@link OrganisationRights}: over the unit the changed unit hangs under, so a
 * controller changes what lies below the unit their role is scoped to), validates the whole change (every problem at
 * once, Swedish message keys), checks the version read (optimistic locking), writes in one transaction (joining the
 * caller's, e.g. an all-or-nothing import) and publishes an {@link OrganisationChanged} that the audit log records
 * old → new. A move or rename also keeps the unit's history ({@link #history(long)}).
 * <p>
 * Every version parameter may be null: the caller read the unit in the same transaction (an import) and no one else
 * can have changed it since.
 */
@Service
public class OrganisationAdmin {

    public static final int NAME_MAX = 200;
    public static final int CODE_MAX = 20;

    /**
     * A new unit under {@code parentId}; {@code code} may be null; {@code position} is the 1-based place among the
     * parent's units (null or past the end: last).
     */
    public record NewUnit(Long parentId, OrgUnitType type, String name, String code, Integer position) {
    }

    /** A unit's name, code (null: none) and type, as they are to be. */
    public record UnitEdit(OrgUnitType type, String name, String code) {
    }

    /** A unit with the version to send back with the next change. */
    public record EditableUnit(OrgUnit unit, int version) {
    }

    private final UnitStore store;
    private final OrganisationRights rights;
    private final List<UnitDependents> dependents;
    private final ApplicationEventPublisher events;

    OrganisationAdmin(UnitStore store, OrganisationRights rights, List<UnitDependents> dependents,
                      ApplicationEventPublisher events) {
        this.store = store;
        this.rights = rights;
        this.dependents = dependents;
        this.events = events;
    }

    /** The unit of the acting person's municipality with its version; 404 when there is none. */
    @Transactional(readOnly = true)
    public EditableUnit unit(long unitId) {
        return store.editable(rights.municipalityId(), unitId);
    }

    /** Creates a unit; refused (403) unless the acting person may change the structure at the parent. */
    @Transactional
    public EditableUnit create(NewUnit unit) {
        long m = rights.municipalityId();
        Problems p = new Problems();
        p.check(unit.parentId() != null, "parentId", "orgadmin.validering.overordnadSaknas");
        if (unit.parentId() == null) {
            p.throwIfAny();
        }
        OrgUnit parent = store.editable(m, unit.parentId()).unit();
        rights.requireStructure(parent.id());
        store.lock(m);
        String name = strip(unit.name());
        String code = strip(unit.code());
        checkFields(m, null, unit.type(), name, code, p);
        if (unit.type() != null) {
            p.check(UnitRules.mayBeUnder(unit.type(), parent.type()), "type", "orgadmin.validering.typUnder",
                    typeName(unit.type()), parent.name());
        }
        p.check(parent.active(), "parentId", "orgadmin.validering.overordnadAvvecklad", parent.name());
        p.check(unit.position() == null || unit.position() >= 1, "position", "orgadmin.validering.plats");
        p.throwIfAny();
        long id = store.insert(m, parent.id(), unit.type(), name, code);
        store.placeAmongSiblings(parent.id(), id, unit.position());
        EditableUnit created = store.editable(m, id);
        Map<String, Object> after = fields(created.unit(), parent.name());
        store.recordHistory(created.unit(), "SKAPAD", null, null, null, rights.actorName());
        publish(m, id, OrganisationChanged.Kind.SKAPAD, "Enhet skapad: " + created.unit().label() + " under " + parent.name(),
                null, after);
        return created;
    }

    /** The unit as it is, once the person may change it, the municipality's tree is locked and the version is current. */
    private EditableUnit lockedForChange(long m, long unitId, Integer version) {
        EditableUnit current = store.editable(m, unitId);
        rights.requireStructure(current.unit().parentId());
        store.lock(m);
        checkVersion(current, version);
        return current;
    }

    /** Renames the unit, gives it a code or another type; refused unless the acting person may change its parent's structure. */
    @Transactional
    public EditableUnit update(long unitId, Integer version, UnitEdit edit) {
        long m = rights.municipalityId();
        EditableUnit current = lockedForChange(m, unitId, version);
        OrgUnit unit = current.unit();
        Problems p = new Problems();
        String name = strip(edit.name());
        String code = strip(edit.code());
        checkFields(m, unit.id(), edit.type(), name, code, p);
        if (edit.type() != null && edit.type() != unit.type()) {
            p.check(unit.type() != OrgUnitType.KOMMUNFULLMAKTIGE, "type", "orgadmin.validering.rotTyp");
            OrgUnit parent = unit.parentId() == null ? null : store.editable(m, unit.parentId()).unit();
            p.check(parent == null || UnitRules.mayBeUnder(edit.type(), parent.type()), "type",
                    "orgadmin.validering.typUnder", typeName(edit.type()), parent == null ? "" : parent.name());
            List<OrgUnitType> childTypes = store.childTypes(unit.id());
            childTypes.stream().filter(t -> !UnitRules.mayBeUnder(t, edit.type())).findFirst().ifPresent(t ->
                    p.add("type", "orgadmin.validering.typOver", typeName(edit.type()), typeName(t)));
        }
        p.throwIfAny();
        if (edit.type() == unit.type() && name.equals(unit.name()) && java.util.Objects.equals(code, unit.code())) {
            return current;
        }
        store.update(unit.id(), edit.type(), name, code);
        EditableUnit saved = store.editable(m, unitId);
        if (!name.equals(unit.name()) || !java.util.Objects.equals(code, unit.code())) {
            store.recordHistory(saved.unit(), "ANDRAD", null, unit.name(), unit.code(), rights.actorName());
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        diff("namn", unit.name(), name, before, after);
        diff("kod", unit.code(), code, before, after);
        diff("typ", unit.type().name(), edit.type().name(), before, after);
        publish(m, unitId, OrganisationChanged.Kind.ANDRAD, "Enhet ändrad: " + saved.unit().label(), before, after);
        return saved;
    }

    /**
     * Moves the unit (with everything below it) under another parent, at {@code position} among its new siblings (null:
     * last). Refused unless the acting person may change both the old and the new parent's structure.
     */
    @Transactional
    public EditableUnit move(long unitId, Integer version, long newParentId, Integer position) {
        long m = rights.municipalityId();
        EditableUnit current = store.editable(m, unitId);
        OrgUnit unit = current.unit();
        OrgUnit parent = store.editable(m, newParentId).unit();
        rights.requireStructure(unit.parentId());
        rights.requireStructure(parent.id());
        store.lock(m);
        checkVersion(current, version);
        Problems p = new Problems();
        p.check(unit.parentId() != null, "parentId", "orgadmin.validering.rotFlytt");
        if (unit.parentId() == null) {
            p.throwIfAny();
        }
        p.check(!store.subtreeIds(unit.id()).contains(parent.id()), "parentId", "orgadmin.validering.underSigSjalv",
                unit.name());
        p.check(UnitRules.mayBeUnder(unit.type(), parent.type()), "parentId", "orgadmin.validering.typUnder",
                typeName(unit.type()), parent.name());
        p.check(parent.active() || !unit.active(), "parentId", "orgadmin.validering.overordnadAvvecklad", parent.name());
        p.check(position == null || position >= 1, "position", "orgadmin.validering.plats");
        p.throwIfAny();
        if (unit.parentId() == parent.id()) {
            // under the same parent a move is an order, or nothing when no place is asked for
            return position == null ? current : order(unitId, null, position);
        }
        OrgUnit oldParent = store.editable(m, unit.parentId()).unit();
        store.moveTo(unit.id(), parent.id());
        store.placeAmongSiblings(parent.id(), unit.id(), position);
        store.placeAmongSiblings(oldParent.id(), null, null);
        EditableUnit saved = store.editable(m, unitId);
        store.recordHistory(saved.unit(), "FLYTTAD", oldParent.id(), null, null, rights.actorName());
        publish(m, unitId, OrganisationChanged.Kind.FLYTTAD, "Enhet flyttad: " + unit.label() + " från " + oldParent.name()
                        + " till " + parent.name(),
                Map.of("overordnad", oldParent.name(), "overordnadId", oldParent.id()),
                Map.of("overordnad", parent.name(), "overordnadId", parent.id()));
        return saved;
    }

    /** Puts the unit at {@code position} (1-based, clamped to the number of siblings) among its parent's units. */
    @Transactional
    public EditableUnit order(long unitId, Integer version, int position) {
        long m = rights.municipalityId();
        EditableUnit current = lockedForChange(m, unitId, version);
        OrgUnit unit = current.unit();
        Problems.when(unit.parentId() == null, "position", "orgadmin.validering.rotOrdning");
        Problems.when(position < 1, "position", "orgadmin.validering.plats");
        int before = store.placeOf(unit.parentId(), unit.id());
        store.placeAmongSiblings(unit.parentId(), unit.id(), position);
        int after = store.placeOf(unit.parentId(), unit.id());
        if (before == after) {
            return current;
        }
        store.bumpVersion(unit.id());
        publish(m, unitId, OrganisationChanged.Kind.ANDRAD, "Enhetens plats ändrad: " + unit.label(),
                Map.of("plats", before), Map.of("plats", after));
        return store.editable(m, unitId);
    }

    /**
     * Retires the unit (it stays, with its history and its reports, but is no longer chosen, reported for or given
     * new objects). Refused while it has active units below it, unless {@code withUnitsBelow} retires them too, and
     * refused while another module keeps open work on it or below it ({@link UnitDependents}).
     */
    @Transactional
    public EditableUnit retire(long unitId, Integer version, boolean withUnitsBelow) {
        long m = rights.municipalityId();
        EditableUnit current = lockedForChange(m, unitId, version);
        OrgUnit unit = current.unit();
        Problems p = new Problems();
        p.check(unit.parentId() != null, "unit", "orgadmin.validering.rotAvveckla");
        p.check(unit.active(), "unit", "orgadmin.validering.redanAvvecklad", unit.name());
        p.throwIfAny();
        List<Long> activeBelow = store.activeBelow(unit.id());
        p.check(activeBelow.isEmpty() || withUnitsBelow, "withUnitsBelow", "orgadmin.validering.aktivaUnder",
                unit.name(), activeBelow.size());
        List<Long> retired = new ArrayList<>(activeBelow);
        retired.add(unit.id());
        for (UnitDependents d : dependents) {
            d.on(retired).forEach(dep -> p.add("unit", dep.messageKey(), dep.count()));
        }
        p.throwIfAny();
        store.setActive(retired, false);
        store.recordHistory(unit, "AVVECKLAD", null, null, null, rights.actorName());
        publish(m, unitId, OrganisationChanged.Kind.AVVECKLAD, "Enhet avvecklad: " + unit.label()
                        + (activeBelow.isEmpty() ? "" : " med " + activeBelow.size() + " enheter under"),
                Map.of("aktiv", true), Map.of("aktiv", false, "avveckladeUnder", activeBelow.size()));
        return store.editable(m, unitId);
    }

    /** Makes a retired unit active again (only the unit; the units below it one by one). Its parent must be active. */
    @Transactional
    public EditableUnit reactivate(long unitId, Integer version) {
        long m = rights.municipalityId();
        EditableUnit current = lockedForChange(m, unitId, version);
        OrgUnit unit = current.unit();
        Problems.when(unit.active(), "unit", "orgadmin.validering.redanAktiv", unit.name());
        OrgUnit parent = unit.parentId() == null ? null : store.editable(m, unit.parentId()).unit();
        Problems.when(parent != null && !parent.active(), "unit", "orgadmin.validering.overordnadAvvecklad",
                parent == null ? "" : parent.name());
        store.setActive(List.of(unit.id()), true);
        store.recordHistory(unit, "ATERAKTIVERAD", null, null, null, rights.actorName());
        publish(m, unitId, OrganisationChanged.Kind.ATERAKTIVERAD, "Enhet återaktiverad: " + unit.label(),
                Map.of("aktiv", false), Map.of("aktiv", true));
        return store.editable(m, unitId);
    }

    /** The unit's history, newest first: created, renamed, moved (from which parent), retired, reactivated; by whom, when. */
    @Transactional(readOnly = true)
    public List<UnitHistory> history(long unitId) {
        store.editable(rights.municipalityId(), unitId);
        return store.history(unitId);
    }

    /**
     * Moves the unit {@code steps} places among its siblings (negative: up, towards the first). Relative to where the
     * unit is now, so it carries no version; at the first or last place it stays there.
     */
    @Transactional
    public EditableUnit step(long unitId, int steps) {
        EditableUnit current = store.editable(rights.municipalityId(), unitId);
        Problems.when(current.unit().parentId() == null, "position", "orgadmin.validering.rotOrdning");
        rights.requireStructure(current.unit().parentId());
        store.lock(rights.municipalityId());
        int place = store.placeOf(current.unit().parentId(), unitId);
        return order(unitId, null, (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) place + steps)));
    }

    /** The active units below this one (for the retire form: what retiring it with the units below would take along). */
    @Transactional(readOnly = true)
    public int activeBelow(long unitId) {
        store.editable(rights.municipalityId(), unitId);
        return store.activeBelow(unitId).size();
    }

    /** Refuses (403) unless the acting person may add units under this one. */
    public void requireMayAddUnder(OrgUnit unit) {
        rights.requireStructure(unit.id());
    }

    /** Refuses (403) unless the acting person may change this unit: the forms ask it before they are shown. */
    public void requireMayChange(OrgUnit unit) {
        rights.requireStructure(unit.parentId());
    }

    /** Whether the acting person may change this unit (rename, move, order, retire): the right over its parent. */
    public boolean mayChange(OrgUnit unit) {
        return rights.mayChangeStructure(unit.parentId());
    }

    /** Whether the acting person may add units under this one. */
    public boolean mayAddUnder(OrgUnit unit) {
        return unit.active() && rights.mayChangeStructure(unit.id());
    }

    private void checkFields(long m, Long self, OrgUnitType type, String name, String code, Problems p) {
        p.check(type != null, "type", "orgadmin.validering.typSaknas");
        p.check(type == null || UnitRules.assignable().contains(type) || self != null, "type", "orgadmin.validering.rotTyp");
        p.check(name != null, "name", "orgadmin.validering.namnSaknas");
        p.check(name == null || name.length() <= NAME_MAX, "name", "validering.text.lang", NAME_MAX);
        p.check(code == null || code.length() <= CODE_MAX, "code", "validering.text.lang", CODE_MAX);
        if (code != null && code.length() <= CODE_MAX) {
            store.codeHolder(m, code, self).ifPresent(holder -> p.add("code", "orgadmin.validering.kodFinns", code, holder));
        }
    }

    private static void checkVersion(EditableUnit current, Integer version) {
        if (version != null && version != current.version()) {
            throw new ConflictException("org_unit", current.unit().id());
        }
    }

    private void publish(long m, long id, OrganisationChanged.Kind kind, String summary, Map<String, Object> before,
                         Map<String, Object> after) {
        events.publishEvent(new OrganisationChanged(m, "org_unit", id, kind, summary, before, after));
    }

    private static Map<String, Object> fields(OrgUnit u, String parentName) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("namn", u.name());
        f.put("kod", u.code());
        f.put("typ", u.type().name());
        f.put("overordnad", parentName);
        f.put("plats", u.position());
        return f;
    }

    private static void diff(String field, Object old, Object now, Map<String, Object> before, Map<String, Object> after) {
        if (!java.util.Objects.equals(old, now)) {
            before.put(field, old);
            after.put(field, now);
        }
    }

    /** The type's Swedish name, resolved by the message source when the problem is shown. */
    static Object typeName(OrgUnitType type) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable("unitType." + type.name());
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
