package se.styr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test class gets a database of its own, created afresh when its context starts (the migrations and, unless the
 * class turns it off, the demo). For tests that commit: what they write is never seen by another class, so the
 * tests on the shared database pass in any order ({@link SharedDatabaseGuard} fails a class that changes that one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextCustomizerFactories(OwnDatabase.Factory.class)
public @interface OwnDatabase {

    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return AnnotatedElementUtils.hasAnnotation(testClass, OwnDatabase.class)
                    ? new Customizer(testClass.getSimpleName().toLowerCase(Locale.ROOT)) : null;
        }
    }

    /** A record, so that the context cache keeps one context per class (its name is the cache key's part). */
    record Customizer(String name) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            try {
                String url = EmptyDatabase.create("own_" + name);
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("ownDatabase", Map.of("spring.datasource.url", url)));
            } catch (SQLException e) {
                throw new IllegalStateException("Testdatabasen " + name + " kunde inte skapas", e);
            }
        }
    }
}
