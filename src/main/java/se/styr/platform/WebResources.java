package se.styr.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links are written as they are, not run through the static resource chain.
 * <p>
 * webjars-locator-lite on the classpath (so that {@code /webjars/htmx.org/dist/htmx.min.js} needs no version) makes
 * Spring Boot enable the resource chain, and with it Thymeleaf's {@link ResourceUrlEncodingFilter}. That filter sends
 * every {@code @{...}} link through the resolvers of {@code /**}: a classpath lookup per link that finds nothing,
 * since Styr uses no versioned resource URLs. Registering the filter disabled keeps the chain where it is needed
 * (serving the webjar without a version) and makes a link cost nothing but the string.
 */
@Configuration(proxyBeanMethods = false)
class WebResources {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> linksWithoutResourceChain() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
