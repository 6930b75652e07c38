package dev.keel.command.idempotency;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retries stay safe when the event store commits apart from PostgreSQL (docs/axon-server.md, "Two stores"). */
@Configuration(proxyBeanMethods = false)
class RetrySafetyConfiguration {

    /** Axon Server's event store commits apart; the JDBC engine commits in the command's transaction. */
    @Bean
    EventStoreApart eventStoreApart(@Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        return () -> axonServer;
    }

    /** Command handlers, and everything else on a command node, use the event store through it. */
    @Bean
    static BeanPostProcessor retrySafeEventStore(ObjectProvider<EventStoreApart> apart,
                                                 ObjectProvider<IdempotencyProperties> idempotency) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventStore store && !(bean instanceof RetrySafeEventStore)) {
                    return new RetrySafeEventStore(store, apart.getObject(),
                            idempotency.getObject().retention());
                }
                return bean;
            }
        };
    }
}
