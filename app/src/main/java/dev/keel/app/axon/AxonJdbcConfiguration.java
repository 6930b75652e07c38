package dev.keel.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Axon's JDBC event store, token store and dead-letter queue on Keel's PostgreSQL. Axon's own
 * {@code JdbcAutoConfiguration} is excluded: on Boot 4 it is evaluated before the DataSource exists
 * (its ordering names Boot 3 classes) and so silently never applies.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenStoreProperties.class)
class AxonJdbcConfiguration {

    /**
     * The connection of the Spring transaction in progress, which alone commits or rolls it back. Axon's
     * auto-configuration wraps this in a {@code UnitOfWorkAwareConnectionProviderWrapper}, which rolls the
     * connection back when any unit of work fails: under the group-commit bus, that threw away every
     * command before the failed one in its batch after they had been told they succeeded.
     */
    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /** With the {@code axonserver} profile, Axon Server stores the events instead. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver exceptions,
                                          Configuration axon,
                                          ConnectionProvider connections,
                                          TransactionManager transactions,
                                          EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(exceptions)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(schema)
                .claimTimeout(properties.getClaimTimeout())
                .build();
    }

    /** Dead letters for the processing groups that enable them ({@code axon.eventhandling.processors.<group>.dlq.enabled}). */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueues(EventProcessorProperties processors,
                                                             ConnectionProvider connections,
                                                             TransactionManager transactions,
                                                             DeadLetterSchema schema,
                                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                                             Serializer serializer) {
        return new DeadLetterQueueProviderConfigurerModule(processors, group -> config ->
                JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build());
    }
}
