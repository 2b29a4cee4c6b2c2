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
     * Two requests of one session (htmx polling beside a click, or a person's tabs) may write the same attribute at
     * once: the attribute is upserted instead of failing on its primary key (PostgreSQL's own customizer; a MERGE on H2).
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionUpsert(DataSource dataSource) {
        String product = productName(dataSource);
        return repository -> {
            if ("PostgreSQL".equals(product)) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            } else if ("H2".equals(product)) {
                repository.setCreateSessionAttributeQuery("""
                        MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                        KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""");
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
