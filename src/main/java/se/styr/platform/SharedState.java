package se.styr.platform;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * What lets several instances run on one database (docs/operations.md): sessions in the database (Spring Session
 * JDBC, its tables made by Flyway), and a lock so that each {@code @Scheduled} task runs on one instance at a time
 * (ShedLock; every scheduled method carries {@code @SchedulerLock}, which {@code ScheduledTasksTest} checks).
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SharedState {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }

    /**
     * Two requests of one session (htmx polling beside a click) may write the same attribute at once: on PostgreSQL
     * the attribute is upserted instead of failing on its primary key.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionUpsert(DataSource dataSource) {
        boolean postgres = "PostgreSQL".equals(productName(dataSource));
        return repository -> {
            if (postgres) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            }
        };
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            return "";
        }
    }
}
