package se.styr.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Swedish texts from the message bundle, for code that is not a template. */
@Component
public class Messages {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String key, Object... args) {
        return source.getMessage(key, args, key, SWEDISH);
    }

    /** Whether the bundle has the key. */
    public boolean has(String key) {
        return source.getMessage(key, null, null, SWEDISH) != null;
    }

    public String text(ValidationException.Problem problem) {
        return text(problem.messageKey(), problem.args());
    }

    /** Field name → its messages, in the order found, for forms and problem+json. */
    public Map<String, List<String>> byField(ValidationException e) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (ValidationException.Problem p : e.problems()) {
            result.computeIfAbsent(p.field(), f -> new java.util.ArrayList<>()).add(text(p));
        }
        return result;
    }
}
