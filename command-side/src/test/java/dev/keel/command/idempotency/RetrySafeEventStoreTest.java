package dev.keel.command.idempotency;

import dev.keel.api.metadata.MetadataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a retried request sees of its first attempt's stored events, with the store apart from
 * PostgreSQL; the path through Keel is in {@code CrashPointsIntegrationTest}.
 */
class RetrySafeEventStoreTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final String AGGREGATE = "order-1";

    private final EmbeddedEventStore stored = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AtomicBoolean apart = new AtomicBoolean(true);
    private final EventStore store = new RetrySafeEventStore(stored, apart::get, RETENTION);

    @AfterEach
    void stop() {
        stored.shutDown();
    }

    @Test
    void aRetryLoadsTheAggregateAsItWasBeforeItsFirstAttemptAndStoresNothingAgain() {
        stored.publish(event(0, "placed", "alice", "key-0", Instant.now()),
                event(1, "paid", "alice", "key-1", Instant.now()),
                event(2, "paid, reported", "alice", "key-1", Instant.now()));

        List<Object> seen = inRequest("alice", "key-1", true, uow -> {
            List<Object> loaded = payloads(store.readEvents(AGGREGATE).asStream().toList());
            store.publish(event(1, "paid again", "alice", "key-1", Instant.now()));
            return loaded;
        });

        assertThat(seen).containsExactly("placed");
        assertThat(payloads(stored.readEvents(AGGREGATE).asStream().toList()))
                .containsExactly("placed", "paid", "paid, reported");
    }

    @Test
    void anotherRequestsEventsAreNotItsFirstAttempt() {
        stored.publish(event(0, "placed", "alice", "key-0", Instant.now()),
                event(1, "paid", "alice", "key-1", Instant.now()));

        assertThat(loadIn("bob", "key-1", true)).as("same key, another actor").containsExactly("placed", "paid");
        assertThat(loadIn("alice", "key-2", true)).as("another key").containsExactly("placed", "paid");
        assertThat(loadIn("alice", "key-1", false)).as("a command its events caused (no request fingerprint)")
                .containsExactly("placed", "paid");
        apart.set(false);
        assertThat(loadIn("alice", "key-1", true)).as("the store in PostgreSQL's transaction")
                .containsExactly("placed", "paid");
    }

    @Test
    void aKeyReusedAfterTheRetentionIsANewRequest() {
        stored.publish(event(0, "placed", "alice", "key-1", Instant.now().minus(RETENTION).minusSeconds(60)),
                event(1, "paid", "alice", "key-2", Instant.now()));

        inRequest("alice", "key-1", true, uow -> {
            assertThat(payloads(store.readEvents(AGGREGATE).asStream().toList())).containsExactly("placed", "paid");
            store.publish(event(2, "cancelled", "alice", "key-1", Instant.now()));
            return null;
        });

        assertThat(payloads(stored.readEvents(AGGREGATE).asStream().toList())).containsExactly("placed", "paid", "cancelled");
    }

    @Test
    void aSnapshotTakenAfterTheFirstAttemptIsPassedOver() {
        stored.publish(event(0, "placed", "alice", "key-0", Instant.now()),
                event(1, "paid", "alice", "key-1", Instant.now()),
                event(2, "shipped", "staff", "key-2", Instant.now()));
        stored.storeSnapshot(event(2, "snapshot after shipped", "staff", "key-2", Instant.now()));
        assertThat(loadIn("alice", "key-0", false)).as("others load from the snapshot")
                .containsExactly("snapshot after shipped");

        assertThat(loadIn("alice", "key-1", true)).containsExactly("placed");
        assertThat(loadIn("staff", "key-9", true)).as("a request whose events the snapshot cannot hold")
                .containsExactly("snapshot after shipped");
    }

    @Test
    void aRetriedCreationFindsTheAggregateItCreatedAndStoresNothingAgain() {
        stored.publish(event(0, "placed", "alice", "key-1", Instant.now()));

        inRequest("alice", "key-1", true, uow -> {
            store.publish(event(0, "placed again", "alice", "key-1", Instant.now()),
                    event(1, "reserved again", "alice", "key-1", Instant.now()));
            return null;
        });
        inRequest("alice", "key-2", true, uow -> {
            store.publish(event(0, "another order", "alice", "key-2", Instant.now(), "order-2"));
            return null;
        });

        assertThat(payloads(stored.readEvents(AGGREGATE).asStream().toList())).containsExactly("placed");
        assertThat(payloads(stored.readEvents("order-2").asStream().toList())).containsExactly("another order");
    }

    private List<Object> loadIn(String actor, String key, boolean fromRequest) {
        return inRequest(actor, key, fromRequest, uow -> payloads(store.readEvents(AGGREGATE).asStream().toList()));
    }

    private static <R> R inRequest(String actor, String key, boolean fromRequest,
                                   Function<DefaultUnitOfWork<?>, R> work) {
        var metadata = new java.util.HashMap<String, Object>(Map.of(MetadataKeys.ACTOR, actor,
                MetadataKeys.IDEMPOTENCY_KEY, key));
        if (fromRequest) {
            metadata.put(RequestFingerprint.METADATA_KEY, "fingerprint");
        }
        var uow = DefaultUnitOfWork.startAndGet(new GenericCommandMessage<>("command", MetaData.from(metadata)));
        try {
            R result = work.apply(uow);
            uow.commit();
            return result;
        } catch (RuntimeException e) {
            uow.rollback(e);
            throw e;
        }
    }

    private static DomainEventMessage<String> event(long sequence, String payload, String actor, String key,
                                                    Instant at) {
        return event(sequence, payload, actor, key, at, AGGREGATE);
    }

    private static DomainEventMessage<String> event(long sequence, String payload, String actor, String key,
                                                    Instant at, String aggregate) {
        return new GenericDomainEventMessage<>("Order", aggregate, sequence, payload,
                MetaData.from(Map.of(MetadataKeys.ACTOR, actor, MetadataKeys.IDEMPOTENCY_KEY, key)),
                UUID.randomUUID().toString(), at);
    }

    private static List<Object> payloads(List<? extends DomainEventMessage<?>> events) {
        return events.stream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
