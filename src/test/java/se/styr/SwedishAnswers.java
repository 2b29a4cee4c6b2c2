package se.styr;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests of error answers share: the words an answer must not contain, and the form's CSRF token. */
public final class SwedishAnswers {

    /** Spring's and the servlet container's English texts, and what names the inside of the application. */
    public static final List<String> INTERNAL = List.of("Not Found", "Method Not Allowed", "Unsupported Media Type",
            "Payload Too Large", "Content Too Large", "Unauthorized", "Forbidden", "Bad Request", "Internal Server Error",
            "\"path\":", "\"timestamp\"", "Exception", "jackson", "Jackson", "se.styr.", "org.springframework", "java.");

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private SwedishAnswers() {
    }

    /** The first internal or English text in the body; null when there is none. */
    public static String internal(String body) {
        return INTERNAL.stream().filter(body::contains).findFirst().orElse(null);
    }

    /** The CSRF token of a page (its meta tag or a form's hidden field); null when the page has none. */
    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }
}
