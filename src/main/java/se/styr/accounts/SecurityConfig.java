package se.styr.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import se.styr.platform.ErrorResponses;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration
class SecurityConfig {

    /**
     * What a page may load: only Styr's own scripts, styles, images and fonts (htmx comes from the webjar), no inline
     * script or style element, no plugins, no framing. Style attributes stay allowed: pages indent tree rows with them.
     */
    static final String WEB_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** The API answers JSON, never a page: nothing may load from it. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The JSON API: stateless, a personal API token ({@code Authorization: Bearer}), or HTTP Basic with a local
     * account for tools; errors as problem+json.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ErrorResponses errors, ApiTokens tokens, RefusedWrites refusedWrites)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Styr\"");
                    errors.write(req, res, 401, null, ex);
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    refusedWrites.record(req, ex);
                    errors.write(req, res, 403, "error.403.api", ex);
                }))
                .addFilterBefore(new ApiTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
                .addFilterAfter(new MustChangePassword.OnApi(errors), BasicAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients,
                            Accounts accounts, RefusedWrites refusedWrites, se.styr.accounts.people.OidcRoles oidcRoles)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/publicerat/**",
                                "/uppsattning/**", "/ej-uppsatt").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler(new MustChangePassword.AfterLogin()))
                .addFilterBefore(new MustChangePassword(), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(WEB_CSP)))
                // The refused request's reason (a missing role, a CSRF token) is kept for the Swedish error page.
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    refusedWrites.record(req, ex);
                    req.setAttribute(org.springframework.security.web.WebAttributes.ACCESS_DENIED_403, ex);
                    res.sendError(403);
                }))
                .logout(l -> l.logoutSuccessUrl("/login?utloggad"));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcAccountMapper(accounts, oidcRoles))));
        }
        return http.build();
    }
}
