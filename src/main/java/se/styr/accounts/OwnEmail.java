package se.styr.accounts;

import org.springframework.stereotype.Service;
import se.styr.accounts.people.People;
import se.styr.accounts.people.Person;
import se.styr.accounts.people.PersonRules;
import se.styr.platform.Problems;

/** The signed-in person's own e-mail address, for other modules' settings pages (the notices). */
@Service
public class OwnEmail {

    /** The address (null: none) and the account's version to write it back with. */
    public record Address(String email, int version) {
    }

    private final People people;

    OwnEmail(People people) {
        this.people = people;
    }

    public Address current() {
        Person me = people.me();
        return new Address(me.email(), me.version());
    }

    /** Adds a problem (field {@code email}) unless the address is empty or looks like one. */
    public static void check(String email, Problems p) {
        PersonRules.checkEmail(email, p);
    }

    /** Whether the address given is the same as the stored one, blanks and spaces aside. */
    public static boolean same(String given, String stored) {
        return java.util.Objects.equals(PersonRules.strip(given), stored);
    }

    /** Changes the address as read at {@code version}, audited; a stale version is a conflict. */
    public Address change(String email, int version) {
        Person after = people.changeOwnEmail(email, version);
        return new Address(after.email(), after.version());
    }
}
