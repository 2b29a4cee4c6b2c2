package se.styr.platform;

import java.time.LocalDate;

/**
 * What any text or date typed into Styr must satisfy, whatever the module: {@link InputChecks} applies it to every
 * form field and every JSON value before a controller sees them, and {@link FormInput#date} to dates typed in forms.
 */
public final class InputRules {

    /** Dates outside these are typing mistakes or probes (year 0000, +99999): no round, decision or period lies there. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);

    private InputRules() {
    }

    public static boolean saneDate(LocalDate date) {
        return date == null || !(date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE));
    }

    /** Adds the Swedish problem when the date lies outside {@link #FIRST_DATE}–{@link #LAST_DATE}. */
    public static void checkDate(LocalDate date, String field, Problems problems) {
        problems.check(saneDate(date), field, "validering.datum.intervall", FIRST_DATE.toString(), LAST_DATE.toString());
    }

    /**
     * The index of the first character no one types on purpose, or −1: a control character other than tab and line
     * breaks (NUL, escape, C1 controls), or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which
     * can make a text display in another order than it is stored and read.
     */
    public static int forbiddenCharacter(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control || bidi) {
                return i;
            }
        }
        return -1;
    }

    /** The text without the characters {@link #forbiddenCharacter} finds, for names no one typed (an uploaded file's). */
    public static String withoutForbidden(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (forbiddenCharacter(String.valueOf(text.charAt(i))) < 0) {
                kept.append(text.charAt(i));
            }
        }
        return kept.toString();
    }

    /** Adds the Swedish problem, with the character's code and place, when the text holds a forbidden character. */
    public static void checkText(String text, String field, Problems problems) {
        int at = forbiddenCharacter(text);
        if (at >= 0) {
            problems.add(field, "validering.tecken", String.format("U+%04X", (int) text.charAt(at)), at + 1);
        }
    }
}
