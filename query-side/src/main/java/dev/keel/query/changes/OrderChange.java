package dev.keel.query.changes;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderStatus;

import java.time.Instant;

/**
 * A row of the order change log: one order event.
 *
 * @param seq       its number in commit order (internal: clients never see it)
 * @param position  the event's global position in the event store: what clients see and send back
 * @param eventType the event's name, such as {@code OrderPlaced}
 * @param status    the order's status after it
 * @param version   the order's version after it
 */
public record OrderChange(long seq,
                          long position,
                          OrderId orderId,
                          AccountId customerId,
                          String eventType,
                          OrderStatus status,
                          long version,
                          Instant occurredAt) {
}
