package dev.keel.app.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event store as processors read it. When a processor's stream cannot be opened or fails while
 * read (Axon Server unreachable, the connector's stream broken), the processor sees a stream with no
 * events for the moment, and this reopens it at the last event handed out, first after 200 ms, then
 * twice as long each time, never more than {@code cap} apart; once reopened, the processor reads on
 * at once.
 *
 * <p>Why not leave it to Axon: its pooled processor's coordinator (and its tracking processor) back
 * off up to 60 s after a failed stream, doubling from one second, and abort their work packages with
 * a warning and a stack trace each time; after an outage of 20 s the read models waited up to 16 s
 * more (issue 12). Here Axon never sees the failure, so it neither backs off nor logs per retry; this
 * logs once per state change of each processor's stream: unreachable, then caught up again.
 */
public final class ReconnectingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingEventSource.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    /** Axon names a pooled processor's coordinator thread after the processor; its stream is opened there. */
    private static final Pattern COORDINATOR = Pattern.compile("Coordinator\\[(.+)]-\\d+");
    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("event-stream-retry").factory());

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration cap;

    public ReconnectingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration cap) {
        this.store = store;
        this.cap = cap;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        Matcher coordinator = COORDINATOR.matcher(Thread.currentThread().getName());
        return new Stream(coordinator.matches() ? coordinator.group(1) : Thread.currentThread().getName(), from);
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

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final String processor;
        private volatile TrackingToken position;
        private volatile BlockingStream<TrackedEventMessage<?>> open;
        private volatile Runnable onAvailable;
        private volatile boolean closed;
        private boolean unreachable;
        private boolean catchingUp;
        private Duration delay = Duration.ZERO;
        private volatile long retryAt;

        Stream(String processor, TrackingToken from) {
            this.processor = processor;
            this.position = from;
            reopen();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            BlockingStream<TrackedEventMessage<?>> stream = current();
            if (stream == null) {
                return Optional.empty();
            }
            try {
                return stream.peek();
            } catch (RuntimeException failure) {
                failed(failure);
                return Optional.empty();
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            BlockingStream<TrackedEventMessage<?>> stream = current();
            if (stream == null) {
                unit.sleep(timeout);
                return false;
            }
            try {
                boolean available = stream.hasNextAvailable(timeout, unit);
                if (!available) {
                    caughtUp();
                }
                return available;
            } catch (RuntimeException failure) {
                failed(failure);
                return false;
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            BlockingStream<TrackedEventMessage<?>> stream = open;
            if (stream == null) {
                throw new IllegalStateException("No event available: the event store is unreachable");
            }
            try {
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = event.trackingToken();
                return event;
            } catch (RuntimeException failure) {
                failed(failure);
                throw failure;
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
            BlockingStream<TrackedEventMessage<?>> stream = open;
            if (stream != null) {
                stream.skipMessagesWithPayloadTypeOf(ignored);
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            BlockingStream<TrackedEventMessage<?>> stream = open;
            // while unreachable, the alarm of the next attempt calls it
            return stream == null || stream.setOnAvailableCallback(callback);
        }

        @Override
        public synchronized void close() {
            closed = true;
            closeQuietly();
        }

        private BlockingStream<TrackedEventMessage<?>> current() {
            if (open == null && System.nanoTime() - retryAt >= 0) {
                reopen();
            }
            return open;
        }

        private synchronized void reopen() {
            if (open != null || closed) {
                return;
            }
            try {
                BlockingStream<TrackedEventMessage<?>> stream = store.openStream(position);
                Runnable callback = onAvailable;
                if (callback != null) {
                    stream.setOnAvailableCallback(callback);
                }
                open = stream;
                delay = Duration.ZERO;
                if (unreachable) {
                    unreachable = false;
                    catchingUp = true;
                    log.debug("Processor {}: event stream open again at {}", processor, position);
                }
            } catch (RuntimeException failure) {
                failed(failure);
            }
        }

        private synchronized void failed(RuntimeException failure) {
            closeQuietly();
            delay = delay.isZero() ? min(FIRST_RETRY, cap) : min(delay.multipliedBy(2), cap);
            retryAt = System.nanoTime() + delay.toNanos();
            if (!unreachable) {
                unreachable = true;
                catchingUp = false;
                log.warn("Processor {}: event store unreachable ({}), retrying at most {} ms apart",
                        processor, failure.toString(), cap.toMillis());
            } else {
                log.debug("Processor {}: event store still unreachable, next attempt in {} ms",
                        processor, delay.toMillis(), failure);
            }
            ALARMS.schedule(this::wake, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void wake() {
            Runnable callback = onAvailable;
            if (callback != null && !closed) {
                callback.run();
            }
        }

        private synchronized void caughtUp() {
            if (catchingUp) {
                catchingUp = false;
                log.info("Processor {}: caught up again", processor);
            }
        }

        private void closeQuietly() {
            BlockingStream<TrackedEventMessage<?>> stream = open;
            open = null;
            if (stream != null) {
                try {
                    stream.close();
                } catch (RuntimeException ignored) {
                    // the stream is broken already; a new one is opened at the same position
                }
            }
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
