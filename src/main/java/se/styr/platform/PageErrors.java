package se.styr.platform;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Bad input or a conflict that a page did not handle itself: a Swedish error page with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final Messages messages;

    PageErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(ValidationException e) {
        return page(HttpStatus.BAD_REQUEST, e.problems().stream().map(messages::text).toList());
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, java.util.List.of(messages.text(e != null && e.messageKey() != null ? e.messageKey() : "conflict.message")));
    }

    /** Two transactions raced to the same row (see {@code ApiErrors.race}): someone else was first. */
    @ExceptionHandler({org.springframework.dao.DuplicateKeyException.class,
            org.springframework.dao.PessimisticLockingFailureException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView race(RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(PageErrors.class).warn("Samtidig skrivning nekad: {}", e.getMessage());
        return conflict(null);
    }

    /** A form posted with more rows than Spring will bind (a tampered or runaway form), not a 500. */
    @ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView unbindable(org.springframework.beans.InvalidPropertyException e) {
        return page(HttpStatus.BAD_REQUEST, java.util.List.of(messages.text("validering.rader", AUTO_GROW_LIMIT)));
    }

    /** Spring's default limit on how far a bound list may grow. */
    private static final int AUTO_GROW_LIMIT = 256;

    private static ModelAndView page(HttpStatus status, java.util.List<String> details) {
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status.value());
        mav.addObject("details", details);
        mav.setStatus(status);
        return mav;
    }
}
