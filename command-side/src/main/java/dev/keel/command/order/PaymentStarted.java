package dev.keel.command.order;

import dev.keel.api.order.OrderId;

/**
 * A payment attempt was accepted for processing; its outcome follows asynchronously: the order turns
 * PAID (its stream and {@code GET /v1/orders/{id}} show it), or the attempt is declined.
 *
 * @param version the order's version after the request
 */
public record PaymentStarted(OrderId orderId, int attempt, String status, long version) {
}
