package dev.keel.app.audit;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.function.LongSupplier;

/**
 * Opens, for a verification walk, the stream its message-form records are checked against: from
 * Axon Server's event store, or, where the JDBC engine is in use, from the engine (the embedded
 * event store would answer recent events from its cache of messages read earlier, not from the table).
 */
@Component
class EventStreams {

    private final ObjectProvider<EventStore> store;
    private final ObjectProvider<EventStorageEngine> jdbcEngine;
    private final DeliveredEvents deliveries;

    EventStreams(ObjectProvider<EventStore> store, ObjectProvider<EventStorageEngine> jdbcEngine,
                 DeliveredEvents deliveries) {
        this.store = store;
        this.jdbcEngine = jdbcEngine;
        this.deliveries = deliveries;
    }

    /** Opens nothing until a record of the message form asks; then just before {@code lowestIndex}. */
    StreamedEvents from(LongSupplier lowestIndex) {
        EventStorageEngine engine = jdbcEngine.getIfAvailable();
        return new StreamedEvents(engine == null ? store.getObject() : StreamedEvents.readingEach(engine),
                deliveries, lowestIndex);
    }
}
