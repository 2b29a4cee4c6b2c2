package se.styr.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person who logged in with a one-time password (a new account, a reset) chooses their own before anything else:
 * the login marks the session, and until the password is changed every page leads to the change-password page.
 * Not a bean, so that it runs only in the web's filter chain.
 */
class MustChangePassword extends OncePerRequestFilter {

    static final String PAGE = "/konto/losenord";
    static final String SESSION_MARK = MustChangePassword.class.getName();
    private static final List<String> OPEN = List.of(PAGE, "/logout", "/css/", "/js/", "/webjars/", "/favicon.ico", "/error");

    /** After a form login: to the change-password page when the password is a one-time one, else where the person was going. */
    static class AfterLogin extends SavedRequestAwareAuthenticationSuccessHandler {
        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
                throws IOException, ServletException {
            if (auth.getPrincipal() instanceof StyrPrincipal p && p.mustChangePassword()) {
                request.getSession().setAttribute(SESSION_MARK, Boolean.TRUE);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, PAGE);
                return;
            }
            super.onAuthenticationSuccess(request, response, auth);
        }
    }

    /** The person has chosen their own password. */
    static void done(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_MARK);
        }
    }

    static boolean required(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_MARK) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (required(request) && OPEN.stream().noneMatch(path::startsWith)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** On the API, HTTP Basic with a one-time password is refused: it is for choosing one's own on the web. */
    static class OnApi extends OncePerRequestFilter {

        private final se.styr.platform.ErrorResponses errors;

        OnApi(se.styr.platform.ErrorResponses errors) {
            this.errors = errors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof StyrPrincipal p && p.mustChangePassword()) {
                errors.writeDetail(request, response, 401, "Lösenordet är ett engångslösenord. Logga in på webben och välj ett eget lösenord först.", null);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
