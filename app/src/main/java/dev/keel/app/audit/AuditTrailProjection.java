package dev.keel.app.audit;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links every stored event into the audit chain, in the order this processor sees them. The record
 * hashes the event's stored bytes (read back from the event store, not re-serialized), so what the
 * chain vouches for is exactly what is on disk: under the JDBC store its {@code domain_event_entry}
 * row, under Axon Server the message as read from the store ({@link EventHashFormChoice}). It runs
 * in one segment: a chain has one order, and one segment gives it one writer; were the group ever
 * split, the chain position's primary key would still refuse a fork (the losing batch rolls back and
 * retries on the new head).
 *
 * <p>Never replayed: the chain is evidence, and rebuilding it would re-vouch for whatever the store
 * holds now. A redelivered event is recognised by its id and skipped.
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
@DisallowReplay
@ConditionalOnNodeRole(NodeRole.PROJECTIONS)
class AuditTrailProjection {

    static final String GROUP = "audit-trail";
    private static final String BATCH = AuditTrailProjection.class.getName() + ".batch";

    private final AuditTrail trail;
    private final JsonMapper json;
    private final DeliveredEvents deliveries;
    private final EventHashFormChoice form;

    AuditTrailProjection(AuditTrail trail, JsonMapper json, DeliveredEvents deliveries, EventHashFormChoice form) {
        this.trail = trail;
        this.json = json;
        this.deliveries = deliveries;
        this.form = form;
    }

    /**
     * Collects the batch's events in delivery order; they are linked together just before the batch
     * commits, in its transaction: three round trips a batch instead of two an event.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Delivered> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            List<Delivered> delivered = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> link(delivered));
            return delivered;
        });
        MetaData metadata = event.getMetaData();
        DeliveredEvents.Delivered asMessage = form.current() == EventHashForm.MESSAGE ? asDelivered(event) : null;
        batch.add(new Delivered(event.getIdentifier(), actor(metadata), roles(metadata),
                text(metadata, MetadataKeys.CORRELATION_ID), text(metadata, MetadataKeys.CAUSATION_ID), asMessage));
    }

    private DeliveredEvents.Delivered asDelivered(EventMessage<?> event) {
        if (!(event instanceof TrackedEventMessage<?> tracked)) {
            throw new IllegalStateException("Event " + event.getIdentifier()
                    + " reached the audit trail without a tracking token: it has no global index to hash");
        }
        return deliveries.read(tracked);
    }

    private void link(List<Delivered> batch) {
        List<String> rowsToRead = batch.stream().filter(event -> event.asMessage() == null)
                .map(Delivered::eventIdentifier).toList();
        Map<String, AuditTrail.Stored> stored = rowsToRead.isEmpty() ? Map.of() : trail.stored(rowsToRead);
        Set<Long> linkedMessages = trail.linked(batch.stream().filter(event -> event.asMessage() != null)
                .map(event -> event.asMessage().event().globalIndex()).toList());
        AuditRecord.Head head = trail.head();
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (Delivered event : batch) {
            Unlinked unlinked = event.asMessage() != null ? unlinkedMessage(event.asMessage(), linkedMessages)
                    : unlinkedRow(event, stored.get(event.eventIdentifier()));
            if (unlinked == null) {
                continue;
            }
            AuditRecord record = AuditRecord.link(head, unlinked.event(), event.actor(), event.roles(),
                    event.correlationId(), event.causationId(), unlinked.origin());
            records.add(record);
            head = record.head();
        }
        trail.append(records);
    }

    /** Null when the chain links it already (a redelivery). */
    private static Unlinked unlinkedMessage(DeliveredEvents.Delivered message, Set<Long> linked) {
        return linked.add(message.event().globalIndex())
                ? new Unlinked(message.event(), Origin.of(message.storedMetadata())) : null;
    }

    /** Null when the chain links it already (a redelivery). */
    private Unlinked unlinkedRow(Delivered event, AuditTrail.Stored found) {
        if (found == null) {
            throw new IllegalStateException("Event " + event.eventIdentifier()
                    + " reached the audit trail but is not in domain_event_entry");
        }
        return found.linked() ? null : new Unlinked(found.event(), Origin.of(found.event().metaData(), json));
    }

    private record Unlinked(AuditedEvent event, Origin origin) {
    }

    /**
     * What the handler takes from the delivered message; the rest comes from the stored row, or, in the
     * message form, from the message as read from the store ({@code asMessage}, else null).
     */
    private record Delivered(String eventIdentifier, String actor, String roles, String correlationId,
                             String causationId, DeliveredEvents.Delivered asMessage) {
    }

    private static String actor(MetaData metadata) {
        String actor = text(metadata, MetadataKeys.ACTOR);
        return actor == null ? "unknown" : actor;
    }

    private static String roles(MetaData metadata) {
        return metadata.get(MetadataKeys.ROLES) instanceof Collection<?> roles
                ? String.join(",", roles.stream().map(String::valueOf).sorted().toList())
                : "";
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
