package dev.keel.app.axon;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keel.app.axonserver.UnreachableEventStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A processor's stream across a lost event store, on Axon's own in-memory store. */
class ReconnectingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicInteger refusedOpens = new AtomicInteger();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ReconnectingEventSource.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        store.shutDown();
    }

    @Test
    void aFailedStreamIsReopenedAtTheLastEventHandedOutSoNoneIsLostOrRepeated() throws InterruptedException {
        publish("one", "two");
        BlockingStream<TrackedEventMessage<?>> stream = reconnecting(Duration.ofMillis(100)).openStream(null);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("one");

        cut.set(true);
        assertThat(stream.hasNextAvailable()).as("no failure reaches the processor").isFalse();
        publish("three");
        // the processor polls its stream; each poll past the next attempt's time tries to reopen it
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.hasNextAvailable() && refusedOpens.get() >= 3);
        cut.set(false);

        await().atMost(Duration.ofSeconds(10)).until(stream::hasNextAvailable);
        List<Object> read = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            read.add(stream.nextAvailable().getPayload());
        }
        assertThat(read).containsExactly("two", "three");
        stream.close();
    }

    @Test
    void logsOnceWhenTheStoreIsLostAndOnceWhenCaughtUpNotOncePerAttempt() throws InterruptedException {
        publish("one");
        BlockingStream<TrackedEventMessage<?>> stream = reconnecting(Duration.ofMillis(50)).openStream(null);
        cut.set(true);
        stream.hasNextAvailable();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            stream.hasNextAvailable();
            return refusedOpens.get() >= 5;
        });
        cut.set(false);
        await().atMost(Duration.ofSeconds(10)).until(stream::hasNextAvailable);
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isFalse();

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(line -> !line.contains("still unreachable") && !line.contains("open again"))
                .hasSize(2)
                .satisfiesExactly(
                        lost -> assertThat(lost).contains(": event store unreachable").contains("at most 50 ms apart"),
                        back -> assertThat(back).endsWith(": caught up again"));
        stream.close();
    }

    private ReconnectingEventSource reconnecting(Duration cap) {
        return new ReconnectingEventSource(new UnreachableEventStore(store, cut::get,
                thread -> refusedOpens.incrementAndGet()), cap);
    }

    private void publish(String... payloads) {
        for (String payload : payloads) {
            store.publish(GenericEventMessage.asEventMessage(payload));
        }
    }
}
