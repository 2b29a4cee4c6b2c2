package se.styr.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A small cache of values that are expensive to make (a compiled report, a PDF), each kept with the <em>stamp</em> of
 * the data it was made from: a number read from the database before the data (such as the audit log's data version)
 * that changes whenever the data may have changed. A value is served while the stamp read by a request is not newer
 * than the value's; a newer stamp makes it again. Correct with several instances of the application on one database,
 * because the stamp lives in the database and each instance only ever serves values made from data at least as new as
 * the stamp it read.
 *
 * <p>At most {@code capacity} keys are kept, the least recently used going first, so the memory it takes is bounded.
 * When many requests ask for the same missing value at once, one of them makes it and the others wait for it (no
 * stampede on a deadline day). The value is made in the requesting thread, so it may use the request's security
 * context; it must not depend on who asks.
 */
public final class StampedCache<K, V> {

    private record Entry<V>(long stamp, FutureTask<V> value) {
    }

    private final Map<K, Entry<V>> entries;
    private int made;

    public StampedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache needs room for at least one value");
        }
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for the key made from data of at least this stamp: the cached one, or {@code make}'s. */
    public V get(K key, long stamp, Supplier<V> make) {
        Entry<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry == null || entry.stamp() < stamp) {
                entry = new Entry<>(stamp, new FutureTask<>(make::get));
                entries.put(key, entry);
                made++;
            }
        }
        entry.value().run(); // makes the value in the first thread; does nothing in the others, which wait below
        try {
            return entry.value().get();
        } catch (ExecutionException e) {
            synchronized (entries) {
                entries.remove(key, entry); // the next request tries again
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a value being made", e);
        }
    }

    /** How many values have been made since the start (for tests and monitoring). */
    public int made() {
        synchronized (entries) {
            return made;
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
