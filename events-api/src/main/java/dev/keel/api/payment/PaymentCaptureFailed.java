package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The gateway refused to capture the authorized payment for good (its authorization expired, for
 * example): no money was taken and the payment process stops. STAFF decide what happens to the order
 * (ask the customer to pay again, or cancel it).
 *
 * @param reason the gateway's reason ({@code authorization_expired}, {@code payment_intent_unexpected_state})
 */
@Revision("1")
public record PaymentCaptureFailed(OrderId orderId, AccountId customerId, String paymentReference, Money amount,
                                   String reason) {
}
