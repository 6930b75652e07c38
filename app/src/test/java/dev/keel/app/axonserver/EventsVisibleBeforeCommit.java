package dev.keel.app.axonserver;

import dev.keel.api.privacy.PersonalData;
import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SerializedObject;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.annotation.Nonnull;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * The event store as the {@code axonserver} profile sees it, on PostgreSQL: a command's events are
 * serialized in the command's transaction (where a data key of the old design was written) and stored
 * in a transaction of their own, committed at once, as Axon Server stores them apart from PostgreSQL.
 * Then, for an event with personal data, the command waits (its transaction still open) until the
 * given processors have handled it: the worst order, made certain instead of left to timing. A test may
 * make the command's PostgreSQL batch fail after the events are stored
 * ({@link AxonServerLink#failBatchAfterAppendOf}).
 */
class EventsVisibleBeforeCommit implements EventStorageEngine {

    private static final Duration MOST_WAIT = Duration.ofSeconds(10);

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final TransactionTemplate apart;
    private final JdbcClient jdbc;
    private final Supplier<EventProcessingConfiguration> processing;
    private final List<String> readers;
    private final AxonServerLink link;

    EventsVisibleBeforeCommit(EventStorageEngine delegate, Serializer eventSerializer,
                              PlatformTransactionManager transactions, JdbcClient jdbc,
                              Supplier<EventProcessingConfiguration> processing, List<String> readers,
                              AxonServerLink link) {
        this.delegate = delegate;
        this.link = link;
        this.eventSerializer = eventSerializer;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.processing = processing;
        this.readers = readers;
    }

    @Override
    public void appendEvents(@Nonnull List<? extends EventMessage<?>> events) {
        if (!link.isEmulating()) {
            delegate.appendEvents(events);
            return;
        }
        link.handedToStore(events);
        List<? extends EventMessage<?>> serialized = events.stream().map(this::serializedHere).toList();
        if (events.stream().anyMatch(event -> link.takeAppendFailure(event.getPayload()))) {
            throw new AxonServerException(ErrorCategory.CONNECTION_FAILED, "Connection lost while appending events",
                    "keel-wire-test");
        }
        apart.executeWithoutResult(status -> delegate.appendEvents(serialized));
        if (events.stream().anyMatch(event -> link.takeBatchFailure(event.getPayload()))) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new DataAccessResourceFailureException("PostgreSQL went away while committing the batch");
                }
            });
        }
        events.stream().filter(EventsVisibleBeforeCommit::hasPersonalData).reduce((first, last) -> last)
                .ifPresent(last -> awaitReaders(last.getIdentifier()));
    }

    /** Serialized now, in the caller's transaction; the store writes these bytes. */
    private EventMessage<?> serializedHere(EventMessage<?> event) {
        return new SerializedHere<>(asDomainEventMessage(event), eventSerializer);
    }

    private static final class SerializedHere<T> extends GenericDomainEventMessage<T> {

        private final Serializer serializer;
        private final SerializedObject<byte[]> payload;
        private final SerializedObject<byte[]> metaData;

        SerializedHere(DomainEventMessage<T> event, Serializer serializer) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), event.getPayload(),
                    event.getMetaData(), event.getIdentifier(), event.getTimestamp());
            this.serializer = serializer;
            this.payload = serializer.serialize(event.getPayload(), byte[].class);
            this.metaData = serializer.serialize(event.getMetaData(), byte[].class);
        }

        @Override
        public <R> SerializedObject<R> serializePayload(Serializer requested, Class<R> representation) {
            return requested == serializer ? requested.getConverter().convert(payload, representation)
                    : super.serializePayload(requested, representation);
        }

        @Override
        public <R> SerializedObject<R> serializeMetaData(Serializer requested, Class<R> representation) {
            return requested == serializer ? requested.getConverter().convert(metaData, representation)
                    : super.serializeMetaData(requested, representation);
        }
    }

    private static boolean hasPersonalData(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        return type.isRecord() && Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.isAnnotationPresent(PersonalData.class));
    }

    private void awaitReaders(String eventId) {
        long position = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(eventId).query(Long.class).single();
        Instant giveUp = Instant.now().plus(MOST_WAIT);
        while (!handledEverywhere(position) && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private boolean handledEverywhere(long position) {
        return readers.stream().allMatch(group -> processing.get()
                .eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= position))
                .orElse(true));
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(@Nonnull String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
