package se.styr.accounts.people;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.CurrentUser;
import se.styr.accounts.Role;
import se.styr.audit.AuditLog;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * People administration: an administrator creates people, deactivates and reactivates them and resets passwords; an
 * administrator gives and takes any role, a controller only roles within their own part of the organisation (never
 * administrator or party group). Everyone changes their own password. The last active administrator stays.
 */
@Service
public class People {

    /** A person just created or given a new password, with the one-time password shown this once. */
    public record WithPassword(Person person, String oneTimePassword) {
    }

    private final PeopleRepository repository;
    private final Access access;
    private final Organisation organisation;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final se.styr.accounts.login.LoginThrottle throttle;

    People(PeopleRepository repository, Access access, Organisation organisation, PasswordEncoder encoder, AuditLog audit,
           se.styr.accounts.login.LoginThrottle throttle) {
        this.throttle = throttle;
        this.repository = repository;
        this.access = access;
        this.organisation = organisation;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** Administrators and controllers see the people, to give them roles. */
    public boolean maySee() {
        return access.findCurrent().map(u -> u.has(Role.ADMINISTRATOR) || u.has(Role.CONTROLLER)).orElse(false);
    }

    public boolean mayAdminister() {
        return access.may(Access.Action.ADMINISTER, null);
    }

    private void requireSee() {
        if (!maySee()) {
            throw new AccessDeniedException("Endast administratörer och controllers ser kommunens personer.");
        }
    }

    public Paging.Page<Person> search(String text, Paging paging) {
        requireSee();
        return repository.search(access.municipalityId(), text, paging);
    }

    public Person person(long id) {
        requireSee();
        return repository.find(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Personen", id));
    }

    @Transactional
    public WithPassword create(String displayName, String username, String email) {
        access.require(Access.Action.ADMINISTER, null);
        Problems p = new Problems();
        PersonRules.check(displayName, username, email, repository, p);
        p.throwIfAny();
        String password = PasswordRule.oneTime();
        long id = repository.insert(access.municipalityId(), PersonRules.strip(username), PersonRules.strip(displayName),
                PersonRules.strip(email), encoder.encode(password), true);
        Person saved = person(id);
        audit.record(access.municipalityId(), "app_user", id, AuditLog.Action.SKAPAD,
                "Person skapad: " + saved.displayName() + " (" + saved.username() + ")", null, saved);
        return new WithPassword(saved, password);
    }

    /** Deactivates (cannot log in, API tokens and sessions stop working) or reactivates a person read at {@code version}. */
    @Transactional
    public Person setActive(long id, int version, boolean active) {
        access.require(Access.Action.ADMINISTER, null);
        Person before = person(id);
        if (!active) {
            Problems.when(before.id() == access.current().id(), "person", "person.validering.sigSjalv");
            requireAnotherAdministrator(before, null);
        }
        if (!repository.setActive(id, version, active)) {
            throw new ConflictException("app_user", id);
        }
        if (!active) {
            repository.endSessions(before.username());
        }
        Person after = person(id);
        audit.record(access.municipalityId(), "app_user", id, active ? AuditLog.Action.ATERAKTIVERAD : AuditLog.Action.AVVECKLAD,
                (active ? "Person återaktiverad: " : "Person inaktiverad: ") + after.displayName(), before, after);
        return after;
    }

    /** An administrator changes a person's name and e-mail (where their notices go), as read at {@code version}. */
    @Transactional
    public Person updateDetails(long id, int version, String displayName, String email) {
        access.require(Access.Action.ADMINISTER, null);
        Person before = person(id);
        Problems p = new Problems();
        PersonRules.checkDetails(displayName, email, p);
        p.throwIfAny();
        if (!repository.setDetails(id, version, PersonRules.strip(displayName), PersonRules.strip(email))) {
            throw new ConflictException("app_user", id);
        }
        Person after = person(id);
        audit.record(access.municipalityId(), "app_user", id, AuditLog.Action.ANDRAD,
                "Uppgifter ändrade för " + after.displayName(), before, after);
        return after;
    }

    /** The current person's own account, as the administration shows it. */
    public Person me() {
        CurrentUser me = access.current();
        return repository.find(me.municipalityId(), me.id()).orElseThrow(() -> new NotFoundException("Personen", me.id()));
    }

    /** The current person changes their own e-mail address (empty: no mail), as read at {@code version}. */
    @Transactional
    public Person changeOwnEmail(String email, int version) {
        Person before = me();
        Problems p = new Problems();
        PersonRules.checkEmail(email, p);
        p.throwIfAny();
        if (!repository.setDetails(before.id(), version, before.displayName(), PersonRules.strip(email))) {
            throw new ConflictException("app_user", before.id());
        }
        Person after = me();
        audit.record(access.municipalityId(), "app_user", before.id(), AuditLog.Action.ANDRAD,
                "Egen e-postadress ändrad: " + after.displayName(), before, after);
        return after;
    }

    /** A new one-time password: the person must choose their own at the next login; their sessions end and a lock lifts. */
    @Transactional
    public WithPassword resetPassword(long id) {
        access.require(Access.Action.ADMINISTER, null);
        Person before = person(id);
        String password = PasswordRule.oneTime();
        repository.setPassword(id, encoder.encode(password), true);
        repository.endSessions(before.username());
        throttle.succeeded(before.username()); // a locked-out person can log in with the new one at once
        Person after = person(id);
        audit.record(access.municipalityId(), "app_user", id, AuditLog.Action.ANDRAD,
                "Lösenord återställt för " + after.displayName() + " (engångslösenord)", before, after);
        return new WithPassword(after, password);
    }

    /** The current person's own password: the current one, and the new one twice. */
    @Transactional
    public void changeOwnPassword(String current, String password, String repeat) {
        CurrentUser me = access.current();
        String hash = repository.passwordHash(me.id()).orElse(null);
        Problems p = new Problems();
        p.check(hash != null && current != null && encoder.matches(current, hash), "current", "losenord.validering.nuvarande");
        PasswordRule.check(password, repeat, me.username(), "password", "passwordRepeat", p);
        p.check(current == null || !current.equals(password), "password", "losenord.validering.samma");
        p.throwIfAny();
        repository.setPassword(me.id(), encoder.encode(password), false);
        audit.record(me.municipalityId(), "app_user", me.id(), AuditLog.Action.ANDRAD,
                "Eget lösenord bytt: " + me.displayName(), null, null);
    }

    /** Whether the current person may give or take this role with this scope. */
    public boolean mayGrant(Role role, Long unitId) {
        if (mayAdminister()) {
            return true;
        }
        return role != Role.ADMINISTRATOR && role != Role.PARTI && role != Role.AUDITOR
                && access.may(Access.Action.GRANT_ROLES, unitId);
    }

    private void requireGrant(Role role, Long unitId) {
        if (!mayGrant(role, unitId)) {
            access.require(Access.Action.GRANT_ROLES, unitId);
            throw new AccessDeniedException("Endast administratörer får ge och ta bort rollerna administratör, partigrupp och revisor.");
        }
    }

    @Transactional
    public Person.Grant addRole(long personId, Role role, Long unitId) {
        Problems p = new Problems();
        p.check(role != null, "role", "person.validering.roll");
        p.check(role != Role.ADMINISTRATOR || unitId == null, "unit", "person.validering.adminHelaKommunen");
        p.check(role != Role.PARTI || (unitId != null && organisation.findUnit(unitId)
                .filter(u -> u.type() == se.styr.organisation.OrgUnitType.PARTIGRUPP).isPresent()), "unit", "person.validering.partigrupp");
        if (unitId != null) {
            p.check(organisation.findUnit(unitId).filter(u -> u.municipalityId() == access.municipalityId()).isPresent(),
                    "unit", "person.validering.enhet");
        }
        p.throwIfAny();
        requireGrant(role, unitId);
        Person before = person(personId);
        Problems.when(before.roles().stream().anyMatch(g -> g.role() == role && java.util.Objects.equals(g.unitId(), unitId)),
                "role", "person.validering.harRollen");
        long id = repository.addRole(personId, role, unitId, false);
        Person after = person(personId);
        Person.Grant grant = after.roles().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
        audit.record(access.municipalityId(), "app_user", personId, AuditLog.Action.ANDRAD,
                "Roll given till " + after.displayName() + ": " + describe(grant), before, after);
        return grant;
    }

    @Transactional
    public void removeRole(long personId, long roleId) {
        Person before = person(personId);
        Person.Grant grant = before.roles().stream().filter(g -> g.id() == roleId).findFirst()
                .orElseThrow(() -> new NotFoundException("Rollen", roleId));
        requireGrant(grant.role(), grant.unitId());
        if (grant.role() == Role.ADMINISTRATOR) {
            requireAnotherAdministrator(before, grant);
        }
        repository.removeRole(roleId);
        Person after = person(personId);
        audit.record(access.municipalityId(), "app_user", personId, AuditLog.Action.ANDRAD,
                "Roll borttagen från " + after.displayName() + ": " + describe(grant), before, after);
    }

    /** Refuses when the person is an active administrator and no other active administrator would remain. */
    private void requireAnotherAdministrator(Person person, Person.Grant removed) {
        List<Person.Grant> admin = person.roles().stream().filter(g -> g.role() == Role.ADMINISTRATOR).toList();
        boolean losesAdministrator = person.active() && !admin.isEmpty() && (removed == null || admin.size() == 1);
        if (losesAdministrator && repository.activeAdministratorsLocked(access.municipalityId()) <= 1) {
            Problems.single("person", "person.validering.sistaAdmin");
        }
    }

    static String describe(Person.Grant g) {
        String role = switch (g.role()) {
            case ADMINISTRATOR -> "administratör";
            case CONTROLLER -> "controller";
            case REPORTER -> "rapportör";
            case READER -> "läsare";
            case PARTI -> "partigrupp";
            case SEKRETERARE -> "nämndsekreterare";
            case AUDITOR -> "revisor";
        };
        return role + (g.unitName() == null ? " för hela kommunen" : " för " + g.unitName());
    }
}
