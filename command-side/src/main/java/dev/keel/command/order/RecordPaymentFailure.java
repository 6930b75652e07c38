package dev.keel.command.order;

import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal, from the payment process: the gateway refused a step for good (retrying cannot change its
 * answer). Once per step.
 *
 * @param refundNumber the refund refused, for {@link Step#REFUND}; else 0
 * @param refund       that refund's amount, for {@link Step#REFUND}; else {@code null}
 */
public record RecordPaymentFailure(@TargetAggregateIdentifier OrderId orderId, Step step, int refundNumber,
                                   Money refund, String reason) {

    /** The step the gateway refused. */
    public enum Step { CAPTURE, VOID, REFUND }
}
