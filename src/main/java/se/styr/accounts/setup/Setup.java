package se.styr.accounts.setup;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Role;
import se.styr.accounts.people.PasswordRule;
import se.styr.accounts.people.PeopleRepository;
import se.styr.accounts.people.PersonRules;
import se.styr.audit.AuditLog;
import se.styr.organisation.MunicipalitySetup;
import se.styr.platform.Problems;

/**
 * The first start of an installation without demo data: the municipality and its first administrator, from the
 * one-time setup link's form or from environment variables. No password exists before this.
 */
@Service
class Setup {

    /** Who the audit log names for what the setup created. */
    static final String ACTOR = "uppsättning";

    /** What the setup form (or the environment) gives. */
    record Form(String name, String koladaId, String vision, String coreValues,
                String displayName, String username, String email, String password, String passwordRepeat) {
    }

    /** The setup is already done, or the link is not (or no longer) one: the page says so, with 410 or 404. */
    static class Closed extends RuntimeException {
        final boolean done;

        Closed(boolean done) {
            super(done ? "Styr är redan uppsatt." : "Länken för att sätta upp Styr gäller inte.");
            this.done = done;
        }
    }

    private final SetupState state;
    private final SetupTokens tokens;
    private final MunicipalitySetup municipalities;
    private final PeopleRepository people;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    Setup(SetupState state, SetupTokens tokens, MunicipalitySetup municipalities, PeopleRepository people,
          PasswordEncoder encoder, AuditLog audit) {
        this.state = state;
        this.tokens = tokens;
        this.municipalities = municipalities;
        this.people = people;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** Refuses unless the link may still be used. */
    void requireOpen(String secret) {
        if (state.done()) {
            throw new Closed(true);
        }
        if (!tokens.valid(secret)) {
            throw new Closed(false);
        }
    }

    /** Sets Styr up through the link, which is dead afterwards; returns the administrator's username. */
    @Transactional
    String complete(String secret, Form form) {
        requireOpen(secret);
        check(form);
        claim();
        if (!tokens.consume(secret)) {
            throw new Closed(false);
        }
        return create(form);
    }

    /** Sets Styr up from the environment (automated installs); the form's rules apply the same. */
    @Transactional
    String completeFromEnvironment(Form form) {
        claim();
        check(form);
        return create(form);
    }

    /** Another link, or another instance started from the same environment, may be setting up at this moment. */
    private void claim() {
        if (!tokens.claim()) {
            throw new Closed(true);
        }
    }

    private void check(Form f) {
        Problems p = new Problems();
        municipalities.check(new MunicipalitySetup.NewMunicipality(f.name(), f.koladaId(), f.vision(), f.coreValues()), p);
        PersonRules.check(f.displayName(), f.username(), f.email(), people, p);
        PasswordRule.check(f.password(), f.passwordRepeat(), f.username(), "password", "passwordRepeat", p);
        p.throwIfAny();
    }

    private String create(Form f) {
        var municipality = new MunicipalitySetup.NewMunicipality(f.name(), f.koladaId(), f.vision(), f.coreValues());
        long municipalityId = municipalities.create(municipality);
        String username = PersonRules.strip(f.username());
        long userId = people.insert(municipalityId, username, PersonRules.strip(f.displayName()), PersonRules.strip(f.email()),
                encoder.encode(f.password()), false);
        people.addRole(userId, Role.ADMINISTRATOR, null, false);
        tokens.clear();
        audit.recordAs(ACTOR, municipalityId, "municipality", municipalityId, AuditLog.Action.SKAPAD,
                "Kommunen skapad vid uppsättningen: " + PersonRules.strip(f.name()), null, municipality);
        audit.recordAs(ACTOR, municipalityId, "app_user", userId, AuditLog.Action.SKAPAD,
                "Första administratören skapad vid uppsättningen: " + PersonRules.strip(f.displayName()) + " (" + username + ")",
                null, people.find(municipalityId, userId).orElseThrow());
        return username;
    }
}
