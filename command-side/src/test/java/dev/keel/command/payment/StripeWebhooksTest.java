package dev.keel.command.payment;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the webhook endpoint is on, and the tolerance it gives a signature's timestamp. */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_unit";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String BODY = """
            {"id":"evt_1","object":"event","type":"customer.created","data":{"object":{"id":"cus_1","object":"customer"}}}""";

    private final Map<String, StripeWebhooks.Outcome> seen = new HashMap<>();
    private final ProcessedWebhookEvents processed = new ProcessedWebhookEvents() {
        @Override
        public StripeWebhooks.Outcome outcomeOf(String eventId) {
            return seen.get(eventId);
        }

        @Override
        public void record(String eventId, String type, StripeWebhooks.Outcome outcome) {
            seen.putIfAbsent(eventId, outcome);
        }
    };

    @Test
    void theSandboxGatewayTakesNoWebhooksEvenWithASecret() {
        assertOff(webhooks("sandbox", SECRET, Duration.ofSeconds(300)));
    }

    @Test
    void stripeWithoutASigningSecretTakesNoWebhooks() {
        assertOff(webhooks("stripe", " ", Duration.ofSeconds(300)));
    }

    @Test
    void theToleranceIsConfigurable() throws Exception {
        String tenSecondsOld = Webhook.Signature.generateSignatureHeader(BODY, SECRET, NOW.getEpochSecond() - 10);

        assertThat(webhooks("stripe", SECRET, Duration.ofSeconds(30)).receive(BODY, tenSecondsOld).outcome())
                .isEqualTo(StripeWebhooks.Outcome.IGNORED);
        assertThatThrownBy(() -> webhooks("stripe", SECRET, Duration.ofSeconds(5)).receive(BODY, tenSecondsOld))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> assertThat(
                        refused.getBody().getType().toString()).isEqualTo("/problems/webhook-timestamp-stale"));
    }

    @Test
    void anEventSeenBeforeIsAnsweredWithItsFirstOutcome() throws Exception {
        String signature = Webhook.Signature.generateSignatureHeader(BODY, SECRET, NOW.getEpochSecond());
        StripeWebhooks webhooks = webhooks("stripe", SECRET, Duration.ofSeconds(300));

        assertThat(webhooks.receive(BODY, signature).replay()).isFalse();
        assertThat(webhooks.receive(BODY, signature))
                .isEqualTo(new StripeWebhooks.StripeEventReceipt("evt_1", "customer.created",
                        StripeWebhooks.Outcome.IGNORED, true));
    }

    @Test
    void authorizationKeysNameTheirOrderAndAttemptAndNothingElseDoes() {
        var order = dev.keel.api.order.OrderId.random();
        assertThat(PaymentKeys.attemptOf(PaymentKeys.authorize(order, 3)))
                .contains(new PaymentKeys.Attempt(order, 3));
        assertThat(PaymentKeys.attemptOf(PaymentKeys.capture(order))).isEmpty();
        assertThat(PaymentKeys.attemptOf("keel-not-an-order-authorize-1")).isEmpty();
    }

    private StripeWebhooks webhooks(String gateway, String secret, Duration tolerance) {
        var properties = new PaymentProperties(Duration.ofMinutes(30), gateway,
                new PaymentProperties.Stripe("sk_test", null, secret, tolerance));
        return new StripeWebhooks(properties, processed, null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void assertOff(StripeWebhooks webhooks) {
        assertThatThrownBy(() -> webhooks.receive(BODY, "t=1,v1=00"))
                .isInstanceOfSatisfying(ErrorResponseException.class, off -> {
                    assertThat(off.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(off.getBody().getType().toString()).isEqualTo("/problems/stripe-webhooks-off");
                });
    }
}
