package se.styr.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log. Every module records its writes here, inside the write's own transaction:
 * either both the change and its entry are stored, or neither.
 *
 * <p>Because every write passes through here, the log also keeps each municipality's <em>data version</em>
 * ({@code municipality.data_version}): a transaction that recorded a write raises it by one just before it commits, in
 * the same transaction. A reader that reads the version before the data can therefore cache what it makes from the data
 * under that version (the compiled report and its PDF): the version changes with every committed write, on whichever
 * instance of the application, so a cached copy under the version just read is never older than the data. The raise
 * is the transaction's last statement so that the municipality's row is locked only while the transaction commits,
 * never while it waits for another lock.
 */
@Service
public class AuditLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public enum Action { SKAPAD, ANDRAD, FLYTTAD, AVVECKLAD, ATERAKTIVERAD, BORTTAGEN, NEKAD }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long municipalityId, String objectType, Long objectId, Action action, String summary,
                       Object before, Object after) {
        recordAs(actor(), municipalityId, objectType, objectId, action, summary, before, after);
    }

    /**
     * An entry for something no signed-in person did as themselves: the first start's setup, a refused login (the actor
     * is the username that was tried). When the acting person stands in for someone ({@link ActingFor}), the summary
     * says so.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, Long municipalityId, String objectType, Long objectId, Action action, String summary,
                         Object before, Object after) {
        String actingFor = ActingFor.current();
        String text = actingFor == null ? summary : summary + " (" + actingFor + ")";
        String source = AuditSource.current();
        if (source != null) {
            text = text + " (" + source + ")";
        }
        jdbc.sql("""
                        insert into audit_entry (municipality_id, at, actor, object_type, object_id, action, summary, old_value, new_value)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(municipalityId, OffsetDateTime.now(ZoneOffset.UTC), actor.length() > 100 ? actor.substring(0, 100) : actor,
                        objectType, objectId, action.name(), text.length() > 500 ? text.substring(0, 500) : text,
                        toJson(before), toJson(after))
                .update();
        if (action != Action.NEKAD) { // a refusal changed nothing: what is cached under the version stays true
            raiseDataVersionOnCommit(municipalityId);
        }
    }

    /**
     * The municipality's data version: changes whenever a transaction that wrote its data commits. Read it before the
     * data that is cached under it.
     */
    public long dataVersion(long municipalityId) {
        return jdbc.sql("select data_version from municipality where id = ?").param(municipalityId).query(Long.class)
                .optional().orElse(0L);
    }

    /**
     * Whether the current transaction has written something not committed yet: what it reads may then differ from
     * what the data version stands for, and must neither be taken from nor put in a cache keyed by it.
     */
    public static boolean hasUncommittedWrites() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(DataVersionRaise.class::isInstance);
    }

    /**
     * A write that is no one's change of an object and has no audit line of its own (public reference data, such as
     * Kolada's values, which every municipality's signals may be judged against) still changes what is cached under
     * the data version: raise it when the transaction commits. Null: every municipality.
     */
    public void dataChanged(Long municipalityId) {
        raiseDataVersionOnCommit(municipalityId);
    }

    private void raiseDataVersionOnCommit(Long municipalityId) {
        DataVersionRaise raise = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(DataVersionRaise.class::isInstance).map(DataVersionRaise.class::cast).findFirst()
                .orElseGet(() -> {
                    DataVersionRaise created = new DataVersionRaise(jdbc);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        raise.municipalities.add(municipalityId == null ? ALL : municipalityId);
    }

    private static final long ALL = -1;

    /** One per transaction that recorded a write (a suspended outer transaction keeps its own). */
    private static final class DataVersionRaise implements TransactionSynchronization {

        private final JdbcClient jdbc;
        private final java.util.SortedSet<Long> municipalities = new java.util.TreeSet<>();

        DataVersionRaise(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (municipalities.contains(ALL)) {
                // A write not tied to one municipality may concern any of them.
                jdbc.sql("update municipality set data_version = data_version + 1").update();
                return;
            }
            for (long id : municipalities) {
                jdbc.sql("update municipality set data_version = data_version + 1 where id = ?").param(id).update();
            }
        }
    }

    public record Page(List<AuditEntry> entries, int page, boolean hasNext) {
    }

    /** Newest first, optionally narrowed to one object type, object or actor. */
    public Page find(long municipalityId, String objectType, Long objectId, String actor, int page, int size) {
        StringBuilder sql = new StringBuilder("""
                select id, municipality_id, at, actor, object_type, object_id, action, summary, old_value, new_value
                from audit_entry where municipality_id = :m""");
        if (objectType != null && !objectType.isBlank()) {
            sql.append(" and object_type = :type");
        }
        if (objectId != null) {
            sql.append(" and object_id = :id");
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = :actor");
        }
        sql.append(" order by at desc, id desc limit :limit offset :offset");
        var statement = jdbc.sql(sql.toString()).param("m", municipalityId)
                .param("limit", size + 1).param("offset", (long) page * size); // long: a page number near Integer.MAX_VALUE must not overflow into a negative offset
        if (objectType != null && !objectType.isBlank()) {
            statement = statement.param("type", objectType);
        }
        if (objectId != null) {
            statement = statement.param("id", objectId);
        }
        if (actor != null && !actor.isBlank()) {
            statement = statement.param("actor", actor);
        }
        List<AuditEntry> rows = statement.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, Long.class),
                rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5), rs.getObject(6, Long.class),
                rs.getString(7), rs.getString(8), fromJson(rs.getString(9)), fromJson(rs.getString(10)))).list();
        return new Page(rows.stream().limit(size).toList(), page, rows.size() > size);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private Map<String, Object> fromJson(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }

    /** The API's list: newest first, one page at a time, with how many entries match in all. */
    public se.styr.platform.Paging.Page<AuditEntry> page(long municipalityId, String objectType, Long objectId, String actor,
                                                         se.styr.platform.Paging paging) {
        StringBuilder sql = new StringBuilder("select count(*) from audit_entry where municipality_id = :m");
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("m", municipalityId);
        if (objectType != null && !objectType.isBlank()) {
            sql.append(" and object_type = :type");
            p.put("type", objectType);
        }
        if (objectId != null) {
            sql.append(" and object_id = :id");
            p.put("id", objectId);
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = :actor");
            p.put("actor", actor);
        }
        long total = jdbc.sql(sql.toString()).params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of()
                : find(municipalityId, objectType, objectId, actor, paging.page() - 1, paging.size()).entries());
    }
}
