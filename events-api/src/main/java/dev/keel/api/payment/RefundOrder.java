package dev.keel.api.payment;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * STAFF: give money back for an order whose payment was captured, never more than was captured and
 * not yet refunded.
 *
 * @param amountMinor in the order's currency; {@code null} refunds all that is left
 */
public record RefundOrder(@TargetAggregateIdentifier OrderId orderId, Long amountMinor) {
}
