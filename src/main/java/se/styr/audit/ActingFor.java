package se.styr.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whom the acting person stands in for (vikarie), as "Erik Enhetschef för Anna Avdelningschef", when their right to
 * the write they are about to make comes from someone else's role. Set by every rights check before a write (so a
 * later check without a substitution clears it), read by {@link AuditLog} into the entry's summary. Kept with the
 * request; outside a request (a service called directly) with the thread.
 */
public final class ActingFor {

    private static final String ATTRIBUTE = ActingFor.class.getName();
    private static final ThreadLocal<String> OUTSIDE_REQUEST = new ThreadLocal<>();

    private ActingFor() {
    }

    /** Null: the person acts on their own right. */
    public static void set(String text) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            if (text == null) {
                request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            } else {
                request.setAttribute(ATTRIBUTE, text, RequestAttributes.SCOPE_REQUEST);
            }
        } else if (text == null) {
            OUTSIDE_REQUEST.remove();
        } else {
            OUTSIDE_REQUEST.set(text);
        }
    }

    public static String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null ? (String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : OUTSIDE_REQUEST.get();
    }
}
