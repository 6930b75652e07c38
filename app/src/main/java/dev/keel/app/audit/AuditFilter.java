package dev.keel.app.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which records a search or export wants, as a SQL condition over {@code audit_record a}; every
 * filter is optional and they combine with AND. {@code to} is exclusive.
 */
record AuditFilter(@Nullable String actor, @Nullable String aggregateId, @Nullable String eventType,
                   @Nullable Instant from, @Nullable Instant to) {

    /** Binds the listing a cursor belongs to, so a cursor of one search cannot page another. */
    String scope() {
        return "audit|" + actor + "|" + aggregateId + "|" + eventType + "|" + from + "|" + to;
    }

    /** The condition after WHERE, and its parameters in order, records after {@code afterPosition}. */
    Where where(long afterPosition) {
        List<String> conditions = new ArrayList<>(List.of("a.chain_position > ?"));
        List<Object> params = new ArrayList<>(List.of(afterPosition));
        add(conditions, params, "a.actor = ?", actor);
        add(conditions, params, "a.aggregate_id = ?", aggregateId);
        add(conditions, params, "a.event_type = ?", eventType);
        add(conditions, params, "a.occurred_at >= ?", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        add(conditions, params, "a.occurred_at < ?", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        return new Where(String.join(" AND ", conditions), params);
    }

    private static void add(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
    }

    record Where(String sql, List<Object> params) {
    }
}
