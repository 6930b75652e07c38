package dev.keel.app.history;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An aggregate's events up to a moment, and what they made of it.
 *
 * @param at     the moment asked for; null for the whole history
 * @param events its events, oldest first, up to {@code at}
 * @param state  the aggregate's fields after those events, folded through its own event-sourcing
 *               handlers; null when no event happened by then
 */
public record AggregateHistory(String aggregateType, String aggregateIdentifier, @Nullable Instant at,
                               List<HistoryEvent> events, @Nullable Map<String, Object> state) {
}
