package se.styr.accounts;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import se.styr.organisation.Organisation;

/** Who is acting, and what they may do with the objects of a unit. */
@Service
public class Access implements se.styr.organisation.CurrentMunicipality {

    public enum Action {
        /** Create, edit, move and retire objects. */
        EDIT_STRUCTURE,
        /** Enter outcomes and targets, assessments, judgements and statuses. */
        ENTER_VALUES,
        /** Administer the installation: users, audit log. */
        ADMINISTER,
        /** Open follow-up rounds, share their objects down, enter the units' outcomes and decide the report. */
        MANAGE_ROUNDS,
        /** Write a unit's own report in a follow-up round: a reporter only for exactly their unit. */
        REPORT,
        /** Approve or send back the reports of units below one's own (not one's own). */
        APPROVE,
        /** Keep the municipality's budget (for the whole municipality) or a committee's detail budget and economic follow-up. */
        MANAGE_BUDGET,
        /** Write, see as a draft and publish a party group's budget proposals: only for exactly one's own group. */
        PROPOSE,
        /** Give and take roles: an administrator any, a controller only within their own scope and never administrator. */
        GRANT_ROLES,
        /** Register a body's cases, prepare its meetings and agendas, keep the minutes and the delegation order. */
        MANAGE_MEETINGS,
        /** Write the auditors' questions of a body's yearly basic review (grundläggande granskning) and close it. */
        AUDIT,
        /** Answer the auditors' basic review on behalf of a body and send the answers to the committee. */
        ANSWER_REVIEW
    }

    private final Organisation organisation;
    private final Accounts accounts;

    Access(Organisation organisation, Accounts accounts) {
        this.organisation = organisation;
        this.accounts = accounts;
    }

    /** The name to show for the person with this username (the audit log and task records keep usernames). */
    public String displayName(String username) {
        return username == null ? null : accounts.byUsername(username).map(Accounts.Account::displayName).orElse(username);
    }

