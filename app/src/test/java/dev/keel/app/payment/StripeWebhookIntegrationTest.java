package dev.keel.app.payment;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.StripeEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stripe's webhook endpoint over HTTP, with bodies signed as Stripe signs them: an event acts on the
 * order once however often it comes; a bad, missing or stale signature is refused and does nothing.
 * No bearer token anywhere: the signature is the credential.
 */
class StripeWebhookIntegrationTest extends KeelIntegrationTest {

    private static final String PATH = "/v1/payments/webhooks/stripe";

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    JdbcClient jdbc;

    private Session customer;
    private String order;

    @BeforeEach
    void placed() {
        customer = identity.registerVerified(IdentityFixtures.uniqueEmail(), IdentityFixtures.PASSWORD,
                "Webhook Customer", IdentityFixtures.newDevice());
        String lamp = commerce.product("Webhook lamp", 1_000, 10L);
        order = commerce.placed(customer.accessToken(), orderOf(lamp, 2, null));
    }

    @Test
    void anIntentHoldingTheMoneyPaysTheOrderOnceHoweverOftenItComes() {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.intentEvent(eventId, "payment_intent.amount_capturable_updated", "pi_webhook_1",
                "requires_capture", order, 1, null);

        deliver(body, StripeEvents.signature(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.event").isEqualTo(eventId)
                .jsonPath("$.outcome").isEqualTo("ACTED")
                .jsonPath("$.replay").isEqualTo(false);
        awaitStatus("PAID");

        deliver(body, StripeEvents.signature(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("ACTED")
                .jsonPath("$.replay").isEqualTo(true);
        String succeeded = StripeEvents.intentEvent(StripeEvents.newEventId(), "payment_intent.succeeded",
                "pi_webhook_1", "succeeded", order, 1, null);
        deliver(succeeded, StripeEvents.signature(succeeded)).expectStatus().isOk().expectBody()
                .jsonPath("$.replay").isEqualTo(false);

        assertThat(commerce.events("order.OrderPaid", order)).isEqualTo(1);
        assertThat(processed(eventId)).isEqualTo(1);
        web.post().uri("/v1/orders/{id}/payments", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("paymentMethodToken", "tok_approve")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/order-already-paid");
    }

    @Test
    void aFailedIntentIsTheDeclineTheProcessRecordsNotASecondOne() {
        web.post().uri("/v1/orders/{id}/payments", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("paymentMethodToken", "tok_decline")).exchange()
                .expectStatus().isAccepted();
        String body = StripeEvents.intentEvent(StripeEvents.newEventId(), "payment_intent.payment_failed",
                "pi_webhook_2", "requires_payment_method", order, 1, "card_declined");

        deliver(body, StripeEvents.signature(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("ACTED");

        await().atMost(Duration.ofSeconds(30)).until(() -> commerce.events("payment.PaymentDeclined", order) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> commerce.events("payment.PaymentDeclined", order) == 1);
        assertThat(status()).isEqualTo("PLACED");
    }

    @Test
    void aStaleTimestampIsRefusedEvenWithTheRightSignature() {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.intentEvent(eventId, "payment_intent.amount_capturable_updated", "pi_webhook_3",
                "requires_capture", order, 1, null);

        deliver(body, StripeEvents.signature(body, StripeEvents.SECRET, Instant.now().minusSeconds(301)))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/webhook-timestamp-stale")
                .jsonPath("$.errors[0].field").isEqualTo("Stripe-Signature");

        assertThat(processed(eventId)).isZero();
        assertThat(commerce.events("order.OrderPaid", order)).isZero();
    }

    @Test
    void aWrongMissingOrTamperedSignatureIsRefusedAndDoesNothing() {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.intentEvent(eventId, "payment_intent.amount_capturable_updated", "pi_webhook_4",
                "requires_capture", order, 1, null);

        refusedAsBadSignature(deliver(body, StripeEvents.signature(body, "whsec_someone_else", Instant.now())));
        refusedAsBadSignature(web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange());
        refusedAsBadSignature(deliver(body.replace("pi_webhook_4", "pi_webhook_5"), StripeEvents.signature(body)));

        assertThat(processed(eventId)).isZero();
        assertThat(commerce.events("order.OrderPaid", order)).isZero();
        assertThat(status()).isEqualTo("PLACED");
    }

    @Test
    void eventsKeelDidNotStartAreIgnoredAndDisputesAreNoted() {
        String foreign = StripeEvents.intentEvent(StripeEvents.newEventId(), "payment_intent.amount_capturable_updated",
                "pi_elsewhere", "requires_capture", order, 1, null).replace("keel-" + order, "shop-" + order);
        deliver(foreign, StripeEvents.signature(foreign)).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("IGNORED");
        String dispute = StripeEvents.disputeEvent(StripeEvents.newEventId(), "pi_webhook_6");
        deliver(dispute, StripeEvents.signature(dispute)).expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("charge.dispute.created")
                .jsonPath("$.outcome").isEqualTo("NOTED");

        assertThat(commerce.events("order.OrderPaid", order)).isZero();
    }

    private WebTestClient.ResponseSpec deliver(String body, String signature) {
        return web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).header("Stripe-Signature", signature)
                .bodyValue(body).exchange();
    }

    private static void refusedAsBadSignature(WebTestClient.ResponseSpec response) {
        response.expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("/problems/webhook-signature-invalid")
                .jsonPath("$.errors[0].field").isEqualTo("Stripe-Signature");
    }

    private long processed(String eventId) {
        return jdbc.sql("SELECT count(*) FROM stripe_webhook_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }

    /** The order's status once the read model has the order (under load it may not have it yet: 404). */
    private String status() {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var read = web.get().uri("/v1/orders/{id}", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                    .exchange().returnResult(Map.class);
            return read.getStatus().is2xxSuccessful() ? (String) read.getResponseBody().blockFirst().get("status") : null;
        }, Objects::nonNull);
    }

    private void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status()));
    }
}
