package dev.keel.command.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import dev.keel.api.money.Money;

import java.util.Locale;
import java.util.Optional;

/**
 * Stripe through its Java SDK: a PaymentIntent per authorization, confirmed at once with
 * {@code capture_method=manual}, captured, cancelled (void) or refunded later. Every request carries
 * Keel's key as Stripe's {@code Idempotency-Key}, which Stripe answers with the first response for a
 * day. The key is also the intent's {@code keel_key} metadata, so {@link #find} can search for it.
 */
class StripeGateway implements PaymentGateway {

    static final String KEY_METADATA = "keel_key";

    private final StripeClient stripe;

    StripeGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public Authorization authorize(String key, String paymentMethodToken, Money amount) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(amount.amountMinor())
                .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setPaymentMethod(paymentMethodToken)
                .setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .putMetadata(KEY_METADATA, key)
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, options(key));
            return authorization(intent);
        } catch (CardException declined) {
            PaymentIntent intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
            return Authorization.declined(intent == null ? null : intent.getId(),
                    declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode());
        } catch (StripeException failure) {
            throw translated("authorize " + key, failure);
        }
    }

    @Override
    public void capture(String key, String paymentReference, Money amount) {
        call("capture " + paymentReference, () -> stripe.v1().paymentIntents().capture(paymentReference,
                PaymentIntentCaptureParams.builder().setAmountToCapture(amount.amountMinor()).build(), options(key)));
    }

    @Override
    public void voidAuthorization(String key, String paymentReference) {
        call("cancel " + paymentReference, () -> stripe.v1().paymentIntents().cancel(paymentReference,
                PaymentIntentCancelParams.builder().build(), options(key)));
    }

    @Override
    public String refund(String key, String paymentReference, Money amount) {
        return call("refund " + paymentReference, () -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(paymentReference).setAmount(amount.amountMinor()).build(), options(key))).getId();
    }

    /** Stripe's search may lag new intents by a moment; an intent not found yet is authorized again under its key. */
    @Override
    public Optional<GatewayPayment> find(String authorizeKey) {
        var query = PaymentIntentSearchParams.builder()
                .setQuery("metadata['" + KEY_METADATA + "']:'" + authorizeKey.replace("'", "") + "'").build();
        return call("search " + authorizeKey, () -> stripe.v1().paymentIntents().search(query)).getData().stream()
                .findFirst().map(StripeGateway::payment);
    }

    private static Authorization authorization(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "requires_capture", "succeeded" -> Authorization.approved(intent.getId());
            // 3-D Secure and the like: the app's payment sheet completes those before Keel sees the token
            default -> Authorization.declined(intent.getId(), intent.getStatus());
        };
    }

    private static GatewayPayment payment(PaymentIntent intent) {
        GatewayPayment.Status status = switch (intent.getStatus()) {
            case "requires_capture" -> GatewayPayment.Status.AUTHORIZED;
            case "succeeded" -> GatewayPayment.Status.CAPTURED;
            case "canceled" -> GatewayPayment.Status.VOIDED;
            default -> GatewayPayment.Status.DECLINED;
        };
        String reason = status == GatewayPayment.Status.DECLINED && intent.getLastPaymentError() != null
                ? intent.getLastPaymentError().getDeclineCode() : null;
        return new GatewayPayment(intent.getId(), status, status == GatewayPayment.Status.DECLINED && reason == null
                ? intent.getStatus() : reason, 0);
    }

    private static RequestOptions options(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException failure) {
            throw translated(what, failure);
        }
    }

    /**
     * No answer (a timeout, a lost connection, a 5xx) may have taken effect. Anything Stripe answered did
     * not: a rate limit, an idempotency conflict (a concurrent request with the key) and Keel's own
     * credentials refused are worth trying later; any other answer (400, 402, 404) is Stripe's no for good.
     */
    private static RuntimeException translated(String what, StripeException failure) {
        Integer status = failure.getStatusCode();
        if (failure instanceof ApiConnectionException || (status != null && status >= 500)) {
            return new GatewayTimeout("Stripe gave no answer to " + what + ": " + failure.getMessage(), failure);
        }
        if (failure instanceof RateLimitException || failure instanceof IdempotencyException
                || failure instanceof AuthenticationException || failure instanceof PermissionException
                || status == null || status == 409 || status == 429) {
            return new GatewayUnavailable("Stripe could not take " + what + " now: " + failure.getMessage(), failure);
        }
        String reason = failure.getCode() != null ? failure.getCode() : "http_" + status;
        return new GatewayRefused(reason, "Stripe refused " + what + ": " + failure.getMessage(), failure);
    }
}