    public Optional<CurrentUser> findCurrent() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof HasCurrentUser p ? Optional.of(p.styrUser()) : Optional.empty();
    }

    public CurrentUser current() {
        return findCurrent().orElseThrow(() -> new AccessDeniedException("Du är inte inloggad."));
    }

    public long municipalityId() {
        return current().municipalityId();
    }

    @Override
    public long id() {
        return municipalityId();
    }

    /**
     * Whether the current user may do this to objects owned by the unit (null: objects of the whole municipality).
     * A substitute may also report and approve as the people they stand in for today, but never approve a task of a
     * unit they report for themselves: that would be approving their own work.
     */
    public boolean may(Action action, Long unitId) {
        return findCurrent().map(user -> ownRight(user, action, unitId) || standingInAs(user, action, unitId).isPresent())
                .orElse(false);
    }

    private boolean ownRight(CurrentUser user, Action action, Long unitId) {
        return user.roles().stream().anyMatch(r -> grants(r, action, unitId));
    }

    /** The person whose role gives the current user the right as their substitute, when their own roles do not. */
    private Optional<CurrentUser> standingInAs(CurrentUser user, Action action, Long unitId) {
        if (action != Action.REPORT && action != Action.APPROVE) {
            return Optional.empty();
        }
        if (action == Action.APPROVE && unitId != null && reportsFor(user, unitId)) {
            return Optional.empty();
        }
        return standingInFor().stream().map(s -> person(s.username()))
                .filter(p -> p.roles().stream().anyMatch(r -> grants(r, action, unitId))).findFirst();
    }

    private static boolean reportsFor(CurrentUser user, long unitId) {
        return user.roles().stream().anyMatch(r -> r.role() == Role.REPORTER && Long.valueOf(unitId).equals(r.unitId()));
    }

    /** Whom the current user stands in for today (vikarie). */
    public java.util.List<Substitution> standingInFor() {
        return findCurrent().map(user -> accounts.standingInFor(user.id(), java.time.LocalDate.now(SWEDEN)))
                .orElse(java.util.List.of());
    }

    /** Another person of the municipality with their roles, e.g. the one a substitute stands in for. */
    public CurrentUser person(String username) {
        return accounts.byUsername(username).filter(a -> a.municipalityId() == municipalityId())
                .map(accounts::currentUser)
                .orElseThrow(() -> new se.styr.platform.NotFoundException("Användaren", username));
    }

    static final java.time.ZoneId SWEDEN = java.time.ZoneId.of("Europe/Stockholm");

    /**
     * Refuses with a Swedish reason unless the current user may; when the right is a substitute's, the audit entries
     * of the write that follows say "X för Y".
     */
    public void require(Action action, Long unitId) {
        CurrentUser user = findCurrent().orElse(null);
        boolean own = user != null && ownRight(user, action, unitId);
        Optional<CurrentUser> standIn = user == null || own ? Optional.empty() : standingInAs(user, action, unitId);
        se.styr.audit.ActingFor.set(standIn.map(p -> user.displayName() + " för " + p.displayName()).orElse(null));
        if (!own && standIn.isEmpty()) {
            throw new AccessDeniedException(switch (action) {
                case EDIT_STRUCTURE -> "Du har inte behörighet att ändra objekt för den här delen av organisationen.";
                case ENTER_VALUES -> "Du har inte behörighet att rapportera för den här delen av organisationen.";
                case ADMINISTER -> "Endast administratörer får göra detta.";
                case MANAGE_ROUNDS -> "Endast administratörer och controllers får förbereda och besluta uppföljningar för den här delen av organisationen.";
                case REPORT -> "Du får bara rapportera för din egen enhet.";
                case APPROVE -> "Du får bara attestera rapporter från enheter under din egen.";
                case MANAGE_BUDGET -> "Endast administratörer och controllers för den här delen av organisationen får ändra budget och ekonomisk uppföljning.";
                case PROPOSE -> "Endast den egna partigruppen får se och ändra sina budgetförslag innan de publiceras.";
                case GRANT_ROLES -> "Du får bara ge och ta bort roller inom din egen del av organisationen.";
                case MANAGE_MEETINGS -> "Endast nämndsekreterare och administratörer får hantera ärenden, sammanträden och protokoll för den här nämnden.";
                case AUDIT -> "Endast revisorerna får ändra granskningens frågor och avsluta granskningen.";
                case ANSWER_REVIEW -> "Endast nämndens controller, nämndsekreterare och administratörer får besvara revisorernas granskning.";
            });
        }
    }

    /**
     * The units for whose objects the current user may do this by their own roles (substitutions not counted), so
     * that a list can be limited to them in SQL; null when they may everywhere in the municipality.
     */
    public java.util.Set<Long> unitsWhere(Action action) {
        CurrentUser user = findCurrent().orElse(null);
        java.util.Set<Long> units = new java.util.HashSet<>();
        if (user == null) {
            return units;
        }
        for (CurrentUser.RoleScope scope : user.roles()) {
            if (!allows(scope.role(), action)) {
                continue;
            }
            if (scope.role() == Role.ADMINISTRATOR || scope.unitId() == null) {
                return null;
            }
            perRequest("subtree." + scope.unitId(), () -> organisation.subtree(scope.unitId())).stream()
                    .filter(id -> grants(scope, action, id))
                    .forEach(units::add);
        }
        return units;
    }

    private static boolean allows(Role role, Action action) {
        return switch (role) {
            case ADMINISTRATOR -> true;
            case CONTROLLER -> action != Action.ADMINISTER && action != Action.PROPOSE && action != Action.MANAGE_MEETINGS
                    && action != Action.AUDIT;
            case REPORTER -> action == Action.ENTER_VALUES || action == Action.REPORT || action == Action.APPROVE;
            case READER -> false;
            case PARTI -> action == Action.PROPOSE;
            case SEKRETERARE -> action == Action.MANAGE_MEETINGS || action == Action.ANSWER_REVIEW;
            case AUDITOR -> action == Action.AUDIT;
        };
    }

    private boolean grants(CurrentUser.RoleScope scope, Action action, Long unitId) {
        if (!allows(scope.role(), action)) {
            return false;
        }
        if (scope.role() == Role.ADMINISTRATOR || scope.unitId() == null) {
            return true;
        }
        if (unitId == null) {
            return false;
        }
        if (action == Action.PROPOSE || (action == Action.REPORT && scope.role() == Role.REPORTER)) {
            return scope.unitId().equals(unitId);
        }
        if (action == Action.APPROVE && scope.unitId().equals(unitId)) {
            return false;
        }
        return perRequest("subtree." + scope.unitId(), () -> organisation.subtree(scope.unitId())).contains(unitId);
    }

    /**
     * Read once per request: a page that checks the right for each of its rows (rounds, tasks, bodies) would otherwise
     * run the same query once a row. Outside a request (a background job) it is read each time. Only the unit tree is
     * kept so, which no request both changes and then checks rights against.
     */
    @SuppressWarnings("unchecked")
    private static <T> T perRequest(String key, java.util.function.Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        String name = Access.class.getName() + "." + key;
        T value = (T) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (value == null) {
            value = read.get();
            request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }
}
