package se.styr.demo;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows for one insert statement, sent to the database as JDBC batches of {@value #BATCH}. */
final class Rows implements AutoCloseable {

    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final int[] types;
    private final List<Object[]> buffer = new ArrayList<>(BATCH);
    private long count;

    /** types: java.sql.Types of each parameter, so that nulls need no look-up of the statement's metadata. */
    Rows(JdbcTemplate jdbc, String sql, int... types) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.types = types;
    }

    void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " parameters: " + sql);
        }
        buffer.add(values);
        count++;
        if (buffer.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (!buffer.isEmpty()) {
            jdbc.batchUpdate(sql, buffer, types);
            buffer.clear();
        }
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        flush();
    }
}
