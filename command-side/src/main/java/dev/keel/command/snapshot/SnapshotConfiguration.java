package dev.keel.command.snapshot;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotConfiguration {

    /**
     * Snapshots are taken on a thread of their own, in their own transaction, from what is committed:
     * never on a committer, whose batch a failing snapshot would otherwise take down with it. Axon
     * schedules one snapshot per aggregate at a time, so the queue holds at most one per aggregate.
     * (Not an {@code Executor} bean, which would replace Spring's own task executor.)
     */
    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter(SnapshotThread thread) {
        var snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(thread.executor());
        return snapshotter;
    }

    @Bean(destroyMethod = "close")
    SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    /** The one thread snapshots are taken on. */
    static final class SnapshotThread implements AutoCloseable {

        private final ExecutorService executor = Executors.newSingleThreadExecutor(
                work -> Thread.ofPlatform().name("keel-snapshots").daemon().unstarted(work));

        ExecutorService executor() {
            return executor;
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    /** Named by the aggregates that grow without bound (an account gains an event every refresh). */
    @Bean
    SnapshotTriggerDefinition aggregateSnapshots(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }
}
