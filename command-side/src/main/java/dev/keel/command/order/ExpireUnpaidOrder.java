package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal, from the payment process at the payment deadline: cancel the order if it is still
 * unpaid, giving its stock and promotion use back. An order paid meanwhile stays as it is.
 */
public record ExpireUnpaidOrder(@TargetAggregateIdentifier OrderId orderId) {
}
