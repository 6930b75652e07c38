package dev.keel.app.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Where sagas (the payment process) keep their state and their deadlines, on command nodes: sagas and
 * their associations in PostgreSQL ({@code saga_entry}, {@code association_value_entry}), deadlines in
 * db-scheduler's {@code scheduled_tasks}, so a deadline outlives a restart (Axon's default keeps them
 * in memory). Every command node polls the table; db-scheduler lets one of them run each deadline. The
 * tables are created by Flyway ({@code db/schema/app}), never by Axon.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnNodeRole(NodeRole.COMMAND)
class SagaConfiguration {

    static final String DEADLINE_TABLE = "scheduled_tasks";

    @Bean
    JdbcSagaStore sagaStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connections)
                .sqlSchema(new PostgresSagaSqlSchema(SagaSchema.builder()
                        .sagaEntryTable("saga_entry")
                        .associationValueEntryTable("association_value_entry")
                        .sagaIdColumn("saga_id")
                        .sagaTypeColumn("saga_type")
                        .revisionColumn("revision")
                        .serializedSagaColumn("serialized_saga")
                        .associationKeyColumn("association_key")
                        .associationValueColumn("association_value")
                        .build()))
                .serializer(serializer)
                .build();
    }

    /** Started once the application is ready, so no deadline reaches a saga before its processor exists. */
    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, DbSchedulerDeadlineManagerSupplier deadlineManagers) {
        return Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(deadlineManagers))
                .tableName(DEADLINE_TABLE)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(5))
                .build();
    }

    @Bean
    DbSchedulerDeadlineManagerSupplier deadlineManagers() {
        return new DbSchedulerDeadlineManagerSupplier();
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler deadlineScheduler, DbSchedulerDeadlineManagerSupplier deadlineManagers,
                                    Configuration axon, @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactions) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        deadlineManagers.set(manager);
        return manager;
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> deadlineSchedulerStart(Scheduler deadlineScheduler) {
        return ready -> deadlineScheduler.start();
    }
}
