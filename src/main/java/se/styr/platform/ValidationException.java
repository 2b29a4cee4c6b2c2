package se.styr.platform;

import java.util.List;

/**
 * Bad input, found before anything was written. Each problem names the field and a message key
 * from the Swedish message bundle, so forms and the API show the same text.
 */
public class ValidationException extends RuntimeException {

    public record Problem(String field, String messageKey, Object... args) {
    }

    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String messageKey, Object... args) {
        return new ValidationException(List.of(new Problem(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
