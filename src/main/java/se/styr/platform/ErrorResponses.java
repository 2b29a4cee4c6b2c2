package se.styr.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;

/**
 * The one place that turns an error into Swedish text: a title and a detail per status, from the exception that caused
 * it where it says more (a method, a media type, the upload limit, a JSON field). Used by the API's problem+json, the
 * error page and the security layer's 401/403, so no error shows Spring's English or the name of an internal class.
 */
@Component
public class ErrorResponses {

    /** Problem types of the API, stable for clients. */
    private static final String TYPE = "urn:styr:problem:";

    private final Messages messages;
    private final DataSize uploadLimit;

    ErrorResponses(Messages messages,
                   @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) {
        this.messages = messages;
        this.uploadLimit = uploadLimit;
    }

    /** Requests under /api/ get problem+json, everything else a page. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** The upload limit as people write it: "10 MB". */
    public String uploadLimit() {
        return uploadLimit.toMegabytes() + " MB";
    }

    /** Swedish title of a status. */
    public String title(int status) {
        return messages.text(messages.has("error.title." + status) ? "error.title." + status : status >= 500 ? "error.title.500" : "error.title.400");
    }

    /** Swedish detail for the status, from its cause where that tells more; never the cause's own (English) text. */
    public String detail(int status, Throwable cause) {
        if (cause instanceof MaxUploadSizeExceededException || status == 413) {
            return messages.text("error.413", uploadLimit());
        }
        if (cause instanceof HttpRequestMethodNotSupportedException e) {
            String allowed = e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return messages.text(allowed.isEmpty() ? "error.405" : "error.405.allowed", e.getMethod(), allowed);
        }
        if (cause instanceof HttpMediaTypeNotSupportedException e) {
            String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                    .collect(Collectors.joining(", "));
            String given = e.getContentType() == null ? messages.text("error.415.none") : e.getContentType().toString();
            return messages.text(supported.isEmpty() ? "error.415" : "error.415.supported", given, supported);
        }
        if (cause instanceof HttpMediaTypeNotAcceptableException) {
            return messages.text("error.406");
        }
        if (cause instanceof CsrfException) {
            return messages.text("error.403.csrf");
        }
        if (cause instanceof org.springframework.security.access.AccessDeniedException e
                && !(cause instanceof org.springframework.security.authorization.AuthorizationDeniedException) && e.getMessage() != null) {
            return e.getMessage(); // Access.require says in Swedish which right is missing
        }
        if (cause instanceof HttpMessageNotReadableException e) {
            return json(e);
        }
        if (cause instanceof MethodArgumentTypeMismatchException e) {
            return messages.text("error.parameter.value", e.getName());
        }
        if (cause instanceof MissingServletRequestParameterException e) {
            return messages.text("error.parameter.missing", e.getParameterName());
        }
        if (cause instanceof MissingServletRequestPartException e) {
            return messages.text("error.part.missing", e.getRequestPartName());
        }
        if (cause instanceof MultipartException) {
            return messages.text("error.multipart");
        }
        if (cause instanceof NotFoundException e) {
            return e.getMessage();
        }
        String key = "error." + status;
        return messages.text(messages.has(key) ? key : status >= 500 ? "error.500" : "error.400");
    }

    /**
     * A JSON value refused by {@link InputRules} while it was read (a forbidden character, a date out of range), as a
     * validation problem on the value's path; null when the JSON failed for another reason.
     */
    public ValidationException refused(HttpMessageNotReadableException e) {
        JacksonException jackson = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j && jackson == null) {
                jackson = j;
            }
            if (t instanceof InputChecks.Refused r) {
                String field = jackson == null ? "" : field(jackson.getPath());
                return ValidationException.of(field.isEmpty() ? "body" : field, r.messageKey, r.args);
            }
        }
        return null;
    }

    /**
     * Where JSON could not be read, in Swedish: the field (as a path such as {@code rows[0].forecast}) when Jackson
     * knows it, otherwise the line and column; never Jackson's own message or the name of a class.
     */
    public String json(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        JacksonException jackson = null;
        for (Throwable t = e; t != null && jackson == null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                jackson = j;
            }
        }
        if (jackson == null) {
            return messages.text(cause == e ? "error.json.missing" : "error.json");
        }
        ValidationException refused = refused(e);
        if (refused != null) {
            ValidationException.Problem p = refused.problems().get(0);
            return messages.text("error.json.refused", p.field(), messages.text(p));
        }
        String field = field(jackson.getPath());
        if (!field.isEmpty()) {
            return messages.text("error.json.field", field);
        }
        if (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
            return messages.text("error.json.position", jackson.getLocation().getLineNr(), jackson.getLocation().getColumnNr());
        }
        return messages.text("error.json");
    }

    private static String field(List<JacksonException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** The problem+json body for a status and its cause. */
    public ProblemDetail problem(int status, Throwable cause) {
        return problem(status, detail(status, cause), cause);
    }

    ProblemDetail problem(int status, String detail, Throwable cause) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        p.setTitle(cause instanceof HttpMessageNotReadableException ? messages.text("error.title.json") : title(status));
        p.setType(URI.create(TYPE + type(status, cause)));
        return p;
    }

    private static String type(int status, Throwable cause) {
        if (cause instanceof CsrfException) {
            return "csrf";
        }
        if (cause instanceof HttpMessageNotReadableException) {
            return "json";
        }
        return switch (status) {
            case 400 -> "ogiltig-begaran";
            case 401 -> "inloggning";
            case 403 -> "behorighet";
            case 404 -> "finns-inte";
            case 405 -> "metod";
            case 406 -> "format";
            case 409 -> "konflikt";
            case 413 -> "for-stor";
            case 415 -> "innehallstyp";
            default -> status >= 500 ? "internt-fel" : "fel";
        };
    }

    /**
     * Writes a Swedish problem+json straight to the response, for the security layer that answers before Spring MVC.
     * {@code detailKey} is a message key; null gives the status's own text.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String detailKey, Throwable cause)
            throws IOException {
        writeDetail(request, response, status, detailKey == null ? detail(status, cause) : messages.text(detailKey), cause);
    }

    /** {@link #write} with a detail that is already a Swedish sentence (e.g. why an API token was refused). */
    public void writeDetail(HttpServletRequest request, HttpServletResponse response, int status, String detail, Throwable cause)
            throws IOException {
        ProblemDetail p = problem(status, detail, cause);
        p.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":" + quote(p.getType().toString()) + ",\"title\":" + quote(p.getTitle())
                + ",\"status\":" + status + ",\"detail\":" + quote(p.getDetail()) + ",\"instance\":" + quote(p.getInstance().toString()) + "}");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
