package dev.keel.api.order;

import dev.keel.api.account.AccountId;

/**
 * Asks for a customer's orders, newest first; answered with an {@link OrderPage}.
 *
 * @param cursor the previous page's {@code nextCursor}, or {@code null} for the first page
 * @param size   orders per page
 */
public record FindCustomerOrders(AccountId customerId, String cursor, int size) {
}
