package dev.keel.command.payment;

import dev.keel.api.money.Money;

import java.util.Optional;

/**
 * A card processor, as the payment process needs it. Every call carries an idempotency key derived
 * from the order and the step ({@link PaymentKeys}): the gateway performs a key once and answers a
 * repeat with the first result, so a retry after a timeout never charges twice.
 *
 * <p>Failures are classified by what retrying can do. {@link GatewayTimeout}: it may or may not have
 * happened; {@link #find} tells what did ({@link GatewayCalls} resolves timeouts that way).
 * {@link GatewayUnavailable}: it did not happen and may succeed later (rate limits, the gateway's own
 * trouble, Keel's credentials); the event is retried. {@link GatewayRefused}: the gateway answered no
 * for good (an expired authorization, an unknown payment); retrying the same call cannot change that,
 * so the payment process records it on the order and stops.
 */
public interface PaymentGateway {

    /** Holds {@code amount} on the payment method, to be captured or voided later. */
    Authorization authorize(String idempotencyKey, String paymentMethodToken, Money amount);

    /** Takes the authorized money. */
    void capture(String idempotencyKey, String paymentReference, Money amount);

    /** Releases an authorization that was not captured. */
    void voidAuthorization(String idempotencyKey, String paymentReference);

    /** @return the refund's id at the gateway */
    String refund(String idempotencyKey, String paymentReference, Money amount);

    /**
     * The payment's real state at the gateway.
     *
     * @param authorizeKey the idempotency key its authorization was (or may have been) sent with
     * @return empty if the gateway never saw that authorization
     */
    Optional<GatewayPayment> find(String authorizeKey);

    /** @param declineReason the gateway's reason when not approved, else {@code null} */
    record Authorization(boolean approved, String paymentReference, String declineReason) {

        static Authorization approved(String paymentReference) {
            return new Authorization(true, paymentReference, null);
        }

        static Authorization declined(String paymentReference, String reason) {
            return new Authorization(false, paymentReference, reason);
        }
    }

    /** A payment as the gateway holds it. */
    record GatewayPayment(String paymentReference, Status status, String declineReason, long refundedMinor) {

        public enum Status { AUTHORIZED, DECLINED, CAPTURED, VOIDED }

        Authorization authorization() {
            return status == Status.DECLINED ? Authorization.declined(paymentReference, declineReason)
                    : Authorization.approved(paymentReference);
        }
    }

    /** No answer in time: the call may or may not have taken effect at the gateway. */
    class GatewayTimeout extends RuntimeException {
        public GatewayTimeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Not performed, and worth trying again later: the event is retried with backoff. */
    class GatewayUnavailable extends RuntimeException {
        public GatewayUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The gateway refused the call itself (not a decline): retrying the same call will not help.
     * {@link #reason()} is the gateway's code for it, recorded on the order.
     */
    class GatewayRefused extends RuntimeException {
        private final String reason;

        public GatewayRefused(String reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
