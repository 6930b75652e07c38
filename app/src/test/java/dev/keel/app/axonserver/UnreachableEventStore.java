package dev.keel.app.axonserver;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The event store as a processor reads it from Axon Server, and as it fails while cut (the
 * {@link AxonServerLink}'s event stream): opening a stream fails, and an open stream fails when read,
 * as the connector's event stream does when its connection is gone. Each refused open is reported
 * with the name of the thread that asked (a pooled processor's coordinator, named after it).
 */
public class UnreachableEventStore implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final BooleanSupplier cut;
    private final Consumer<String> refused;

    public UnreachableEventStore(StreamableMessageSource<TrackedEventMessage<?>> store, BooleanSupplier cut,
                                 Consumer<String> refused) {
        this.store = store;
        this.cut = cut;
        this.refused = refused;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        if (cut.getAsBoolean()) {
            refused.accept(Thread.currentThread().getName());
            throw unreachable();
        }
        return new Cuttable(store.openStream(from));
    }

    private static AxonServerException unreachable() {
        return new AxonServerException(ErrorCategory.CONNECTION_FAILED, "Event stream closed: connection lost",
                "keel-wire-test");
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Cuttable implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;

        Cuttable(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        private void failIfCut() {
            if (cut.getAsBoolean()) {
                throw unreachable();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            failIfCut();
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            failIfCut();
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            failIfCut();
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
            stream.skipMessagesWithPayloadTypeOf(ignored);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
