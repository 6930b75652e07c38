package dev.keel.app.axonserver;

import dev.keel.app.axon.AxonServerHealth;
import dev.keel.app.axon.ProcessorEventSource;
import dev.keel.app.audit.EventHashForm;
import dev.keel.app.audit.EventHashFormChoice;
import dev.keel.command.idempotency.EventStoreApart;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * The two seams where the {@code axonserver} profile differs, wired into the shared test context and
 * off until a test switches them on ({@link AxonServerLink#emulate}): commands, results and failures
 * cross the connector's serialization, and events are visible to processors before the transaction of
 * their command commits. Not a context of their own: Spring pauses a cached context when another one
 * runs, and Axon's processors do not start again after that.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AxonServerSeams {

    /** The account's read model and its mail: the readers of a registration's personal data. */
    static final List<String> PERSONAL_DATA_READERS = List.of("account-table", "account-mail");

    @Bean
    AxonServerLink axonServerLink() {
        return new AxonServerLink();
    }

    /** Claims, caches and retries treat the event store as apart from PostgreSQL while the link emulates. */
    @Bean
    @Primary
    EventStoreApart emulatedEventStoreApart(AxonServerLink link) {
        return link::isEmulating;
    }

    @Bean
    @Primary
    CommandBus axonServerWire(@Qualifier("localSegment") CommandBus localSegment,
                              @Qualifier("messageSerializer") Serializer messageSerializer, AxonServerLink link) {
        return new AxonServerWireCommandBus(localSegment, messageSerializer, link);
    }

    /** The audit trail hashes events as Axon Server delivers them (no stored row) while the seams are on. */
    @Bean
    @Primary
    EventHashFormChoice eventHashFormUnderTheSeams(AxonServerLink link) {
        return () -> link.isEmulating() ? EventHashForm.MESSAGE : EventHashForm.STORED_ROW;
    }

    /** As {@code AxonServerHealthConfiguration} makes it, fed by the stand-in's link. */
    @Bean("axonServer")
    AxonServerHealth axonServerHealth(AxonServerLink link) {
        return new AxonServerHealth(link::isConnected, "default");
    }

    /** Beneath the processors' reconnecting source, an event store whose streams fail while the link's is cut. */
    @Bean
    static BeanPostProcessor unreachableEventStore(ObjectProvider<AxonServerLink> link) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ProcessorEventSource real) {
                    return (ProcessorEventSource) store -> real.around(new UnreachableEventStore(store,
                            () -> link.getObject().isEventStreamCut(), link.getObject()::refusedEventStream));
                }
                return bean;
            }
        };
    }

    @Bean
    static BeanPostProcessor eventsVisibleBeforeCommit(@Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer,
                                                       ObjectProvider<AxonServerLink> link,
                                                       ObjectProvider<PlatformTransactionManager> transactions,
                                                       ObjectProvider<JdbcClient> jdbc,
                                                       ObjectProvider<EventProcessingConfiguration> processing) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventStorageEngine engine && !(bean instanceof EventsVisibleBeforeCommit)) {
                    return new EventsVisibleBeforeCommit(engine, eventSerializer.getObject(), transactions.getObject(),
                            jdbc.getObject(), processing::getObject, PERSONAL_DATA_READERS,
                            link.getObject());
                }
                return bean;
            }
        };
    }
}
