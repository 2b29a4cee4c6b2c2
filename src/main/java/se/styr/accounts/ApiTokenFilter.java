package se.styr.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.styr.platform.ErrorResponses;

/**
 * {@code Authorization: Bearer <token>} on the API: the request acts as the token's person, with their roles as they
 * are now (and as a substitute as on any other request). A token that does not work is answered with a 401 at once.
 * Not a bean, so that it runs only in the API's filter chain.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final ErrorResponses errors;

    ApiTokenFilter(ApiTokens tokens, ErrorResponses errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user;
        try {
            user = tokens.authenticate(header.substring(BEARER.length()).strip());
        } catch (BadCredentialsException e) {
            errors.writeDetail(request, response, 401, e.getMessage(), e);
            return;
        }
        StyrPrincipal principal = new StyrPrincipal(user, null, true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
