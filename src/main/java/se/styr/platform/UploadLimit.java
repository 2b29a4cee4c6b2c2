package se.styr.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the limit ({@code spring.servlet.multipart.max-request-size}, 10 MB) gets a Swedish 413 that says the
 * limit, as problem+json in the API and as the error page elsewhere.
 */
@Configuration
class UploadLimit {

    /**
     * Tomcat reads and discards the rest of a refused upload (up to {@code server.tomcat.max-swallow-size}) instead of
     * closing the connection, so the client gets the 413 rather than a reset connection.
     */
    @Bean
    TomcatContextCustomizer swallowRefusedUploads() {
        return context -> context.setSwallowAbortedUploads(true);
    }

    /**
     * Answered at once rather than through the container's error dispatch, which would parse the same oversized
     * multipart body again and fail before it could answer.
     */
    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Errors {

        private final ErrorEndpoint endpoint;

        Errors(ErrorEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
            return endpoint.answer(413, e, request.getRequestURI());
        }
    }
}
