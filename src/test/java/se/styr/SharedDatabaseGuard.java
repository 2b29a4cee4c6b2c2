package se.styr;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fails a test class that leaves the database the test classes share different from how it found it: the number of
 * rows of every table, the audit log's included (every write is audited, so an update shows there too). That database
 * is what makes a test's outcome depend on which classes ran before it; a class that must commit takes
 * {@link OwnDatabase}, one that writes rolls back ({@code @Transactional}).
 */
public class SharedDatabaseGuard implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Written by every login and request, whatever the test; no test reads them across classes. */
    private static final Set<String> NOT_GUARDED = Set.of("flyway_schema_history", "spring_session",
            "spring_session_attributes", "shedlock");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDatabaseGuard.class);

    /**
     * The counts are taken before the class's first test rather than here: asking for the application context now
     * would start it before the class's own extensions (the output capture that reads a link from the start-up log).
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("counts", new AtomicReference<Map<String, Long>>());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        @SuppressWarnings("unchecked")
        AtomicReference<Map<String, Long>> before = context.getStore(NAMESPACE).get("counts", AtomicReference.class);
        if (before != null && before.get() == null) {
            DataSource shared = sharedDatabase(context);
            before.set(shared == null ? Map.of() : counts(shared));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        @SuppressWarnings("unchecked")
        AtomicReference<Map<String, Long>> taken = context.getStore(NAMESPACE).remove("counts", AtomicReference.class);
        Map<String, Long> before = taken == null ? null : taken.get();
        if (before == null || before.isEmpty()) {
            return;
        }
        Map<String, Long> after = counts(sharedDatabase(context));
        List<String> changed = new ArrayList<>();
        after.forEach((table, rows) -> {
            if (!rows.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " → " + rows);
            }
        });
        if (!changed.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " lämnade den delade testdatabasen ändrad (" + String.join(", ", changed)
                    + "): låt klassen rulla tillbaka (@Transactional) eller ge den en egen databas (@OwnDatabase).");
        }
    }

    /** The application's database when it is the shared one; null for a class without Spring's test context or with its own. */
    private static DataSource sharedDatabase(ExtensionContext context) throws SQLException {
        Class<?> testClass = context.getRequiredTestClass();
        if (!(context.getTags().contains("db") || context.getTags().contains("browser"))
                || !AnnotatedElementUtils.hasAnnotation(testClass, BootstrapWith.class)
                || AnnotatedElementUtils.hasAnnotation(testClass, OwnDatabase.class)) {
            return null;
        }
        DataSource dataSource = SpringExtension.getApplicationContext(context).getBean(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            boolean shared = url.startsWith("jdbc:h2:mem:styr;") || url.startsWith("jdbc:h2:mem:styr:") || url.equals("jdbc:h2:mem:styr")
                    || url.endsWith("/" + TestEnvironment.POSTGRES_TEST_DB) || url.contains("/" + TestEnvironment.POSTGRES_TEST_DB + "?");
            return shared ? dataSource : null;
        }
    }

    private static Map<String, Long> counts(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!NOT_GUARDED.contains(table)) {
                        tables.add(table);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
