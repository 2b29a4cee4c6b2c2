package se.styr.accounts.setup;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until Styr is set up, every page leads to the Swedish "Styr är inte uppsatt än" page, which says where the setup
 * link is; the setup page itself, the styles and scripts it needs, and the API (which answers 401 without accounts) pass.
 * Runs before Spring Security, so the login page is led there too.
 */
@Component
@Order(-101)
class SetupGate extends OncePerRequestFilter {

    private static final List<String> OPEN = List.of(SetupController.PATH + "/", SetupController.NOT_SET_UP, "/css/",
            "/js/", "/webjars/", "/favicon.ico", "/error", "/api/", "/v3/api-docs", "/swagger-ui");

    private final SetupState state;

    SetupGate(SetupState state) {
        this.state = state;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.stream().anyMatch(path::startsWith) || state.done()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + SetupController.NOT_SET_UP);
    }
}
