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
import se.styr.platform.ErrorResponses;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration
class SecurityConfig {

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
    SecurityFilterChain api(HttpSecurity http, ErrorResponses errors, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Styr\"");
                    errors.write(req, res, 401, null, ex);
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> errors.write(req, res, 403, "error.403.api", ex)))
                .addFilterBefore(new ApiTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients,
                            Accounts accounts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/publicerat/**",
                                "/uppsattning/**", "/ej-uppsatt").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                // The refused request's reason (a missing role, a CSRF token) is kept for the Swedish error page.
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    req.setAttribute(org.springframework.security.web.WebAttributes.ACCESS_DENIED_403, ex);
                    res.sendError(403);
                }))
                .logout(l -> l.logoutSuccessUrl("/login?utloggad"));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcAccountMapper(accounts))));
        }
        return http.build();
    }
}
