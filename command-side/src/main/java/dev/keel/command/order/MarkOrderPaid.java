package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: the gateway authorized the payment of a placed order. Only the payment process
 * ({@code dev.keel.command.payment}) sends it; no endpoint does, so no client can mark its own order
 * paid. A cancelled order answers its status and stays cancelled (the process then voids the
 * authorization); the same reference again changes nothing (a redelivered event).
 *
 * @param paymentReference the payment's id at the gateway
 */
public record MarkOrderPaid(@TargetAggregateIdentifier OrderId orderId, String paymentReference) {
}
