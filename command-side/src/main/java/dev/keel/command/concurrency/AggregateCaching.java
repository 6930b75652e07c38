package dev.keel.command.concurrency;

import dev.keel.command.idempotency.EventStoreApart;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How command handlers get their aggregates ({@code keel.aggregates.cache}, docs/scale-out.md).
 */
public enum AggregateCaching {
    /** Kept in memory, and used only while the store holds no later event of it (one indexed query). */
    CHECKED,
    /**
     * Kept in memory and trusted: right only when a single node changes these aggregates, and only with
     * the event store in PostgreSQL (a retry after a lost batch under Axon Server would meet its first
     * attempt's state).
     */
    TRUSTED,
    /** Replayed from the store (and its snapshots) for every command. */
    OFF;

    /** A cache of one kind of aggregate, in this mode. */
    public Cache newCache(EventStore store, EventStoreApart apart) {
        return switch (this) {
            case CHECKED -> new StoreCheckedCache(new WeakReferenceCache(), store, apart);
            case TRUSTED -> new WeakReferenceCache();
            case OFF -> NoCache.INSTANCE;
        };
    }
}
