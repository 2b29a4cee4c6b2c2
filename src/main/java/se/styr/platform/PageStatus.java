package se.styr.platform;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A page shown again because of bad input or a conflict answers 400 or 409, not 200. */
public final class PageStatus {

    private PageStatus() {
    }

    public static void set(int status) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs && attrs.getResponse() != null) {
            attrs.getResponse().setStatus(status);
        }
    }

    /** 409 for a conflict, 400 for errors, otherwise the status stays as it is. */
    public static void rejected(java.util.Map<String, ?> errors, boolean conflict) {
        if (conflict) {
            set(409);
        } else if (errors != null && !errors.isEmpty()) {
            set(400);
        }
    }
}
