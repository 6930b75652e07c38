package dev.keel.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Stripe webhook events as Stripe sends them: JSON bodies, and the {@code Stripe-Signature} header
 * computed here as Stripe documents it ({@code t=<seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}),
 * not with the SDK that checks it, so a mistake in one is not repeated in the other.
 */
public final class StripeEvents {

    /** The signing secret of the shared test context's webhook endpoint. */
    public static final String SECRET = StripeWebhookConfiguration.SECRET;

    private StripeEvents() {
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** An event about a PaymentIntent that Keel created for this order's attempt. */
    public static String intentEvent(String eventId, String type, String intentId, String status, String order,
                                     int attempt, String declineCode) {
        String error = declineCode == null ? "null"
                : "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"" + declineCode + "\"}";
        return """
                {"id":"%s","object":"event","api_version":"2025-09-30.clover","created":%d,"livemode":false,
                 "pending_webhooks":1,"type":"%s","data":{"object":{"id":"%s","object":"payment_intent",
                 "amount":2380,"currency":"eur","capture_method":"manual","status":"%s","last_payment_error":%s,
                 "metadata":{"keel_key":"keel-%s-authorize-%d"}}}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), type, intentId, status, error, order, attempt);
    }

    /** A dispute opened in Stripe, about a charge of this intent. */
    public static String disputeEvent(String eventId, String intentId) {
        return """
                {"id":"%s","object":"event","created":%d,"type":"charge.dispute.created","data":{"object":
                 {"id":"dp_1","object":"dispute","amount":2380,"currency":"eur","payment_intent":"%s","reason":"fraudulent",
                 "status":"needs_response"}}}""".formatted(eventId, Instant.now().getEpochSecond(), intentId);
    }

    public static String signature(String body, String secret, Instant at) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return "t=" + t + ",v1=" + v1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signature(String body) {
        return signature(body, SECRET, Instant.now());
    }
}
