package dev.keel.projection.analytics;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order-analytics processor: one segment, so a status event never overtakes its order's
 * placement and an erasure never overtakes the person's orders (the customer key depends on both).
 * Its writes are a bulk request per batch, so one thread keeps up.
 */
@Configuration(proxyBeanMethods = false)
class OrderAnalyticsConfiguration {

    @Bean
    ConfigurerModule orderAnalyticsProcessor(@Value("${keel.processors.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(OrderAnalyticsProjection.GROUP,
                org.axonframework.config.Configuration::eventStore,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialSegmentsCount(1));
    }
}
