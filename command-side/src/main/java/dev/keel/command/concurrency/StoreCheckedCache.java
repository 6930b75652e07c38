package dev.keel.command.concurrency;

import dev.keel.command.idempotency.EventStoreApart;
import dev.keel.command.idempotency.RetrySafeEventStore;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache that hands out an aggregate only while it is as new as the store's stream of it.
 * Another node may have appended to the aggregate since this node cached it; deciding on that old state
 * would answer a stale version, or refuse what the current state allows. So every look-up asks the
 * store for the aggregate's last sequence number (one indexed query, in the command's own transaction,
 * so it also sees its batch's earlier commands) and drops an entry that is behind.
 *
 * <p>With the event store apart from PostgreSQL (Axon Server), a request sent with an idempotency key
 * neither gets nor leaves anything in the cache: its first attempt's events may be stored, and the
 * cached state hold them, while its PostgreSQL side was lost, so it must load through
 * {@link RetrySafeEventStore}; and a retry's state after it ran again may differ from the stored one.
 *
 * <p>Axon's cache entry does not expose its version; it is read from the entry's own field, found once
 * at start-up, so a renamed field stops the node at once instead of silently trusting stale entries.
 */
final class StoreCheckedCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final EventStore store;
    private final EventStoreApart apart;

    StoreCheckedCache(Cache delegate, EventStore store, EventStoreApart apart) {
        this.delegate = delegate;
        this.store = store;
        this.apart = apart;
    }

    @Override
    public <K, V> V get(K key) {
        if (RetrySafeEventStore.runsKeyedRequest(apart)) {
            return null;
        }
        V cached = delegate.get(key);
        if (cached instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return cached;
    }

    private boolean current(Object key, AggregateCacheEntry<?> entry) {
        Optional<Long> last = store.lastSequenceNumberFor(key.toString());
        return Objects.equals(last.orElse(null), versionOf(entry));
    }

    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read a cached aggregate's version", e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more:"
                    + " cached aggregates cannot be checked against the store", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        if (RetrySafeEventStore.runsKeyedRequest(apart)) {
            delegate.remove(key); // a retry's state may differ from the stored first attempt's (new random ids)
            return;
        }
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
