package dev.keel.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the chain is stored: its head, the stored events it links, and new links. */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * The stored events of a batch by id, each with whether the chain links it already (a
     * redelivery), in one round trip; an id the event store does not hold is absent.
     */
    Map<String, Stored> stored(List<String> eventIdentifiers) {
        Map<String, Stored> found = new HashMap<>();
        jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                        , EXISTS (SELECT 1 FROM audit_record l WHERE l.global_index = e.global_index) AS linked
                        FROM domain_event_entry e
                        WHERE e.event_identifier = ANY (?)""")
                .param(eventIdentifiers.toArray(String[]::new))
                .query((row, n) -> new Stored(StoredEvent.from(row), row.getBoolean("linked")))
                .list()
                .forEach(stored -> found.put(stored.event().eventIdentifier(), stored));
        return found;
    }

    /** Which of these global indexes the chain links already (redeliveries), in one round trip. */
    Set<Long> linked(List<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("SELECT global_index FROM audit_record WHERE global_index = ANY (?)")
                .param(globalIndexes.toArray(Long[]::new)).query(Long.class).list());
    }

    AuditRecord.Head head() {
        return jdbc.sql("SELECT chain_position, record_hash FROM audit_record ORDER BY chain_position DESC LIMIT 1")
                .query((row, n) -> new AuditRecord.Head(row.getLong(1), row.getBytes(2)))
                .optional().orElse(AuditRecord.Head.EMPTY);
    }

    /** In one round trip, in the transaction of the processor's batch. */
    void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                        INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type,
                            aggregate_type, aggregate_id, aggregate_sequence, occurred_at, actor, roles,
                            correlation_id, causation_id, personal_data_of, client_ip, device_id,
                            event_hash, previous_hash, record_hash, event_hash_form)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                records.stream().map(AuditTrail::columns).toList());
    }

    private static Object[] columns(AuditRecord record) {
        return new Object[]{record.chainPosition(), record.globalIndex(), record.eventIdentifier(), record.eventType(),
                record.aggregateType(), record.aggregateId(), record.aggregateSequence(),
                OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor(), record.roles(),
                record.correlationId(), record.causationId(), record.origin().personalDataOf(),
                record.origin().clientIp(), record.origin().deviceId(), record.eventHash(), record.previousHash(),
                record.recordHash(), record.eventHashForm().column};
    }

    /** A stored event of the batch, and whether it is linked already. */
    record Stored(StoredEvent event, boolean linked) {
    }
}
