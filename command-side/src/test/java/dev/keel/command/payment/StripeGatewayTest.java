package dev.keel.command.payment;

import com.stripe.StripeClient;
import dev.keel.api.money.Money;
import dev.keel.command.payment.PaymentGateway.Authorization;
import dev.keel.command.payment.PaymentGateway.GatewayPayment;
import dev.keel.command.payment.PaymentGateway.GatewayRefused;
import dev.keel.command.payment.PaymentGateway.GatewayTimeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Stripe SDK against a local stand-in that checks what it is sent: paths, fields, keys, auth. */
class StripeGatewayTest {

    private static final String API_KEY = "sk_test_keel_standin";
    private static final String KEY = "keel-order-1-authorize-1";
    private static final Money TOTAL = Money.of(2_380, "EUR");
    private static final String AUTHORIZED = intent("pi_1", "requires_capture");

    private StripeStandIn stripe;
    private StripeGateway gateway;

    @BeforeEach
    void standIn() throws Exception {
        stripe = new StripeStandIn();
        gateway = new StripeGateway(StripeClient.builder().setApiKey(API_KEY).setApiBase(stripe.url())
                .setMaxNetworkRetries(0).build());
    }

    @AfterEach
    void close() {
        stripe.close();
    }

    @Test
    void authorizingCreatesAConfirmedManualCapturePaymentIntentUnderTheKey() {
        stripe.answer("/v1/payment_intents", 200, AUTHORIZED);

        Authorization authorization = gateway.authorize(KEY, "pm_card_visa", TOTAL);

        assertThat(authorization).isEqualTo(new Authorization(true, "pi_1", null));
        StripeStandIn.Request sent = stripe.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(sent.header("Idempotency-Key")).isEqualTo(KEY);
        assertThat(sent.form()).containsEntry("amount", "2380").containsEntry("currency", "eur")
                .containsEntry("payment_method", "pm_card_visa").containsEntry("confirm", "true")
                .containsEntry("capture_method", "manual").containsEntry("metadata[keel_key]", KEY);
    }

    @Test
    void aCardErrorIsADeclineWithItsDeclineCode() {
        stripe.answer("/v1/payment_intents", 402, """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                 "message": "Your card has insufficient funds.",
                 "payment_intent": %s}}""".formatted(intent("pi_2", "requires_payment_method")));

        assertThat(gateway.authorize(KEY, "pm_card_visa_chargeDeclined", TOTAL))
                .isEqualTo(new Authorization(false, "pi_2", "insufficient_funds"));
    }

