package dev.keel.command.order;

import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal, from the payment process: the gateway paid refund {@code refundNumber} back. Once per refund. */
public record RecordRefund(@TargetAggregateIdentifier OrderId orderId, int refundNumber, Money amount,
                           String refundReference) {
}
