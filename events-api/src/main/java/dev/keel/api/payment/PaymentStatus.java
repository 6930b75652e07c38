package dev.keel.api.payment;

/** Where an order's payment is, as its last payment event left it ({@link PaymentView}). */
public enum PaymentStatus {
    /** No one has tried to pay the order yet. */
    NONE,
    /** An attempt is at the gateway, without an answer yet. */
    PENDING,
    /** The gateway declined the last attempt ({@code reason}); the order may be paid with another method. */
    DECLINED,
    /** The money is held on the payment method; it is taken when fulfilment starts. */
    AUTHORIZED,
    /** The money is taken (a receipt is issued). */
    CAPTURED,
    /** The authorization was released (the order was cancelled before capture). */
    VOIDED,
    /** Money was given back (all, or part of it). */
    REFUNDED,
    /** The gateway refused the capture for good ({@code reason}); nothing was taken. STAFF act on it. */
    CAPTURE_FAILED,
    /** The gateway refused to void the authorization for good ({@code reason}). STAFF act on it. */
    VOID_FAILED,
    /** The gateway refused a refund for good ({@code reason}); nothing was given back. STAFF act on it. */
    REFUND_FAILED
}
