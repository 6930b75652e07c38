package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal, from the payment process: the gateway captured the authorized amount. Once per order. */
public record RecordPaymentCaptured(@TargetAggregateIdentifier OrderId orderId) {
}
