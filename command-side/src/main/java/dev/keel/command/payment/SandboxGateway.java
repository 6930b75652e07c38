package dev.keel.command.payment;

import dev.keel.api.money.Money;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card processor's test mode, in memory: the default on the embedded run. The payment method
 * token decides what happens (docs/payments.md lists them); like a real gateway it performs each
 * idempotency key once and answers a repeat with the first result. Its memory ends with the process,
 * where a real gateway's does not: after a restart an unknown authorization is simply sent again.
 */
public class SandboxGateway implements PaymentGateway {

    /** Approved. */
    public static final String APPROVE = "tok_approve";
    /** Declined, {@code card_declined}. */
    public static final String DECLINE = "tok_decline";
    /** Declined, {@code insufficient_funds}. */
    public static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    /** Approved, but the first answer is lost: the caller sees a timeout. */
    public static final String TIMEOUT_THEN_APPROVE = "tok_timeout_then_approve";
    /** Declined, but the first answer is lost: the caller sees a timeout. */
    public static final String TIMEOUT_THEN_DECLINE = "tok_timeout_then_decline";
    /** Approved; the first answer to its capture is lost (the capture itself happened). */
    public static final String CAPTURE_TIMEOUT = "tok_capture_timeout";
    /** Approved, but the authorization has expired when it is captured: the capture is refused for good. */
    public static final String AUTHORIZATION_EXPIRES = "tok_authorization_expires";

    private final Map<String, Payment> byKey = new ConcurrentHashMap<>();
    private final Map<String, Payment> byReference = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    @Override
    public Authorization authorize(String key, String token, Money amount) {
        Payment payment = byKey.computeIfAbsent(key, k -> {
            Payment created = new Payment(reference("pi", k), token, amount, decide(token));
            byReference.put(created.reference, created);
            return created;
        });
        loseFirstAnswer(key, TIMEOUT_THEN_APPROVE.equals(token) || TIMEOUT_THEN_DECLINE.equals(token));
        return payment.snapshot().authorization();
    }

    @Override
    public void capture(String key, String reference, Money amount) {
        Payment payment = existing(reference);
        synchronized (payment) {
            if (payment.status == GatewayPayment.Status.AUTHORIZED && AUTHORIZATION_EXPIRES.equals(payment.token)) {
                payment.status = GatewayPayment.Status.VOIDED;
                throw new GatewayRefused("authorization_expired", "Sandbox: the authorization of " + reference
                        + " has expired; it cannot be captured", null);
            }
            if (payment.status == GatewayPayment.Status.AUTHORIZED) {
                payment.status = GatewayPayment.Status.CAPTURED;
            } else if (payment.status != GatewayPayment.Status.CAPTURED) {
                throw new GatewayRefused("payment_" + payment.status.name().toLowerCase(java.util.Locale.ROOT),
                        "Payment " + reference + " is " + payment.status + "; it cannot be captured", null);
            }
        }
        loseFirstAnswer(key, CAPTURE_TIMEOUT.equals(payment.token));
    }

    @Override
    public void voidAuthorization(String key, String reference) {
        Payment payment = existing(reference);
        synchronized (payment) {
            if (payment.status == GatewayPayment.Status.AUTHORIZED) {
                payment.status = GatewayPayment.Status.VOIDED;
            } else if (payment.status != GatewayPayment.Status.VOIDED) {
                throw new GatewayRefused("payment_" + payment.status.name().toLowerCase(java.util.Locale.ROOT),
                        "Payment " + reference + " is " + payment.status + "; it cannot be voided", null);
            }
        }
    }

    @Override
    public String refund(String key, String reference, Money amount) {
        Payment payment = existing(reference);
        return refunds.computeIfAbsent(key, k -> {
            synchronized (payment) {
                if (payment.status != GatewayPayment.Status.CAPTURED
                        || payment.refundedMinor + amount.amountMinor() > payment.amount.amountMinor()) {
                    throw new GatewayRefused("refund_not_possible", "Payment " + reference + " (" + payment.status + ", "
                            + payment.refundedMinor + " refunded) cannot refund " + amount, null);
                }
                payment.refundedMinor += amount.amountMinor();
                return reference("re", k);
            }
        });
    }

    @Override
    public Optional<GatewayPayment> find(String authorizeKey) {
        return Optional.ofNullable(byKey.get(authorizeKey)).map(Payment::snapshot);
    }

    private static GatewayPayment.Status decide(String token) {
        return switch (token) {
            case APPROVE, TIMEOUT_THEN_APPROVE, CAPTURE_TIMEOUT, AUTHORIZATION_EXPIRES -> GatewayPayment.Status.AUTHORIZED;
            default -> GatewayPayment.Status.DECLINED;
        };
    }

    private static String declineReason(String token) {
        return switch (token) {
            case DECLINE, TIMEOUT_THEN_DECLINE -> "card_declined";
            case INSUFFICIENT_FUNDS -> "insufficient_funds";
            default -> "invalid_payment_method";
        };
    }

    private void loseFirstAnswer(String key, boolean lose) {
        if (lose && answered.add(key)) {
            throw new GatewayTimeout("Sandbox: no answer in time for " + key + " (it was performed)", null);
        }
    }

    private Payment existing(String reference) {
        Payment payment = byReference.get(reference);
        if (payment == null) {
            throw new GatewayRefused("unknown_payment", "Sandbox: no payment " + reference, null);
        }
        return payment;
    }

    private static String reference(String prefix, String key) {
        return prefix + "_sbx_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static final class Payment {
        final String reference;
        final String token;
        final Money amount;
        GatewayPayment.Status status;
        long refundedMinor;

        Payment(String reference, String token, Money amount, GatewayPayment.Status status) {
            this.reference = reference;
            this.token = token;
            this.amount = amount;
            this.status = status;
        }

        synchronized GatewayPayment snapshot() {
            return new GatewayPayment(reference, status, status == GatewayPayment.Status.DECLINED
                    ? declineReason(token) : null, refundedMinor);
        }
    }
}
