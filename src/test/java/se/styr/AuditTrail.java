package se.styr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the audit log wrote after a mark: every write test takes a mark before it acts and asks afterwards for the one
 * entry its write must have left, with what the object was before and what it became.
 */
public final class AuditTrail {

    public record Entry(String actor, String action, String summary, String oldValue, String newValue) {
    }

    private final JdbcClient jdbc;
    private final long mark;

    private AuditTrail(JdbcClient jdbc, long mark) {
        this.jdbc = jdbc;
        this.mark = mark;
    }

    /** A mark at the newest entry of the log; what comes after it is what the test did. */
    public static AuditTrail mark(JdbcClient jdbc) {
        return new AuditTrail(jdbc, jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single());
    }

    /** The entries written after the mark for one object, oldest first, refusals (NEKAD) left out. */
    public List<Entry> entries(String objectType, long objectId) {
        return jdbc.sql("select actor, action, summary, old_value, new_value from audit_entry where id > ? and object_type = ? "
                        + "and object_id = ? and action <> 'NEKAD' order by id")
                .params(mark, objectType, objectId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The refusals written after the mark, by whom. */
    public List<String> refusedActors() {
        return jdbc.sql("select actor from audit_entry where id > ? and action = 'NEKAD' order by id").param(mark)
                .query(String.class).list();
    }

    /**
     * Asserts that exactly one entry was written for the object, by the actor, and that its old value holds
     * {@code before} (null: the object was new and had none) and its new value holds {@code after}.
     */
    public Entry changed(String objectType, long objectId, String actor, String before, String after) {
        List<Entry> entries = entries(objectType, objectId);
        assertThat(entries).as("audit entries for %s %d", objectType, objectId).hasSize(1);
        Entry e = entries.get(0);
        assertThat(e.actor()).as("who").isEqualTo(actor);
        if (before == null) {
            assertThat(e.oldValue()).as("old value of a new %s", objectType).isNull();
        } else {
            assertThat(readable(e.oldValue())).as("old value").isNotNull().contains(before);
        }
        if (after == null) {
            assertThat(e.newValue()).as("new value of a removed %s", objectType).isNull();
        } else {
            assertThat(readable(e.newValue())).as("new value").isNotNull().contains(after);
        }
        return e;
    }

    /** The value as a reader sees it: Swedish amounts' non-breaking spaces as spaces. */
    public static String readable(String value) {
        return value == null ? null : value.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** Asserts that nothing but refusals was written after the mark. */
    public void nothingWritten() {
        assertThat(jdbc.sql("select count(*) from audit_entry where id > ? and action <> 'NEKAD'").param(mark)
                .query(Long.class).single()).as("audit entries after the mark").isZero();
    }
}
