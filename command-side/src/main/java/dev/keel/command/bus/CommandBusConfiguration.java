package dev.keel.command.bus;

import dev.keel.command.request.ProblemCarryingCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * Replaces Axon's local command bus (the one Axon Server also routes to, hence {@code localSegment}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandBusProperties.class)
class CommandBusConfiguration {

    /**
     * Aggregates stay in memory between commands instead of being replayed from their events each time.
     * Another node's change to a cached aggregate surfaces as a conflict on append, which rolls back and
     * evicts it, so a retry loads it fresh. One cache per kind of aggregate: a cache is keyed by the
     * aggregate's id alone, so with one for all, a product command naming an account's id found the
     * cached account and failed with no handler (500) instead of 404 {@code not-found}.
     */
    @Bean
    Cache accountCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache productCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache orderCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache promotionCache() {
        return new WeakReferenceCache();
    }

    /** Refusals leave this bus as data ({@link ProblemCarryingCommandBus}), as they must to cross Axon Server. */
    @Bean(destroyMethod = "close")
    @Qualifier("localSegment")
    ProblemCarryingCommandBus commandBus(PlatformTransactionManager transactions,
                                     org.axonframework.config.Configuration axon,
                                     DuplicateCommandHandlerResolver duplicates,
                                     CommandBusProperties properties,
                                     List<Cache> aggregateCaches) {
        SimpleCommandBus local = SimpleCommandBus.builder()
                .transactionManager(new SavepointTransactionManager(transactions))
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        var routing = AnnotationRoutingStrategy.builder()
                .fallbackRoutingStrategy(UnresolvedRoutingKeyPolicy.RANDOM_KEY)
                .build();
        return new ProblemCarryingCommandBus(new GroupCommitCommandBus(local, routing, transactions, properties,
                () -> aggregateCaches.forEach(Cache::removeAll)));
    }
}
