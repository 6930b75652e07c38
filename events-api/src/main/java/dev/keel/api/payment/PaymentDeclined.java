package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The gateway declined an attempt; the order stays PLACED and may be paid with another method.
 *
 * @param reason the gateway's reason, for the customer (e.g. {@code card_declined})
 */
@Revision("1")
public record PaymentDeclined(OrderId orderId, AccountId customerId, int attempt, String reason) {
}
