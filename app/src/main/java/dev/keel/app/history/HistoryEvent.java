package dev.keel.app.history;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an aggregate, as the current code reads it (upcast, personal fields decrypted).
 *
 * @param sequence    its number in the aggregate's stream, from 0
 * @param globalIndex its position in the event store; null when the store did not say (Axon Server, rarely)
 * @param payload     the event's fields
 * @param metadata    who, from where and why (actor, roles, correlation and causation, device, IP)
 */
public record HistoryEvent(long sequence, @Nullable Long globalIndex, String eventType, Instant occurredAt,
                           Map<String, Object> payload, Map<String, Object> metadata) {
}
