package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;

/**
 * Asks for an order's receipt; answered with a {@link ReceiptView}, or {@code null} when there is none
 * for this asker (not captured yet, or another customer's order).
 *
 * @param customerId only a receipt of this customer, or {@code null} for any (STAFF)
 */
public record FindReceipt(OrderId orderId, AccountId customerId) {
}
