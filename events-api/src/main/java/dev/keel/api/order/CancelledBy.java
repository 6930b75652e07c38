package dev.keel.api.order;

/** Who called an order off; they may do so at different stages (see {@link OrderStatus}). */
public enum CancelledBy {
    /** The customer who placed it: only before fulfilment. */
    CUSTOMER,
    /** Someone running the shop: any time before delivery. */
    STAFF,
    /** The payment process: the order stayed unpaid past the payment deadline ({@code KEEL_PAYMENT_DEADLINE}). */
    PAYMENT_DEADLINE
}
