package dev.keel.app.payment;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.payment.PaymentGateway;
import dev.keel.command.payment.PaymentGateway.GatewayPayment;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying through HTTP on the sandbox gateway, the payment process running for real (saga store and
 * deadlines in PostgreSQL): pay, fulfil (capture), refund; declines; and every refusal.
 */
class PaymentIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    JdbcClient jdbc;

    private String email;
    private Session customer;
    private String lamp;

    @BeforeEach
    void placeable() {
        email = IdentityFixtures.uniqueEmail();
        customer = identity.registerVerified(email, IdentityFixtures.PASSWORD, "Paying Customer",
                IdentityFixtures.newDevice());
        lamp = commerce.product("Payment lamp", 1_000, 10L);
    }

    @Test
    void aPaidOrderIsCapturedAtFulfilmentAndRefundedInPartsNeverBeyondTheCapture() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 2, null));
        String key = UUID.randomUUID().toString();

        pay(order, customer.accessToken(), key, "tok_approve").expectStatus().isAccepted()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.orderId").isEqualTo(order)
                .jsonPath("$.attempt").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("PENDING");
        pay(order, customer.accessToken(), key, "tok_approve").expectStatus().isAccepted()
                .expectBody().jsonPath("$.attempt").isEqualTo(1);

        awaitStatus(order, "PAID");
        assertThat(atGateway(order, 1).status()).isEqualTo(GatewayPayment.Status.AUTHORIZED);
        assertThat(sagas(order)).isEqualTo(1);

        post(order, "fulfilment", tokens.staff(), null).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> atGateway(order, 1).status() == GatewayPayment.Status.CAPTURED);
        await().atMost(Duration.ofSeconds(30)).until(() -> commerce.events("payment.PaymentCaptured", order) == 1);
        Map<?, ?> receipt = awaitReceipt(order);
        assertThat(awaitPayment(order, "CAPTURED")).containsEntry("attempt", 1);
        assertThat((String) receipt.get("receiptNumber")).matches("\\d{4}-\\d{6}");
        assertThat(receipt.get("amountPaid")).isEqualTo(Map.of("amountMinor", 2_380, "currency", "EUR"));
        assertThat((java.util.List<?>) receipt.get("lines")).hasSize(1);
        web.get().uri("/v1/orders/{id}/receipt", order).headers(h -> h.setBearerAuth(identity.newCustomer().accessToken()))
                .exchange().expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(email).stream()
                .anyMatch(mail -> subject(mail).equals("Your receipt " + receipt.get("receiptNumber"))));
        assertThat(TestMail.text(TestMail.to(email).stream()
                .filter(mail -> subject(mail).startsWith("Your receipt")).findFirst().orElseThrow()))
                .contains("23.80 EUR").contains(order);

        post(order, "refunds", tokens.staff(), Map.of("amountMinor", 500)).expectStatus().isAccepted()
                .expectHeader().exists("ETag");
        await().atMost(Duration.ofSeconds(30)).until(() -> atGateway(order, 1).refundedMinor() == 500);
        post(order, "refunds", tokens.staff(), Map.of("amountMinor", 2_000)).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refund-exceeds-captured")
                .jsonPath("$.refundable.amountMinor").isEqualTo(1_880);
        post(order, "refunds", tokens.staff(), Map.of()).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> atGateway(order, 1).refundedMinor() == 2_380);
        await().atMost(Duration.ofSeconds(30)).until(() -> commerce.events("payment.PaymentRefunded", order) == 2);
        awaitPayment(order, "REFUNDED");
    }

    @Test
    void aCaptureRefusedForGoodIsOnTheOrderForStaffAndTheProcessStopsRetrying() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        awaitStatus(order, "PLACED");
        assertThat(payment(read(order, customer.accessToken()))).containsEntry("status", "NONE")
                .containsEntry("attempt", 0).containsEntry("reason", null);
        pay(order, customer.accessToken(), UUID.randomUUID().toString(), "tok_authorization_expires")
                .expectStatus().isAccepted();
        assertThat(awaitPayment(order, "AUTHORIZED")).containsEntry("attempt", 1);

        post(order, "fulfilment", tokens.staff(), null).expectStatus().isOk();

        assertThat(awaitPayment(order, "CAPTURE_FAILED")).containsEntry("reason", "authorization_expired");
        assertThat(read(order, tokens.staff()).get("payment")).isEqualTo(
                Map.of("status", "CAPTURE_FAILED", "attempt", 1, "reason", "authorization_expired"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sagas(order) == 0);
        assertThat(commerce.events("payment.PaymentCaptureFailed", order)).isEqualTo(1);
        assertThat(commerce.events("payment.PaymentCaptured", order)).isZero();
        web.get().uri("/v1/orders/{id}/receipt", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aDeclinedAttemptLeavesTheOrderPlacedAndAnotherMethodPaysIt() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));

        pay(order, customer.accessToken(), UUID.randomUUID().toString(), "tok_timeout_then_decline")
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> commerce.events("payment.PaymentDeclined", order) == 1);
        assertThat(awaitPayment(order, "DECLINED"))
                .isEqualTo(Map.of("status", "DECLINED", "attempt", 1, "reason", "card_declined"));
        assertThat(read(order, customer.accessToken()).get("status")).isEqualTo("PLACED");

        pay(order, customer.accessToken(), UUID.randomUUID().toString(), "tok_timeout_then_approve")
                .expectStatus().isAccepted().expectBody().jsonPath("$.attempt").isEqualTo(2);
        awaitStatus(order, "PAID");
        assertThat(atGateway(order, 1).status()).isEqualTo(GatewayPayment.Status.DECLINED);
        assertThat(atGateway(order, 2).status()).isEqualTo(GatewayPayment.Status.AUTHORIZED);
        assertThat(awaitPayment(order, "AUTHORIZED")).containsEntry("attempt", 2).containsEntry("reason", null);

        pay(order, customer.accessToken(), UUID.randomUUID().toString(), "tok_approve")
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/order-already-paid")
                .jsonPath("$.orderStatus").isEqualTo("PAID");
    }

    @Test
    void cancellingAPaidOrderBeforeFulfilmentVoidsItsAuthorization() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        pay(order, customer.accessToken(), UUID.randomUUID().toString(), "tok_approve").expectStatus().isAccepted();
        awaitStatus(order, "PAID");

        post(order, "cancellation", customer.accessToken(), null).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> atGateway(order, 1).status() == GatewayPayment.Status.VOIDED);
        await().atMost(Duration.ofSeconds(30)).until(() -> commerce.events("payment.PaymentVoided", order) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> sagas(order) == 0);
    }

    @Test
    void placingAnOrderSchedulesItsPaymentDeadlineInTheDatabase() {
        Instant before = Instant.now();
        commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM scheduled_tasks WHERE execution_time >= ?""")
                .param(OffsetDateTime.ofInstant(before.plus(Duration.ofMinutes(30)), java.time.ZoneOffset.UTC))
                .query(Long.class).single() > 0);
    }

    @Test
    void onlyTheOrdersCustomerPaysItAndOnlyStaffRefund() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        Session other = identity.newCustomer();

        pay(order, other.accessToken(), UUID.randomUUID().toString(), "tok_approve").expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        pay(UUID.randomUUID().toString(), customer.accessToken(), UUID.randomUUID().toString(), "tok_approve")
                .expectStatus().isNotFound();
        post(order, "refunds", customer.accessToken(), Map.of()).expectStatus().isForbidden();
        post(order, "refunds", tokens.staff(), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payment-not-captured");
        assertThat(commerce.events("payment.PaymentRequested", order)).isZero();
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));

        pay(order, customer.accessToken(), UUID.randomUUID().toString(), " ").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("paymentMethodToken");
        web.post().uri("/v1/orders/{id}/payments", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .bodyValue(Map.of("paymentMethodToken", "tok_approve")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/missing-idempotency-key");
        post(order, "refunds", tokens.staff(), Map.of("amountMinor", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amountMinor");
        assertThat(commerce.events("payment.PaymentRequested", order)).isZero();
    }

    @Test
    void aCancelledOrderCannotBePaidNorCanAnAttemptOverlapAnother() {
        String cancelled = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        post(cancelled, "cancellation", customer.accessToken(), null).expectStatus().isOk();
        pay(cancelled, customer.accessToken(), UUID.randomUUID().toString(), "tok_approve")
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/order-status-conflict")
                .jsonPath("$.orderStatus").isEqualTo("CANCELLED");
    }

    @Test
    void receiptNumbersFollowOneAnotherWithoutGaps() {
        String first = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        String second = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        for (String order : java.util.List.of(first, second)) {
            pay(order, customer.accessToken(), UUID.randomUUID().toString(), "tok_approve").expectStatus().isAccepted();
            awaitStatus(order, "PAID");
            post(order, "fulfilment", tokens.staff(), null).expectStatus().isOk();
        }

        long one = number(awaitReceipt(first));
        long two = number(awaitReceipt(second));
        assertThat(Math.abs(two - one)).isEqualTo(1);
    }

    private Map<?, ?> awaitReceipt(String order) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> web.get().uri("/v1/orders/{id}/receipt", order)
                .headers(h -> h.setBearerAuth(customer.accessToken())).exchange()
                .expectBody(Map.class).returnResult().getResponseBody(), body -> body.get("receiptNumber") != null);
    }

    private static long number(Map<?, ?> receipt) {
        return Long.parseLong(((String) receipt.get("receiptNumber")).substring(5));
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.ResponseSpec pay(String order, String token, String key, String paymentMethodToken) {
        return web.post().uri("/v1/orders/{id}/payments", order).headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("paymentMethodToken", paymentMethodToken)).exchange();
    }

    private WebTestClient.ResponseSpec post(String order, String what, String token, Map<String, Object> body) {
        var request = web.post().uri("/v1/orders/{id}/{what}", order, what).headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private Map<String, Object> read(String order, String token) {
        return web.get().uri("/v1/orders/{id}", order).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    /** @return the order's {@code payment} once its status is this */
    private Map<String, Object> awaitPayment(String order, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> payment(read(order, customer.accessToken())),
                payment -> payment != null && status.equals(payment.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payment(Map<String, Object> order) {
        return (Map<String, Object>) order.get("payment");
    }

    private void awaitStatus(String order, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(web.get().uri("/v1/orders/{id}", order)
                .headers(h -> h.setBearerAuth(customer.accessToken())).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("status")));
    }

    private GatewayPayment atGateway(String order, int attempt) {
        return gateway.find("keel-" + order + "-authorize-" + attempt).orElseThrow();
    }

    private long sagas(String order) {
        return jdbc.sql("SELECT count(*) FROM association_value_entry WHERE association_key = 'orderId' AND association_value = ?")
                .param(order).query(Long.class).single();
    }
}