    @Test
    void captureVoidAndRefundEachGoToTheirPathUnderTheirKey() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 200, intent("pi_1", "succeeded"))
                .answer("/v1/payment_intents/pi_1/cancel", 200, intent("pi_1", "canceled"))
                .answer("/v1/refunds", 200, """
                        {"id": "re_1", "object": "refund", "amount": 500, "currency": "eur", "status": "succeeded"}""");

        gateway.capture("keel-order-1-capture", "pi_1", TOTAL);
        gateway.voidAuthorization("keel-order-1-void", "pi_1");
        String refund = gateway.refund("keel-order-1-refund-1", "pi_1", Money.of(500, "EUR"));

        assertThat(refund).isEqualTo("re_1");
        var sent = stripe.requests();
        assertThat(sent).extracting(StripeStandIn.Request::path).containsExactly(
                "/v1/payment_intents/pi_1/capture", "/v1/payment_intents/pi_1/cancel", "/v1/refunds");
        assertThat(sent).extracting(request -> request.header("Idempotency-Key")).containsExactly(
                "keel-order-1-capture", "keel-order-1-void", "keel-order-1-refund-1");
        assertThat(sent.get(0).form()).containsEntry("amount_to_capture", "2380");
        assertThat(sent.get(2).form()).containsEntry("payment_intent", "pi_1").containsEntry("amount", "500");
    }

    @Test
    void findSearchesTheIntentByItsKeyAndReadsItsState() {
        stripe.answer("/v1/payment_intents/search", 200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
                 "data": [%s]}""".formatted(AUTHORIZED));

        assertThat(gateway.find(KEY)).contains(new GatewayPayment("pi_1", GatewayPayment.Status.AUTHORIZED, null, 0));
        StripeStandIn.Request sent = stripe.requests().getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.query()).isEqualTo("query=metadata['keel_key']:'" + KEY + "'");
    }

    @Test
    void noAnswerIsATimeoutAndARefusalIsARefusal() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 500, """
                {"error": {"type": "api_error", "message": "Something went wrong"}}""")
                .answer("/v1/payment_intents/pi_1/cancel", 400, """
                {"error": {"type": "invalid_request_error", "message": "This PaymentIntent was captured"}}""");

        assertThatThrownBy(() -> gateway.capture("keel-order-1-capture", "pi_1", TOTAL)).isInstanceOf(GatewayTimeout.class);
        assertThatThrownBy(() -> gateway.voidAuthorization("keel-order-1-void", "pi_1")).isInstanceOf(GatewayRefused.class)
                .hasMessageContaining("This PaymentIntent was captured");
    }

    @Test
    void anExpiredAuthorizationOrAnUnknownPaymentIsRefusedForGoodWithStripesCode() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 400, """
                {"error": {"type": "invalid_request_error", "code": "payment_intent_unexpected_state",
                 "message": "This PaymentIntent could not be captured because it has a status of canceled."}}""")
                .answer("/v1/refunds", 404, """
                {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_intent",
                 "message": "No such payment_intent: 'pi_gone'"}}""");

        assertThatThrownBy(() -> gateway.capture("keel-order-1-capture", "pi_1", TOTAL))
                .isInstanceOfSatisfying(GatewayRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo("payment_intent_unexpected_state"));
        assertThatThrownBy(() -> gateway.refund("keel-order-1-refund-1", "pi_gone", TOTAL))
                .isInstanceOfSatisfying(GatewayRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo("resource_missing"));
    }

    @Test
    void aRateLimitOrAConcurrentRequestIsWorthRetryingNotARefusal() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 429, """
                {"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests"}}""")
                .answer("/v1/refunds", 409, """
                {"error": {"type": "idempotency_error", "message": "There is currently another in-progress request"}}""");

        assertThatThrownBy(() -> gateway.capture("keel-order-1-capture", "pi_1", TOTAL))
                .isInstanceOf(PaymentGateway.GatewayUnavailable.class);
        assertThatThrownBy(() -> gateway.refund("keel-order-1-refund-1", "pi_1", TOTAL))
                .isInstanceOf(PaymentGateway.GatewayUnavailable.class);
    }

    @Test
    void aRefusedCaptureThatStripeShowsCapturedAlreadyIsDone() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 400, """
                {"error": {"type": "invalid_request_error", "code": "payment_intent_unexpected_state",
                 "message": "This PaymentIntent has already been captured."}}""")
                .answer("/v1/payment_intents/search", 200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
                 "data": [%s]}""".formatted(intent("pi_1", "succeeded")));

        new GatewayCalls(gateway).capture(KEY, "keel-order-1-capture", "pi_1", TOTAL);

        assertThat(stripe.requests()).extracting(StripeStandIn.Request::path)
                .containsExactly("/v1/payment_intents/pi_1/capture", "/v1/payment_intents/search");
    }

    @Test
    void anAuthorizationWithoutAnswerIsFoundAtStripeAndNotSentAgain() {
        stripe.answer("/v1/payment_intents", 500, """
                {"error": {"type": "api_error", "message": "Something went wrong"}}""")
                .answer("/v1/payment_intents/search", 200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
                 "data": [%s]}""".formatted(AUTHORIZED));

        assertThat(new GatewayCalls(gateway).authorize(KEY, "pm_card_visa", TOTAL))
                .isEqualTo(new Authorization(true, "pi_1", null));
        assertThat(stripe.requests()).extracting(StripeStandIn.Request::path)
                .containsExactly("/v1/payment_intents", "/v1/payment_intents/search");
    }

    private static String intent(String id, String status) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 2380, "currency": "eur", "status": "%s",
                 "capture_method": "manual", "metadata": {"keel_key": "%s"}}""".formatted(id, status, KEY);
    }
}
