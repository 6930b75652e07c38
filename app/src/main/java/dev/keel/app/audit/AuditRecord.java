package dev.keel.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One link of the chain: what happened, who did it, and the hashes that tie it to its stored event
 * and to the link before. {@link #hash()} covers every other field, so changing any of them shows.
 */
record AuditRecord(long chainPosition, long globalIndex, String eventIdentifier, String eventType,
                   String aggregateType, String aggregateId, long aggregateSequence, Instant occurredAt,
                   String actor, String roles, String correlationId, String causationId, Origin origin,
                   byte[] eventHash, byte[] previousHash, byte[] recordHash, EventHashForm eventHashForm) {

    static final String COLUMNS = "a.chain_position, a.global_index AS audited_index, a.event_identifier AS audited_event, "
            + "a.event_type, a.aggregate_type, a.aggregate_id, a.aggregate_sequence, a.occurred_at, a.actor, a.roles, "
            + "a.correlation_id, a.causation_id, a.personal_data_of, a.client_ip, a.device_id, a.event_hash, "
            + "a.previous_hash, a.record_hash, a.event_hash_form";

    /** A record of the {@link EventHashForm#STORED_ROW} form, as every record was before the form existed. */
    AuditRecord(long chainPosition, long globalIndex, String eventIdentifier, String eventType, String aggregateType,
                String aggregateId, long aggregateSequence, Instant occurredAt, String actor, String roles,
                String correlationId, String causationId, Origin origin, byte[] eventHash, byte[] previousHash,
                byte[] recordHash) {
        this(chainPosition, globalIndex, eventIdentifier, eventType, aggregateType, aggregateId, aggregateSequence,
                occurredAt, actor, roles, correlationId, causationId, origin, eventHash, previousHash, recordHash,
                EventHashForm.STORED_ROW);
    }

    static AuditRecord from(ResultSet row) throws SQLException {
        return new AuditRecord(row.getLong("chain_position"), row.getLong("audited_index"),
                row.getString("audited_event"), row.getString("event_type"), row.getString("aggregate_type"),
                row.getString("aggregate_id"), row.getLong("aggregate_sequence"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("actor"), row.getString("roles"),
                row.getString("correlation_id"), row.getString("causation_id"),
                new Origin(row.getString("personal_data_of"), row.getString("client_ip"), row.getString("device_id")),
                row.getBytes("event_hash"),
                row.getBytes("previous_hash"), row.getBytes("record_hash"),
                EventHashForm.ofColumn(row.getString("event_hash_form")));
    }

    /** The record that follows {@code previous} (null for the first) for this event, in its hash form. */
    static AuditRecord link(AuditRecord.Head previous, AuditedEvent event, String actor, String roles,
                            String correlationId, String causationId, Origin origin) {
        // as PostgreSQL keeps it, so the hash of the row read back is the hash written
        Instant occurredAt = Instant.parse(event.timeStamp()).truncatedTo(ChronoUnit.MICROS);
        var unhashed = new AuditRecord(previous.chainPosition() + 1, event.globalIndex(), event.eventIdentifier(),
                event.payloadType(), event.aggregateType(), event.aggregateIdentifier(), event.sequenceNumber(),
                occurredAt, actor, roles, correlationId, causationId, origin, event.hash(), previous.recordHash(), null,
                event.form());
        return unhashed.withRecordHash(unhashed.hash());
    }

    /**
     * The origin is hashed only when a record has one, after the fields records had before it, so the
     * records written before the trail kept origins still hash as they did; a record with an origin
     * and the same record without one (its origin deleted) never hash alike. The hash form likewise,
     * after the origin and only when it is not the stored row's, so a record's form cannot be switched.
     */
    byte[] hash() {
        var digest = ChainHashes.digest()
                .add(previousHash).add(chainPosition).add(globalIndex).add(eventIdentifier).add(eventType)
                .add(aggregateType).add(aggregateId).add(aggregateSequence).add(occurredAt.toString())
                .add(actor).add(roles).add(correlationId).add(causationId).add(eventHash);
        if (!origin.isEmpty()) {
            digest.add("origin").add(origin.personalDataOf()).add(origin.clientIp()).add(origin.deviceId());
        }
        if (eventHashForm != EventHashForm.STORED_ROW) {
            digest.add("event-hash-form").add(eventHashForm.column);
        }
        return digest.finish();
    }

    Head head() {
        return new Head(chainPosition, recordHash);
    }

    private AuditRecord withRecordHash(byte[] hash) {
        return new AuditRecord(chainPosition, globalIndex, eventIdentifier, eventType, aggregateType, aggregateId,
                aggregateSequence, occurredAt, actor, roles, correlationId, causationId, origin, eventHash, previousHash, hash,
                eventHashForm);
    }

    /** The last link: where the next one goes and what it must point back to. */
    record Head(long chainPosition, byte[] recordHash) {
        static final Head EMPTY = new Head(0, ChainHashes.GENESIS);
    }
}
