package dev.keel.app.audit;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;

/**
 * Links every stored event into the audit chain, in the order this processor sees them. The record
 * hashes the event's stored bytes (read back from the event store, not re-serialized), so what the
 * chain vouches for is exactly what is on disk. It runs in one segment: a chain has one order, and
 * one segment gives it one writer; were the group ever split, the chain position's primary key would
 * still refuse a fork (the losing batch rolls back and retries on the new head).
 *
 * <p>Never replayed: the chain is evidence, and rebuilding it would re-vouch for whatever the store
 * holds now. A redelivered event is recognised by its id and skipped.
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
@DisallowReplay
@ConditionalOnNodeRole(NodeRole.PROJECTIONS)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class AuditTrailProjection {

    static final String GROUP = "audit-trail";

    private final AuditTrail trail;
    private final JsonMapper json;

    AuditTrailProjection(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        AuditTrail.Linking linking = trail.linking(event.getIdentifier()).orElseThrow(() -> new IllegalStateException(
                "Event " + event.getIdentifier() + " reached the audit trail but is not in domain_event_entry"));
        if (linking.linked()) {
            return;
        }
        MetaData metadata = event.getMetaData();
        trail.append(AuditRecord.link(linking.head(), linking.event(), actor(metadata), roles(metadata),
                text(metadata, MetadataKeys.CORRELATION_ID), text(metadata, MetadataKeys.CAUSATION_ID),
                Origin.of(linking.event().metaData(), json)));
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
