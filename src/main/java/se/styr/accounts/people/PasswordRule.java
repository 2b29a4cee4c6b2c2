package se.styr.accounts.people;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import se.styr.platform.Problems;

/**
 * What a password chosen by a person must be: at least {@value #MIN_LENGTH} characters (length protects more than
 * rules about character classes), at most {@value #MAX_BYTES} bytes (all that BCrypt reads), not the username, not one
 * character repeated, and typed the same twice.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private PasswordRule() {
    }

    /** Adds the problems with a new password under {@code field}, and with its repetition under {@code repeatField}. */
    public static void check(String password, String repeat, String username, String field, String repeatField, Problems p) {
        String pw = password == null ? "" : password;
        p.check(pw.codePointCount(0, pw.length()) >= MIN_LENGTH, field, "losenord.validering.kort", MIN_LENGTH);
        p.check(pw.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES, field, "losenord.validering.lang", MAX_BYTES);
        p.check(pw.isEmpty() || pw.codePoints().distinct().count() > 1, field, "losenord.validering.upprepat");
        p.check(username == null || username.isBlank() || !pw.toLowerCase(java.util.Locale.ROOT)
                .contains(username.strip().toLowerCase(java.util.Locale.ROOT)), field, "losenord.validering.anvandarnamn");
        p.check(pw.equals(repeat), repeatField, "losenord.validering.olika");
    }

    /** A one-time password an administrator hands over: 16 characters, about 92 bits. */
    public static String oneTime() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
