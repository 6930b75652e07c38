package dev.keel.command.payment;

import dev.keel.api.order.OrderId;

/**
 * Idempotency keys for gateway calls, one per order and step: the same step of the same order always
 * has the same key, whichever node or retry sends it, so the gateway performs it once.
 */
final class PaymentKeys {

    private PaymentKeys() {
    }

    static String authorize(OrderId orderId, int attempt) {
        return "keel-" + orderId + "-authorize-" + attempt;
    }

    static String capture(OrderId orderId) {
        return "keel-" + orderId + "-capture";
    }

    static String voidAuthorization(OrderId orderId) {
        return "keel-" + orderId + "-void";
    }

    static String refund(OrderId orderId, int refundNumber) {
        return "keel-" + orderId + "-refund-" + refundNumber;
    }
}
