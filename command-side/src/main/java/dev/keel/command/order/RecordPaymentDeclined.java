package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal, from the payment process: the gateway declined an attempt. Once per attempt. */
public record RecordPaymentDeclined(@TargetAggregateIdentifier OrderId orderId, int attempt, String reason) {
}
