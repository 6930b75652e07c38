package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Internal, from the payment process: the gateway captured the authorized amount. Once per order;
 * the receipt number is taken then.
 */
public record RecordPaymentCaptured(@TargetAggregateIdentifier OrderId orderId, Instant at) {
}
