package dev.keel.command.payment;

import dev.keel.api.order.OrderId;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idempotency keys for gateway calls, one per order and step: the same step of the same order always
 * has the same key, whichever node or retry sends it, so the gateway performs it once.
 */
final class PaymentKeys {

    private static final Pattern AUTHORIZE = Pattern.compile(
            "keel-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-authorize-([1-9][0-9]{0,8})");

    private PaymentKeys() {
    }

    /** An order's payment attempt, as its authorization key names it. */
    record Attempt(OrderId orderId, int attempt) {
    }

    /** @return the attempt an authorization key was made for; empty for any other text (not Keel's key) */
    static Optional<Attempt> attemptOf(String authorizeKey) {
        Matcher key = authorizeKey == null ? null : AUTHORIZE.matcher(authorizeKey);
        if (key == null || !key.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(OrderId.of(key.group(1)), Integer.parseInt(key.group(2))));
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
