package dev.keel.app.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * What every event processor reads, made from the event store: a {@link ReconnectingEventSource}.
 * A bean of its own so that a test can put an event store that fails as a broken connection does
 * beneath it.
 */
@FunctionalInterface
public interface ProcessorEventSource {

    StreamableMessageSource<TrackedEventMessage<?>> around(StreamableMessageSource<TrackedEventMessage<?>> eventStore);
}
