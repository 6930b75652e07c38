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

    AuditRecord.Head head() {
        return jdbc.sql("SELECT chain_position, record_hash FROM audit_record ORDER BY chain_position DESC LIMIT 1")
                .query((row, n) -> new AuditRecord.Head(row.getLong(1), row.getBytes(2)))
                .optional().orElse(AuditRecord.Head.EMPTY);
    }

    /** By global index, which is unique and indexed: this runs once for every event. */
    boolean audits(StoredEvent event) {
        return jdbc.sql("SELECT 1 FROM audit_record WHERE global_index = ?").param(event.globalIndex())
                .query(Integer.class).optional().isPresent();
    }

    Optional<StoredEvent> storedEvent(String eventIdentifier) {
        return jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e WHERE e.event_identifier = ?")
                .param(eventIdentifier)
                .query((row, n) -> StoredEvent.from(row)).optional();
    }

    void append(AuditRecord record) {
        jdbc.sql("""
                        INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type,
                            aggregate_type, aggregate_id, aggregate_sequence, occurred_at, actor, roles,
                            correlation_id, causation_id, event_hash, previous_hash, record_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.chainPosition(), record.globalIndex(), record.eventIdentifier(), record.eventType(),
                        record.aggregateType(), record.aggregateId(), record.aggregateSequence(),
                        OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor(), record.roles(), record.correlationId(),
                        record.causationId(), record.eventHash(), record.previousHash(), record.recordHash())
                .update();
    }
}
