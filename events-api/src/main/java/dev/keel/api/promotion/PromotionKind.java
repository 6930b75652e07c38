package dev.keel.api.promotion;

/** How a promotion lowers an order's price. */
public enum PromotionKind {
    /** {@code value} percent off the subtotal (1-100), rounded half up on minor units. */
    PERCENT,
    /** {@code value} minor units of the promotion's currency off the subtotal, at most the subtotal. */
    AMOUNT
}
