package dev.keel.app.history;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where an aggregate's events stand in the event store as a whole (the position a processor's token
 * names). Reading an aggregate gives its events without it, so it is looked up apart.
 */
interface EventPositions {

    /** @return each event's position, by sequence number; an event whose position was not found is left out */
    Map<Long, Long> of(String aggregateId, List<? extends DomainEventMessage<?>> events);

    /** The JDBC engine's table holds the position beside each event. */
    static EventPositions inTable(JdbcClient jdbc) {
        return (aggregateId, events) -> {
            Map<Long, Long> positions = new HashMap<>();
            jdbc.sql("SELECT sequence_number, global_index FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(aggregateId)
                    .query(row -> {
                        positions.put(row.getLong(1), row.getLong(2));
                    });
            return positions;
        };
    }

    /**
     * Axon Server keeps no position with an aggregate's events: each is found in the store's stream,
     * opened just before the event's time and read until the event passes (a few events each, for a
     * history a compliance team asks for now and then).
     */
    static EventPositions inStream(EventStore store) {
        return (aggregateId, events) -> {
            Map<Long, Long> positions = new HashMap<>();
            for (DomainEventMessage<?> event : events) {
                TrackingToken before = store.createTokenAt(event.getTimestamp().minus(Duration.ofMillis(1)));
                if (before == null) {
                    continue;
                }
                try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(before)) {
                    while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                        TrackedEventMessage<?> next = stream.nextAvailable();
                        if (next.getIdentifier().equals(event.getIdentifier())) {
                            next.trackingToken().position().ifPresent(at -> positions.put(event.getSequenceNumber(), at));
                            break;
                        }
                        if (next.getTimestamp().isAfter(event.getTimestamp().plusSeconds(1))) {
                            break;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return positions;
        };
    }
}
