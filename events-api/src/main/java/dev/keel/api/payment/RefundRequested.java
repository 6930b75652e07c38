package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * Money is to go back for a captured payment: STAFF asked, or the order was cancelled after capture
 * (then all of what was left). The payment process sends it to the gateway.
 *
 * @param refundNumber 1 for the order's first refund, and so on
 */
@Revision("1")
public record RefundRequested(OrderId orderId, AccountId customerId, int refundNumber, Money amount) {
}
