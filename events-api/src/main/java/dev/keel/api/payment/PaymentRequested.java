package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The customer asked to pay a placed order; the payment process authorizes {@code amount} at the gateway.
 *
 * @param attempt            1 for the first request, one more after each decline
 * @param paymentMethodToken the gateway's token for the payment method (no card data)
 * @param amount             the order's total
 */
@Revision("1")
public record PaymentRequested(OrderId orderId, AccountId customerId, int attempt, String paymentMethodToken,
                               Money amount) {
}
