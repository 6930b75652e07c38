package dev.keel.app.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An audit record as the search index keeps it: what to search by, and no more. No origin (client
 * IP, device id), no hashes: a search finds positions, and the records themselves, origin opened
 * with the person's key, are read from {@code audit_record}, the chain of record.
 */
record AuditDocument(long chainPosition, long globalIndex, String eventIdentifier, String eventType,
                     String aggregateType, String aggregateId, long aggregateSequence, Instant occurredAt,
                     String actor, List<String> roles, String correlationId, String causationId) {

    static AuditDocument of(AuditRecord record) {
        return new AuditDocument(record.chainPosition(), record.globalIndex(), record.eventIdentifier(),
                record.eventType(), record.aggregateType(), record.aggregateId(), record.aggregateSequence(),
                record.occurredAt(), record.actor(),
                record.roles().isEmpty() ? List.of() : Arrays.asList(record.roles().split(",")),
                record.correlationId(), record.causationId());
    }
}
