package se.styr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, once per test run, whether the tests that need PostgreSQL or Chromium can run here. Where they cannot,
 * they are skipped with a visible notice instead of failing; CI installs and starts both, so nothing is skipped there.
 * For the PostgreSQL run the test database is created afresh, so every run starts from the migrations.
 */
public class TestEnvironment implements ExecutionCondition {

    static final String POSTGRES_HOST_URL = System.getenv().getOrDefault("STYR_TEST_PG_ADMIN_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String POSTGRES_TEST_DB = System.getenv().getOrDefault("STYR_TEST_PG_DB", "styr_test");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("STYR_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("STYR_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static Boolean postgresReady;
    private static String postgresProblem;

    public static boolean postgresProfile() {
        String profiles = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", System.getProperty("spring.profiles.active", ""));
        return profiles.contains("postgres");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var tags = context.getTags();
        if (tags.contains("db") && postgresProfile() && !postgresReady()) {
            return notice(context, "PostgreSQL nås inte (" + postgresProblem + ")");
        }
        if (tags.contains("browser") && !(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))) {
            return notice(context, "Chromium och chromedriver saknas (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); installera Debians paket chromium och chromium-driver");
        }
        return ConditionEvaluationResult.enabled("miljön finns");
    }

    private static ConditionEvaluationResult notice(ExtensionContext context, String why) {
        if (Boolean.parseBoolean(System.getenv("STYR_TEST_REQUIRE_ALL"))) {
            // CI installs and starts everything: there a missing service is a failure, not a skip.
            throw new IllegalStateException("STYR_TEST_REQUIRE_ALL är satt men " + why);
        }
        String text = "HOPPAR ÖVER " + context.getDisplayName() + ": " + why;
        if (context.getTestMethod().isEmpty()) {
            System.err.println("*** " + text);
        }
        return ConditionEvaluationResult.disabled(text);
    }

    private static synchronized boolean postgresReady() {
        if (postgresReady == null) {
            try (Connection c = DriverManager.getConnection(POSTGRES_HOST_URL, System.getenv().getOrDefault("STYR_DB_USER", "postgres"),
                    System.getenv().getOrDefault("STYR_DB_PASSWORD", ""));
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + POSTGRES_TEST_DB + " with (force)");
                s.execute("create database " + POSTGRES_TEST_DB);
                postgresReady = true;
            } catch (SQLException e) {
                postgresProblem = e.getMessage();
                postgresReady = false;
            }
        }
        return postgresReady;
    }
}
