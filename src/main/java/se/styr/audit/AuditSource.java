package se.styr.audit;

import java.util.function.Supplier;

/**
 * Where the writes of the current thread come from when it is not a hand edit, as "import från styrkedja.xlsx": every
 * audit entry recorded while {@link #during} runs says so in its summary, so the log tells an import from an edit.
 */
public final class AuditSource {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditSource() {
    }

    public static <T> T during(String source, Supplier<T> work) {
        String before = CURRENT.get();
        CURRENT.set(source);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static String current() {
        return CURRENT.get();
    }
}
