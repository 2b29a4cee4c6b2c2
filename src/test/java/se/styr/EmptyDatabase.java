package se.styr;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test class's own, empty before the migrations: a fresh PostgreSQL database under the postgres
 * profile, a named in-memory H2 database otherwise. For tests of an installation without the demo's Alingsås, which
 * must neither see nor leave rows in the database the other tests share.
 */
public final class EmptyDatabase {

    private EmptyDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String name) throws SQLException {
        String url = create(name);
        registry.add("spring.datasource.url", () -> url);
    }

    /** Creates the database (dropping one of the same name left by an earlier run) and answers its JDBC URL. */
    static String create(String name) throws SQLException {
        if (TestEnvironment.postgresProfile()) {
            String db = TestEnvironment.POSTGRES_TEST_DB + "_" + name;
            try (Connection c = DriverManager.getConnection(TestEnvironment.POSTGRES_HOST_URL,
                    System.getenv().getOrDefault("STYR_DB_USER", "postgres"), System.getenv().getOrDefault("STYR_DB_PASSWORD", ""));
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + db + " with (force)");
                s.execute("create database " + db);
            }
            return "jdbc:postgresql://127.0.0.1:5432/" + db;
        }
        return "jdbc:h2:mem:styr" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1";
    }
}
