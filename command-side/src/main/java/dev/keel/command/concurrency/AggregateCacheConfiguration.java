package dev.keel.command.concurrency;

import dev.keel.command.idempotency.EventStoreApart;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands instead of being replayed from their events each time,
 * checked against the store before each use (docs/scale-out.md). A change that was rolled back, or a
 * batch that failed to commit, takes its aggregates out of the cache. One cache per kind of aggregate:
 * a cache is keyed by the aggregate's id alone, so with one for all, a product command naming an
 * account's id found the cached account and failed with no handler (500) instead of 404 {@code not-found}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateCacheConfiguration.Properties.class)
class AggregateCacheConfiguration {

    /** @param cache {@code checked} (default), {@code trusted} (one command node only) or {@code off} */
    @ConfigurationProperties("keel.aggregates")
    record Properties(@DefaultValue("checked") AggregateCaching cache) {
    }

    @Bean
    Cache accountCache(Properties properties, EventStore store, EventStoreApart apart) {
        return properties.cache().newCache(store, apart);
    }

    @Bean
    Cache productCache(Properties properties, EventStore store, EventStoreApart apart) {
        return properties.cache().newCache(store, apart);
    }

    @Bean
    Cache orderCache(Properties properties, EventStore store, EventStoreApart apart) {
        return properties.cache().newCache(store, apart);
    }

    @Bean
    Cache promotionCache(Properties properties, EventStore store, EventStoreApart apart) {
        return properties.cache().newCache(store, apart);
    }
}
