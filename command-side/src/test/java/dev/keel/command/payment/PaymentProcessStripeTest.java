package dev.keel.command.payment;

import com.stripe.StripeClient;
import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.ShippingAddress;
import dev.keel.api.payment.PaymentRequested;
import dev.keel.api.payment.RefundRequested;
import dev.keel.command.order.RecordPaymentFailure;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's refusals for good end the payment process, the real SDK against the stand-in. */
class PaymentProcessStripeTest {

    private static final Money TOTAL = Money.of(2_380, "EUR");

    private final AccountId customer = AccountId.random();
    private final OrderId orderId = OrderId.random();
    private final String aggregate = orderId.toString();
    private StripeStandIn stripe;
    private SagaTestFixture<PaymentProcess> fixture;

    @BeforeEach
    void setUp() throws Exception {
        stripe = new StripeStandIn();
        stripe.answer("/v1/payment_intents", 200, intent("requires_capture"));
        fixture = new SagaTestFixture<>(PaymentProcess.class);
        fixture.registerResource(new StripeGateway(StripeClient.builder().setApiKey("sk_test_keel")
                .setApiBase(stripe.url()).setMaxNetworkRetries(0).build()));
        fixture.registerResource(new PaymentProperties(Duration.ofMinutes(30), "stripe", null));
    }

    @AfterEach
    void close() {
        stripe.close();
    }

    @Test
    void aCaptureAfterTheAuthorizationExpiredIsRecordedOnceAndNotRetried() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 400, """
                {"error": {"type": "invalid_request_error", "code": "payment_intent_unexpected_state",
                 "message": "This PaymentIntent could not be captured because it has a status of canceled."}}""")
                .answer("/v1/payment_intents/search", 200, """
                {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
                 "data": [%s]}""".formatted(intent("canceled")));

        fixture.givenAggregate(aggregate).published(placed(), requested(), new OrderPaid(orderId, customer, "pi_1"))
                .whenAggregate(aggregate).publishes(new OrderFulfilmentStarted(orderId, customer, List.of()))
                .expectDispatchedCommands(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.CAPTURE, 0, null,
                        "payment_intent_unexpected_state"))
                .expectActiveSagas(0);
        assertThat(stripe.requests()).extracting(StripeStandIn.Request::path)
                .containsOnlyOnce("/v1/payment_intents/pi_1/capture");
    }

    @Test
    void aRefundOfAPaymentStripeDoesNotKnowIsRecordedAsRefused() {
        stripe.answer("/v1/payment_intents/pi_1/capture", 200, intent("succeeded"))
                .answer("/v1/refunds", 404, """
                {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_intent",
                 "message": "No such payment_intent: 'pi_1'"}}""");

        fixture.givenAggregate(aggregate).published(placed(), requested(), new OrderPaid(orderId, customer, "pi_1"),
                        new OrderFulfilmentStarted(orderId, customer, List.of()))
                .whenAggregate(aggregate).publishes(new RefundRequested(orderId, customer, 1, TOTAL))
                .expectDispatchedCommands(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.REFUND, 1, TOTAL,
                        "resource_missing"))
                .expectActiveSagas(1);
    }

    private OrderPlaced placed() {
        Money zero = Money.of(0, "EUR");
        return new OrderPlaced(orderId, customer, List.of(),
                new OrderTotals(Money.of(2_000, "EUR"), zero, Money.of(380, "EUR"), TOTAL), null, null, "DE", 1_900,
                new ShippingAddress("Ada Lovelace", "Unter den Linden 1", null, "10117", "Berlin", "DE"), List.of(),
                fixture.currentTime());
    }

    private PaymentRequested requested() {
        return new PaymentRequested(orderId, customer, 1, "pm_card_visa", TOTAL);
    }

    private String intent(String status) {
        return """
                {"id": "pi_1", "object": "payment_intent", "amount": 2380, "currency": "eur", "status": "%s",
                 "capture_method": "manual", "metadata": {"keel_key": "%s"}}"""
                .formatted(status, PaymentKeys.authorize(orderId, 1));
    }
}
