package dev.keel.app.axon;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for every event processor; {@code axon.eventhandling.processors.<name>.*} still overrides
 * one processor. Axon's default batch of one event per transaction catches up at ~800 events/s here.
 *
 * @param batchSize events per transaction
 * @param segments  initial segments of a new processor: the most threads that can work on it at once
 */
@ConfigurationProperties("keel.processors")
record ProcessorProperties(@DefaultValue("200") int batchSize, @DefaultValue("2") int segments) {

    PooledStreamingEventProcessor.Builder applyTo(PooledStreamingEventProcessor.Builder builder) {
        return builder.batchSize(batchSize).initialSegmentCount(segments);
    }
}
