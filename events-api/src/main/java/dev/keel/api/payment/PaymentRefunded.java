package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The gateway gave the money of a refund back.
 *
 * @param refundReference the refund's id at the gateway
 */
@Revision("1")
public record PaymentRefunded(OrderId orderId, AccountId customerId, int refundNumber, Money amount,
                              String refundReference) {
}
