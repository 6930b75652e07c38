package dev.keel.api.order;

/**
 * STAFF: the orders in one status, oldest first (the order they are worked in); answered with an
 * {@link OrderPage}.
 *
 * @param cursor the previous page's {@code nextCursor}, or {@code null} for the first page
 * @param size   orders per page
 */
public record FindOrderQueue(OrderStatus status, String cursor, int size) {
}
