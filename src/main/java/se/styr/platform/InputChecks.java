package se.styr.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link InputRules} at the door, so no module can forget them: every form field and query parameter is checked before
 * the controller runs (a refused one is a Swedish 400 naming the field, on the error page or as problem+json), and
 * every string and date in a JSON body while it is read (the field's path in the problem, e.g. {@code rows[2].explanation}).
 */
@Configuration
class InputChecks implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!(handler instanceof org.springframework.web.method.HandlerMethod)
                        || request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
                    return true; // static files, and the error page of a request already refused
                }
                Problems problems = new Problems();
                for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                    for (String value : parameter.getValue()) {
                        InputRules.checkText(value, parameter.getKey(), problems);
                    }
                }
                problems.throwIfAny();
                return true;
            }
        });
    }

    /** Registered with Spring's JSON mapper as a module bean. */
    @Bean
    JacksonModule inputRulesModule() {
        SimpleModule module = new SimpleModule("styr-input-rules");
        module.addDeserializer(String.class, new CheckedString());
        module.addDeserializer(LocalDate.class, new CheckedDate());
        return module;
    }

    /** Thrown inside Jackson; {@link ErrorResponses} finds it under Jackson's exception and adds the field's path. */
    static final class Refused extends RuntimeException {

        final String messageKey;
        final transient Object[] args;

        Refused(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private static final class CheckedString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            int at = InputRules.forbiddenCharacter(s);
            if (at >= 0) {
                throw new Refused("validering.tecken", String.format("U+%04X", (int) s.charAt(at)), at + 1);
            }
            return s;
        }
    }

    private static final class CheckedDate extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (!InputRules.saneDate(date)) {
                throw new Refused("validering.datum.intervall", InputRules.FIRST_DATE.toString(), InputRules.LAST_DATE.toString());
            }
            return date;
        }
    }
}
