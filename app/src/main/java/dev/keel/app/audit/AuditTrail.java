package dev.keel.app.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Where the chain is stored: its head, the stored events it links, and new links. */
@Component
class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored event, whether the chain links it already (a redelivery), and the chain's head, in
     * one round trip: this runs once for every event, in the one segment the chain has.
     */
    Optional<Linking> linking(String eventIdentifier) {
        return jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                        , EXISTS (SELECT 1 FROM audit_record l WHERE l.global_index = e.global_index) AS linked,
                          h.chain_position AS head_position, h.record_hash AS head_hash
                        FROM domain_event_entry e
                        LEFT JOIN (SELECT chain_position, record_hash FROM audit_record
                                   ORDER BY chain_position DESC LIMIT 1) h ON true
                        WHERE e.event_identifier = ?""")
                .param(eventIdentifier)
                .query((row, n) -> {
                    long headPosition = row.getLong("head_position");
                    AuditRecord.Head head = row.wasNull() ? AuditRecord.Head.EMPTY
                            : new AuditRecord.Head(headPosition, row.getBytes("head_hash"));
                    return new Linking(StoredEvent.from(row), row.getBoolean("linked"), head);
                })
                .optional();
    }

    void append(AuditRecord record) {
        jdbc.sql("""
                        INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type,
                            aggregate_type, aggregate_id, aggregate_sequence, occurred_at, actor, roles,
                            correlation_id, causation_id, personal_data_of, client_ip, device_id,
                            event_hash, previous_hash, record_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.chainPosition(), record.globalIndex(), record.eventIdentifier(), record.eventType(),
                        record.aggregateType(), record.aggregateId(), record.aggregateSequence(),
                        OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor(), record.roles(), record.correlationId(),
                        record.causationId(), record.origin().personalDataOf(), record.origin().clientIp(),
                        record.origin().deviceId(), record.eventHash(), record.previousHash(), record.recordHash())
                .update();
    }

    /** What linking one event needs to know. */
    record Linking(StoredEvent event, boolean linked, AuditRecord.Head head) {
    }
}
