package dev.keel.app.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Where the chain is stored: its head, the stored events it links, and new links. */
@Component
class AuditTrail {

    private static final String INSERT = """
            INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type,
                aggregate_type, aggregate_id, aggregate_sequence, occurred_at, actor, roles,
                correlation_id, causation_id, personal_data_of, client_ip, device_id,
                event_hash, previous_hash, record_hash)
            VALUES """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored events of a batch, by event id, and which of them the chain links already (a
     * redelivery), in one round trip for the whole batch.
     */
    Map<String, Linking> linking(Collection<String> eventIdentifiers) {
        Map<String, Linking> found = new HashMap<>();
        jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                        , EXISTS (SELECT 1 FROM audit_record l WHERE l.global_index = e.global_index) AS linked
                        FROM domain_event_entry e
                        WHERE e.event_identifier = ANY (?)""")
                .param(eventIdentifiers.toArray(String[]::new))
                .query((row, n) -> new Linking(StoredEvent.from(row), row.getBoolean("linked")))
                .list()
                .forEach(linking -> found.put(linking.event().eventIdentifier(), linking));
        return found;
    }

    /** The chain's last record, where the next one goes. */
    AuditRecord.Head head() {
        return jdbc.sql("SELECT chain_position, record_hash FROM audit_record ORDER BY chain_position DESC LIMIT 1")
                .query((row, n) -> new AuditRecord.Head(row.getLong("chain_position"), row.getBytes("record_hash")))
                .optional().orElse(AuditRecord.Head.EMPTY);
    }

    /** Inserts the records, a continuation of the chain, in one statement. */
    void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(records.size() * 18);
        for (AuditRecord record : records) {
            params.addAll(java.util.Arrays.asList(record.chainPosition(), record.globalIndex(), record.eventIdentifier(),
                    record.eventType(), record.aggregateType(), record.aggregateId(), record.aggregateSequence(),
                    OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor(), record.roles(),
                    record.correlationId(), record.causationId(), record.origin().personalDataOf(),
                    record.origin().clientIp(), record.origin().deviceId(), record.eventHash(), record.previousHash(),
                    record.recordHash()));
        }
        jdbc.sql(INSERT + records.stream().map(record -> ROW).collect(Collectors.joining(", ")))
                .params(params).update();
    }

    /** What linking one event needs to know. */
    record Linking(StoredEvent event, boolean linked) {
    }

    static Set<String> ids(List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
        return events.stream().map(org.axonframework.eventhandling.EventMessage::getIdentifier)
                .collect(Collectors.toSet());
    }
}
