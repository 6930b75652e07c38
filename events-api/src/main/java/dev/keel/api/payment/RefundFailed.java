package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The gateway refused refund {@code refundNumber} for good (it does not know the payment, or has no
 * more to give back): nothing was paid back, and the amount counts as refundable again. STAFF see it
 * and settle it with the customer.
 *
 * @param reason the gateway's reason ({@code resource_missing}, {@code unknown_payment})
 */
@Revision("1")
public record RefundFailed(OrderId orderId, AccountId customerId, int refundNumber, Money amount, String reason) {
}
