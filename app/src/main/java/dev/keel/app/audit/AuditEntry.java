package dev.keel.app.audit;

import dev.keel.api.privacy.SealedMetadata;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One audit record as a compliance officer reads it.
 *
 * @param chainPosition     the record's place in the chain (1 for the first)
 * @param globalIndex       the event's position in the event store
 * @param actor             {@code user:<account id>}, {@code anonymous}, {@code system:<component>} or {@code unknown}
 * @param roles             the actor's roles when the command was sent
 * @param aggregateType     null for an event no aggregate applied
 * @param correlation       shared by everything one user action caused ({@code X-Correlation-Id})
 * @param causation         the id of the message that caused the event
 * @param clientIp          the request's IP, opened with the person's key; {@code [erased]} once they are
 *                          erased; null when the event kept none (no person to seal it for)
 * @param deviceId          the app installation's id, like {@code clientIp}
 * @param recordHash        the record's SHA-256, hex
 */
public record AuditEntry(long chainPosition, long globalIndex, String eventIdentifier, String eventType,
                         @Nullable String aggregateType, String aggregateIdentifier, long aggregateSequence,
                         Instant occurredAt, String actor, List<String> roles, @Nullable String correlation,
                         @Nullable String causation, @Nullable String clientIp, @Nullable String deviceId,
                         String recordHash) {

    static AuditEntry of(AuditRecord record, SealedMetadata sealed) {
        return new AuditEntry(record.chainPosition(), record.globalIndex(), record.eventIdentifier(),
                record.eventType(), record.aggregateType(), record.aggregateId(), record.aggregateSequence(),
                record.occurredAt(), record.actor(),
                record.roles().isEmpty() ? List.of() : Arrays.asList(record.roles().split(",")),
                record.correlationId(), record.causationId(), record.origin().revealedIp(sealed),
                record.origin().revealedDevice(sealed), ChainHashes.hex(record.recordHash()));
    }
}
