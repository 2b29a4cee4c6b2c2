package se.styr.notices;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the person's latest unread notices ("Att göra / Meddelanden") on the start page, which the follow-up renders:
 * the follow-up does not know this module, the start page's template only includes the list when it is given.
 * Two queries (the page and the count).
 */
@Configuration
class StartPageNotices implements WebMvcConfigurer, HandlerInterceptor {

    static final String START_VIEW = "followup/start";

    private final Notices notices;

    StartPageNotices(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view != null && START_VIEW.equals(view.getViewName())) {
            view.addObject("inbox", notices.recent());
        }
    }
}
