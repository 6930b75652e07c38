package dev.keel.app.axon;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Defaults for every event processor; {@code axon.eventhandling.processors.<name>.*} still overrides
 * one processor. Axon's default batch of one event per transaction catches up at ~800 events/s here.
 *
 * @param batchSize events per transaction
 * @param segments  initial segments of a new processor: the most threads that can work on it at once
 * @param retryCap  the longest wait between attempts to reopen a failed event stream ({@link ReconnectingEventSource})
 */
@ConfigurationProperties("keel.processors")
record ProcessorProperties(@DefaultValue("200") int batchSize, @DefaultValue("2") int segments,
                           @DefaultValue("2s") Duration retryCap) {

    PooledStreamingEventProcessor.Builder applyTo(PooledStreamingEventProcessor.Builder builder) {
        return builder.batchSize(batchSize).initialSegmentCount(segments);
    }
}
