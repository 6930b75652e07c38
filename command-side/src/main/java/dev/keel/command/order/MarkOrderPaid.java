package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: the payment for a placed order went through. Only the payment process sends it (a later
 * issue); no endpoint does, so no client can mark its own order paid.
 *
 * @param paymentReference the payment's id at the gateway
 */
record MarkOrderPaid(@TargetAggregateIdentifier OrderId orderId, String paymentReference) {
}
