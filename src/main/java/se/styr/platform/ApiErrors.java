package se.styr.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the JSON API's controllers as application/problem+json, with Swedish texts. Errors before a controller is
 * chosen (unknown address, method, media type, upload size) are answered by {@link ErrorEndpoint} in the same shape.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final Messages messages;
    private final ErrorResponses errors;
    private final org.springframework.context.ApplicationEventPublisher events;

    ApiErrors(Messages messages, ErrorResponses errors, org.springframework.context.ApplicationEventPublisher events) {
        this.messages = messages;
        this.errors = errors;
        this.events = events;
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join(" ", e.problems().stream().map(messages::text).toList()));
        p.setTitle("Ogiltiga uppgifter");
        p.setType(URI.create("urn:styr:problem:validering"));
        p.setProperty("errors", messages.byField(e));
        return p;
    }

    /**
     * Two transactions that raced past the checks to the same row: a unique key taken by the other first, or the
     * database choosing this one as a deadlock's loser. The same answer as a stale version: someone else was first.
     */
    @ExceptionHandler({org.springframework.dao.DuplicateKeyException.class,
            org.springframework.dao.PessimisticLockingFailureException.class})
    ProblemDetail race(RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ApiErrors.class).warn("Samtidig skrivning nekad: {}", e.getMessage());
        return conflict(null);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.text(e != null && e.messageKey() != null ? e.messageKey() : "conflict.message"));
        p.setTitle(messages.text("conflict.title"));
        p.setType(URI.create("urn:styr:problem:konflikt"));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return errors.problem(404, e);
    }

    /** {@code Access.require}'s Swedish reason says which right is missing. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
        events.publishEvent(new RequestRefused(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()), e));
        return errors.problem(403, e.getMessage(), e);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ProblemDetail badRequest(Exception e) {
        ValidationException refused = e instanceof HttpMessageNotReadableException unreadable ? errors.refused(unreadable) : null;
        return refused != null ? invalid(refused) : errors.problem(400, e);
    }
}
