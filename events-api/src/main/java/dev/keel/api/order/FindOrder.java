package dev.keel.api.order;

import dev.keel.api.account.AccountId;

/**
 * Asks for one order; answered with an {@link OrderView}, or {@code null} when there is none for
 * this asker (another customer's order is answered as none, so its existence is not revealed).
 *
 * @param customerId only an order of this customer, or {@code null} for any (STAFF)
 */
public record FindOrder(OrderId orderId, AccountId customerId) {
}
