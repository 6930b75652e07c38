package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal, from the payment process: the gateway released an authorization. Once per order. */
public record RecordPaymentVoided(@TargetAggregateIdentifier OrderId orderId, String paymentReference) {
}
