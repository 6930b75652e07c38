package dev.keel.app.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The events that records of the {@link EventHashForm#MESSAGE message form} name, for one walk of the
 * chain: one stream opened from the event store (as a processor's), just before the lowest global
 * index such a record names (under the JDBC engine from the engine itself: the embedded store would
 * answer from its cache of recently read messages, not from the table), read forward as the walk
 * asks, each event hashed as the trail's processor hashed it. The chain's order is the processor's delivery order, so the stream and the walk advance
 * together; an event the stream passed that no record has asked for yet is kept until one does.
 */
final class StreamedEvents implements AutoCloseable {

    /** How long the stream may stay silent before the event asked for counts as gone. */
    static final Duration MOST_WAIT = Duration.ofSeconds(5);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final DeliveredEvents deliveries;
    private final LongSupplier lowestIndex;
    private final Map<Long, byte[]> passed = new HashMap<>();
    private BlockingStream<TrackedEventMessage<?>> stream;
    private long reached = Long.MIN_VALUE;

    StreamedEvents(StreamableMessageSource<TrackedEventMessage<?>> store, DeliveredEvents deliveries,
                   LongSupplier lowestIndex) {
        this.store = store;
        this.deliveries = deliveries;
        this.lowestIndex = lowestIndex;
    }

    /** A source that reads the engine's table on every open, never a cache. */
    static StreamableMessageSource<TrackedEventMessage<?>> readingEach(EventStorageEngine engine) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
                Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false);
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                return new BlockingStream<>() {
                    @Override
                    public Optional<TrackedEventMessage<?>> peek() {
                        throw new UnsupportedOperationException("not used by verification");
                    }

                    @Override
                    public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                        return iterator.hasNext();
                    }

                    @Override
                    public TrackedEventMessage<?> nextAvailable() {
                        return iterator.next();
                    }

                    @Override
                    public void close() {
                        events.close();
                    }
                };
            }

            @Override
            public TrackingToken createTailToken() {
                return engine.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return engine.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return engine.createTokenAt(dateTime);
            }
        };
    }

    /** The message-form hash of the event the store holds at this global index; null when it holds none. */
    byte[] hashAt(long globalIndex) {
        byte[] seen = passed.remove(globalIndex);
        if (seen != null || globalIndex <= reached) {
            return seen;
        }
        BlockingStream<TrackedEventMessage<?>> events = open();
        try {
            while (events.hasNextAvailable((int) MOST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                DeliveredEvent event = deliveries.read(events.nextAvailable()).event();
                reached = Math.max(reached, event.globalIndex());
                if (event.globalIndex() == globalIndex) {
                    return event.hash();
                }
                passed.put(event.globalIndex(), event.hash());
                if (event.globalIndex() > globalIndex) {
                    return null;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store for verification", e);
        }
    }

    private BlockingStream<TrackedEventMessage<?>> open() {
        if (stream == null) {
            stream = store.openStream(before(lowestIndex.getAsLong()));
        }
        return stream;
    }

    /** The token of the position before this index, of the kind the store's tokens are. */
    private TrackingToken before(long globalIndex) {
        TrackingToken tail = store.createTailToken();
        if (tail == null || tail.position().orElse(Long.MAX_VALUE) >= globalIndex - 1) {
            return tail;
        }
        return tail instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(globalIndex - 1, List.of())
                : new GlobalSequenceTrackingToken(globalIndex - 1);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
