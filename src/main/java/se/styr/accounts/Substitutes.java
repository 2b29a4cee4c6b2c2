package se.styr.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.audit.AuditLog;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/** Substitutes (vikarier): a person names who reports and approves in their place while they are away. */
@Service
public class Substitutes {

    private final Accounts accounts;
    private final Access access;
    private final AuditLog audit;

    Substitutes(Accounts accounts, Access access, AuditLog audit) {
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
    }

    /** The substitutes the current user has named. */
    public List<Substitution> mine() {
        return accounts.substitutesOf(access.current().id());
    }

    /** One page of the current person's substitutes, or of those they stand in for ({@code standingIn}). */
    public se.styr.platform.Paging.Page<Substitution> page(boolean standingIn, java.time.LocalDate on,
                                                          se.styr.platform.Paging paging) {
        Problems.when(on != null && (on.getYear() < 1990 || on.getYear() > 2100), "on", "validering.ar.utanfor", "1990", "2100");
        return accounts.substitutions(access.current().id(), standingIn, on, paging);
    }

    /** The people who can be named: the municipality's other active accounts, as username → name. */
    public Map<String, String> candidates() {
        CurrentUser me = access.current();
        Map<String, String> result = new java.util.LinkedHashMap<>();
        accounts.active(me.municipalityId()).stream().filter(a -> a.id() != me.id())
                .forEach(a -> result.put(a.username(), a.displayName()));
        return result;
    }

    @Transactional
    public Substitution name(String substituteUsername, LocalDate from, LocalDate to) {
        CurrentUser me = access.current();
        Problems p = new Problems();
        Accounts.Account substitute = substituteUsername == null ? null : accounts.byUsername(substituteUsername.strip())
                .filter(a -> a.active() && a.municipalityId() == me.municipalityId()).orElse(null);
        p.check(substitute != null, "substitute", "vikarie.validering.person");
        p.check(substitute == null || substitute.id() != me.id(), "substitute", "vikarie.validering.sjalv");
        p.check(from != null, "from", "validering.datum");
        p.check(to != null, "to", "validering.datum");
        if (from != null && to != null) {
            p.check(!to.isBefore(from), "to", "vikarie.validering.ordning");
            p.check(!to.isBefore(LocalDate.now(Access.SWEDEN)), "to", "vikarie.validering.passerad");
        }
        p.throwIfAny();
        long id = accounts.insertSubstitute(me.municipalityId(), me.id(), substitute.id(), from, to);
        Substitution saved = accounts.substitution(id).orElseThrow();
        audit.record(me.municipalityId(), "substitute", id, AuditLog.Action.SKAPAD,
                "Vikarie för " + me.displayName() + ": " + saved.substituteName(), null, saved);
        return saved;
    }

    @Transactional
    public void remove(long id) {
        CurrentUser me = access.current();
        Substitution s = accounts.substitution(id).filter(x -> x.username().equals(me.username()))
                .orElseThrow(() -> new NotFoundException("Vikarien", id));
        accounts.deleteSubstitute(id);
        audit.record(me.municipalityId(), "substitute", id, AuditLog.Action.BORTTAGEN,
                "Vikarie för " + me.displayName() + ": " + s.substituteName(), s, null);
    }
}
