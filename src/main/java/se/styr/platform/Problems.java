package se.styr.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems and throws them together, so a form shows every mistake at once. */
public final class Problems {

    private final List<ValidationException.Problem> list = new ArrayList<>();

    public Problems add(String field, String messageKey, Object... args) {
        list.add(new ValidationException.Problem(field, messageKey, args));
        return this;
    }

    public Problems check(boolean ok, String field, String messageKey, Object... args) {
        return ok ? this : add(field, messageKey, args);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public Problems addAll(java.util.Collection<ValidationException.Problem> problems) {
        list.addAll(problems);
        return this;
    }

    public boolean has(String field) {
        return list.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws a single problem when the condition holds. */
    public static void when(boolean condition, String field, String messageKey, Object... args) {
        if (condition) {
            throw ValidationException.of(field, messageKey, args);
        }
    }

    public static void single(String field, String messageKey, Object... args) {
        throw ValidationException.of(field, messageKey, args);
    }

    public List<ValidationException.Problem> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
