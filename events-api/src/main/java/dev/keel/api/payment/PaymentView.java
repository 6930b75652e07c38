package dev.keel.api.payment;

import org.jspecify.annotations.Nullable;

/**
 * An order's payment as clients see it, so an app can tell the customer that an attempt was declined.
 *
 * @param attempt the number of the last payment attempt ({@code 0}: paid without one)
 * @param reason  the gateway's reason when {@code status} is {@code DECLINED} or a {@code _FAILED} one
 *                ({@code card_declined}, {@code insufficient_funds}, {@code authorization_expired}); else {@code null}
 */
public record PaymentView(PaymentStatus status, int attempt, @Nullable String reason) {

    /** An order no one has tried to pay yet. */
    public static final PaymentView NONE = new PaymentView(PaymentStatus.NONE, 0, null);
}
