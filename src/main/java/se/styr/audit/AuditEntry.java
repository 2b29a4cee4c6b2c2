package se.styr.audit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One write: who, when, which object, and the object before and after as JSON (null when created/removed). */
public record AuditEntry(long id, Long municipalityId, OffsetDateTime at, String actor, String objectType, Long objectId,
                         String action, String summary, Map<String, Object> oldValue, Map<String, Object> newValue) {

    public record Change(String field, Object oldValue, Object newValue) {
    }

    /** The time in Sweden, as "2026-11-23 18:05:12". */
    public String swedishTime() {
        return at.atZoneSameInstant(java.time.ZoneId.of("Europe/Stockholm"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    /** Only the fields that differ, in the object's own field order. */
    public java.util.List<Change> changes() {
        Map<String, Object> before = oldValue == null ? Map.of() : oldValue;
        Map<String, Object> after = newValue == null ? Map.of() : newValue;
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String field : union(before, after)) {
            Object o = before.get(field);
            Object n = after.get(field);
            if (!Objects.equals(o, n)) {
                changes.put(field, new Change(field, o, n));
            }
        }
        return java.util.List.copyOf(changes.values());
    }

    private static java.util.Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
