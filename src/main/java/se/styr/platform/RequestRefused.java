package se.styr.platform;

import org.springframework.security.access.AccessDeniedException;

/**
 * Published when an API controller refuses a request with 403, so the accounts module can write a refused write to
 * the audit log (the security layer's own refusals it sees itself).
 */
public record RequestRefused(String method, String path, AccessDeniedException reason) {
}
