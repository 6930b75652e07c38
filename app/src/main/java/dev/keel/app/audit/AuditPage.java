package dev.keel.app.audit;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A page of audit records in chain order.
 *
 * @param nextCursor pass it back as {@code cursor} (with the same filters) for the next page; null on the last
 */
public record AuditPage(List<AuditEntry> records, @Nullable String nextCursor) {
}
