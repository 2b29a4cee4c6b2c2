package se.styr.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads what a form posts as text; what cannot be read is reported to the problems and read as null. */
public final class FormInput {

    private FormInput() {
    }

    /** "2022-08-31"; blank is null; a date outside {@link InputRules#FIRST_DATE}–{@link InputRules#LAST_DATE} is refused. */
    public static LocalDate date(String text, String field, Problems problems) {
        try {
            LocalDate date = text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
            if (!InputRules.saneDate(date)) {
                InputRules.checkDate(date, field, problems);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(field, "validering.datum");
            return null;
        }
    }

    /** A Swedish number such as "3,5" or "1 500"; blank is null. */
    public static BigDecimal number(String text, String field, Problems problems) {
        try {
            return SwedishFormat.parse(text);
        } catch (NumberFormatException e) {
            problems.add(field, "validering.tal");
            return null;
        }
    }

    /** An amount typed in tkr ("2 132 879", "−56,745") as whole kronor; blank is null; finer than 1 kr is refused. */
    public static Long tkr(String text, String field, Problems problems) {
        BigDecimal tkr = number(text, field, problems);
        if (tkr == null) {
            return null;
        }
        try {
            return tkr.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            problems.add(field, "validering.tkr");
            return null;
        }
    }

    /** A whole number such as an id or a year ("17"); blank is null. */
    public static Long whole(String text, String field, Problems problems) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "validering.heltal");
            return null;
        }
    }

    /** The version a form was read at, for optimistic locking; a form without one is refused. */
    public static int version(java.util.Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("version", "").strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("version", "validering.version");
        }
    }

    /** One of the enum's names; blank is null. */
    public static <E extends Enum<E>> E choice(Class<E> type, String text, String field, Problems problems) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(field, "validering.val");
            return null;
        }
    }
}
