package dev.keel.command.idempotency;

import dev.keel.api.metadata.MetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nonnull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The event store as command handlers see it when it commits apart from PostgreSQL (Axon Server). A
 * request's events may then be stored while the PostgreSQL batch with its idempotency record was lost,
 * so a retry under the same {@code Idempotency-Key} finds no record and runs again. Here it runs on
 * the aggregate as it was before its first attempt's events, so it decides and writes in PostgreSQL
 * what the first attempt would have (claims, credentials, stock, the idempotency record), and the
 * events it applies are not stored again: they are the ones already stored.
 *
 * <p>An event is the first attempt's when its metadata names the same actor and key (every event of a
 * command inherits both) and it is younger than the idempotency records' retention: a key reused after
 * that is a new request, as {@link IdempotencyStore} treats it. Commands sent for an HTTP request carry
 * a {@link RequestFingerprint}; only they are looked at, not the commands their events cause.
 *
 * <p>An aggregate's stream may begin at a snapshot taken after the first attempt; then the events just
 * before the snapshot are read too, and the aggregate is replayed from its first event when they hold
 * the first attempt's. A creation command loads nothing: its new aggregate's id is the same on a retry
 * ({@code CommandSender#create}), so the stored events are found under that id. Aggregate caches hand
 * nothing to these commands (the cached state may hold the first attempt's events).
 *
 * <p>Everything else passes through; with the store in PostgreSQL's transaction (the default), all of it.
 */
public final class RetrySafeEventStore implements EventStore, Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetrySafeEventStore.class);
    /** Events a snapshot may have taken in after the first attempt's: it is taken after a command, asynchronously. */
    private static final int SNAPSHOT_WINDOW = 16;
    private static final String ATTEMPT = RetrySafeEventStore.class.getName() + ".attempt";

    private final EventStore delegate;
    private final EventStoreApart apart;
    private final Duration retention;

    public RetrySafeEventStore(EventStore delegate, EventStoreApart apart, Duration retention) {
        this.delegate = delegate;
        this.apart = apart;
        this.retention = retention;
    }

    /** @return whether the current unit of work runs a request sent with a key, with the store apart */
    public static boolean runsKeyedRequest(EventStoreApart apart) {
        return apart.now() && KeyedRequest.current().isPresent();
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier) {
        Optional<Attempt> attempt = attempt();
        return attempt.isEmpty() ? delegate.readEvents(aggregateIdentifier)
                : attempt.get().load(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream events = delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        Long storedFrom = attempt().map(attempt -> attempt.storedFrom.get(aggregateIdentifier)).orElse(null);
        return storedFrom == null ? events : events.filter(event -> event.getSequenceNumber() < storedFrom);
    }

    @Override
    public void publish(@Nonnull List<? extends EventMessage<?>> events) {
        Optional<Attempt> attempt = attempt();
        if (attempt.isEmpty()) {
            delegate.publish(events);
            return;
        }
        List<EventMessage<?>> fresh = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain && attempt.get().storedAlready(domain))) {
                fresh.add(event);
            }
        }
        if (!fresh.isEmpty()) {
            delegate.publish(fresh);
        }
    }

    private Optional<Attempt> attempt() {
        if (!apart.now()) {
            return Optional.empty();
        }
        return KeyedRequest.current().map(request -> CurrentUnitOfWork.get().root()
                .getOrComputeResource(ATTEMPT, name -> new Attempt(request, Instant.now().minus(retention))));
    }

    /** The actor and key of the HTTP request the current unit of work runs. */
    record KeyedRequest(String actor, String key) {

        static Optional<KeyedRequest> current() {
            if (!CurrentUnitOfWork.isStarted()
                    || !(CurrentUnitOfWork.get().root().getMessage() instanceof CommandMessage<?> command)) {
                return Optional.empty();
            }
            var metadata = command.getMetaData();
            if (!(metadata.get(RequestFingerprint.METADATA_KEY) instanceof String)
                    || !(metadata.get(MetadataKeys.IDEMPOTENCY_KEY) instanceof String key)
                    || !(metadata.get(MetadataKeys.ACTOR) instanceof String actor)) {
                return Optional.empty();
            }
            return Optional.of(new KeyedRequest(actor, key));
        }
    }

    /** What one unit of work found of its request's first attempt, per aggregate. */
    private final class Attempt {

        private final KeyedRequest request;
        private final Instant notBefore;
        /** Aggregates whose stream holds the first attempt's events, and the sequence number of its first. */
        private final Map<String, Long> storedFrom = new HashMap<>();
        private final Map<String, Boolean> looked = new HashMap<>();

        Attempt(KeyedRequest request, Instant notBefore) {
            this.request = request;
            this.notBefore = notBefore;
        }

        boolean madeIt(DomainEventMessage<?> event) {
            return event.getTimestamp().isAfter(notBefore)
                    && request.actor().equals(event.getMetaData().get(MetadataKeys.ACTOR))
                    && request.key().equals(event.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY));
        }

        DomainEventStream load(String aggregate) {
            List<? extends DomainEventMessage<?>> events = delegate.readEvents(aggregate).asStream().toList();
            int first = firstMade(events);
            if (first < 0 && !events.isEmpty() && events.getFirst().getSequenceNumber() > 0
                    && snapshotTookItIn(aggregate, events.getFirst().getSequenceNumber())) {
                events = delegate.readEvents(aggregate, 0).asStream().toList();
                first = firstMade(events);
            }
            looked.put(aggregate, first >= 0);
            if (first < 0) {
                return DomainEventStream.of(events);
            }
            storedFrom.put(aggregate, events.get(first).getSequenceNumber());
            log.info("Request {} of {} was stored at its first attempt, but not its PostgreSQL side: running it"
                    + " again on {} as it was before, storing no event again", request.key(), request.actor(), aggregate);
            return DomainEventStream.of(events.subList(0, first));
        }

        private int firstMade(List<? extends DomainEventMessage<?>> events) {
            for (int i = 0; i < events.size(); i++) {
                if (madeIt(events.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        private boolean snapshotTookItIn(String aggregate, long snapshotSequence) {
            return delegate.readEvents(aggregate, Math.max(0, snapshotSequence - SNAPSHOT_WINDOW)).asStream()
                    .filter(event -> event.getSequenceNumber() <= snapshotSequence)
                    .anyMatch(this::madeIt);
        }

        /** A new aggregate's events are looked for under its id; a loaded one's were seen when it loaded. */
        boolean storedAlready(DomainEventMessage<?> event) {
            String aggregate = event.getAggregateIdentifier();
            if (!looked.containsKey(aggregate)) {
                boolean stored = event.getSequenceNumber() == 0
                        && delegate.lastSequenceNumberFor(aggregate).isPresent()
                        && delegate.readEvents(aggregate, 0).asStream().anyMatch(this::madeIt);
                looked.put(aggregate, stored);
                if (stored) {
                    storedFrom.put(aggregate, 0L);
                    log.info("Request {} of {} was stored at its first attempt, but not its PostgreSQL side: created"
                            + " {} again, storing no event again", request.key(), request.actor(), aggregate);
                }
            }
            return storedFrom.containsKey(aggregate);
        }
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return delegate.openStream(trackingToken);
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
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    @Override
    public Registration subscribe(@Nonnull Consumer<List<? extends EventMessage<?>>> messageProcessor) {
        return delegate.subscribe(messageProcessor);
    }

    @Override
    public @Nonnull Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** The embedded event store starts and stops its reader thread through these. */
    @Override
    public void registerLifecycleHandlers(@Nonnull LifecycleRegistry lifecycle) {
        if (delegate instanceof Lifecycle withLifecycle) {
            withLifecycle.registerLifecycleHandlers(lifecycle);
        }
    }
}
