package se.styr.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error page (an unknown address, a wrong method or media type, a too
 * large upload, a refused CSRF token, 403 from the security layer, an unexpected exception) ends here instead of in
 * Spring Boot's English whitelabel/JSON answer: problem+json for the API, the Swedish error page for everything else.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorEndpoint implements ErrorController {

    private final ErrorResponses errors;
    private final ErrorAttributes attributes;

    ErrorEndpoint(ErrorResponses errors, ErrorAttributes attributes) {
        this.errors = errors;
        this.attributes = attributes;
    }

    @RequestMapping
    Object error(HttpServletRequest request) {
        return answer(status(request), cause(request), (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }

    /** problem+json for a path of the API, the error page for any other. */
    Object answer(int status, Throwable cause, String path) {
        if (ErrorResponses.isApi(path)) {
            ProblemDetail p = errors.problem(status, cause);
            if (path != null) {
                p.setInstance(URI.create(path));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("details", List.of(errors.detail(status, cause)));
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return page;
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer s && s >= 400 && s <= 599 ? s : 500;
    }

    /** The exception behind the error: one Spring MVC resolved, one thrown in a filter, or the security layer's 403. */
    private Throwable cause(HttpServletRequest request) {
        Throwable e = attributes.getError(new ServletWebRequest(request));
        if (e == null && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof Throwable denied) {
            e = denied;
        }
        while (e instanceof jakarta.servlet.ServletException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}

