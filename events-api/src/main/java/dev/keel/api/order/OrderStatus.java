package dev.keel.api.order;

/**
 * Where an order is in its life: {@code PLACED → PAID → IN_FULFILMENT → DELIVERED}, or
 * {@code CANCELLED} (by the customer before fulfilment, by STAFF before delivery).
 */
public enum OrderStatus {
    /** Priced, stock reserved, waiting for payment. */
    PLACED,
    /** Paid; waiting to be picked and packed. */
    PAID,
    /** Its goods have left stock and are on their way. */
    IN_FULFILMENT,
    /** Arrived. Final. */
    DELIVERED,
    /** Called off. Final. */
    CANCELLED
}
