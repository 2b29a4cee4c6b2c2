package se.styr.accounts.people;

import java.util.regex.Pattern;
import se.styr.platform.Problems;

/** What a new person's name, username and e-mail must be (field names displayName, username, email). */
public final class PersonRules {

    static final int NAME_MAX = 200;
    static final int USERNAME_MAX = 100;
    static final int EMAIL_MAX = 200;
    /** The same characters an identity provider's preferred_username or an e-mail address uses; no spaces. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,100}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private PersonRules() {
    }

    public static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static void check(String displayName, String username, String email, PeopleRepository people, Problems p) {
        String name = strip(displayName);
        p.check(name != null, "displayName", "person.validering.namn");
        p.check(name == null || name.length() <= NAME_MAX, "displayName", "validering.text.lang", NAME_MAX);
        String user = strip(username);
        boolean wellFormed = user != null && USERNAME.matcher(user).matches();
        p.check(wellFormed, "username", "person.validering.anvandarnamn", USERNAME_MAX);
        p.check(!wellFormed || !people.usernameTaken(user), "username", "person.validering.anvandarnamnFinns");
        checkEmail(email, p);
    }

    /** An e-mail address is optional; given, it must look like one. */
    public static void checkEmail(String email, Problems p) {
        String mail = strip(email);
        p.check(mail == null || (mail.length() <= EMAIL_MAX && EMAIL.matcher(mail).matches()), "email", "person.validering.epost");
    }

    /** A changed name and e-mail of an existing person. */
    static void checkDetails(String displayName, String email, Problems p) {
        String name = strip(displayName);
        p.check(name != null, "displayName", "person.validering.namn");
        p.check(name == null || name.length() <= NAME_MAX, "displayName", "validering.text.lang", NAME_MAX);
        checkEmail(email, p);
    }
}
