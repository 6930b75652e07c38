package dev.keel.app.history;

import dev.keel.api.privacy.SealedMetadata;
import dev.keel.web.Problems;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an aggregate's events from the event store (not from a snapshot, so every event shows) and
 * folds them through the aggregate's own {@code @EventSourcingHandler}s: the state as of a moment is
 * what the aggregate itself made of the events up to it, for any aggregate Keel has, with no
 * per-aggregate code to drift from the real one.
 */
@Component
class Histories {

    private final EventStore eventStore;
    private final Configuration axon;
    private final EventPositions positions;
    private final SealedMetadata sealed;
    private final JsonMapper json;
    private final AggregateFields fields;

    /** @param axonServer whether the events are in Axon Server, which keeps no position beside them */
    Histories(EventStore eventStore, Configuration axon, JdbcClient jdbc, JsonMapper json, SealedMetadata sealed,
              @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.eventStore = eventStore;
        this.sealed = sealed;
        this.axon = axon;
        this.positions = axonServer ? EventPositions.inStream(eventStore) : EventPositions.inTable(jdbc);
        this.json = json;
        this.fields = new AggregateFields(json);
    }

    /**
     * @param at       only events up to this moment (inclusive); null for all
     * @param position only events up to this event store position (inclusive); null for all
     */
    AggregateHistory of(String aggregateType, String aggregateId, Instant at, Long position) {
        Class<?> type = aggregateClass(aggregateType).orElseThrow(() ->
                Problems.notFound("No aggregate type " + aggregateType + "; known: " + knownTypes()));
        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(aggregateId, 0).asStream().toList();
        if (stored.isEmpty() || !aggregateType.equals(stored.getFirst().getType())) {
            throw Problems.notFound("No " + aggregateType + " " + aggregateId);
        }
        Map<Long, Long> positions = this.positions.of(aggregateId, stored);
        List<DomainEventMessage<?>> events = stored.stream()
                .filter(event -> at == null || !event.getTimestamp().isAfter(at))
                .filter(event -> position == null || positions.getOrDefault(event.getSequenceNumber(), Long.MAX_VALUE) <= position)
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
        return new AggregateHistory(aggregateType, aggregateId, at,
                events.stream().map(event -> describe(event, positions.get(event.getSequenceNumber()))).toList(),
                events.isEmpty() ? null : fields.of(fold(type, events)));
    }

    private HistoryEvent describe(DomainEventMessage<?> event, Long globalIndex) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = json.convertValue(event.getPayload(), Map.class);
        return new HistoryEvent(event.getSequenceNumber(), globalIndex, event.getPayloadType().getName(),
                event.getTimestamp(), payload, sealed.open(event.getMetaData()));
    }

    private <T> T fold(Class<T> type, List<DomainEventMessage<?>> events) {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                axon.parameterResolverFactory(), axon.handlerDefinition(type));
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(), model,
                    null, NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(events));
            return aggregate.getAggregateRoot();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no constructor without arguments for event sourcing", e);
        }
    }

    private Optional<Class<?>> aggregateClass(String aggregateType) {
        return axon.findModules(AggregateConfiguration.class).stream()
                .<Class<?>>map(AggregateConfiguration::aggregateType)
                .filter(type -> type.getSimpleName().equals(aggregateType))
                .findFirst();
    }

    private List<String> knownTypes() {
        return axon.findModules(AggregateConfiguration.class).stream()
                .map(module -> module.aggregateType().getSimpleName()).sorted().toList();
    }
}
