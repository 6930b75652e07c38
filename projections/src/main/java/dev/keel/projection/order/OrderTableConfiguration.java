package dev.keel.projection.order;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order table's processor: a tracking processor with one segment, unlike Keel's pooled default.
 *
 * <p>One segment, because its change log is numbered in the order its batches commit and live
 * streams and sync deliver in that order: with several segments, changes of different orders would
 * commit in whatever order the segments finish, not in the order the events were stored.
 *
 * <p>Tracking, because live updates wait on it. A pooled processor on the JDBC event store is not
 * told when events arrive (the store's stream offers no callback) and looks again every 500 ms, which
 * alone put the live-update delay over its target; a tracking processor's thread blocks on the stream
 * and takes each event as the store's reader finds it. Order events are light work for one thread.
 */
@Configuration(proxyBeanMethods = false)
class OrderTableConfiguration {

    @Bean
    ConfigurerModule orderTableProcessor(@Value("${keel.processors.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(OrderTableProjection.GROUP,
                org.axonframework.config.Configuration::eventStore,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialSegmentsCount(1));
    }
}
