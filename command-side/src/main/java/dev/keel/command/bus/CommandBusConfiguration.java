package dev.keel.command.bus;

import dev.keel.command.request.ProblemCarryingCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.caching.Cache;
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
