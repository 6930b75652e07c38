package dev.keel.command.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.CancelledBy;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.ShippingAddress;
import dev.keel.api.payment.PaymentRequested;
import dev.keel.api.payment.RefundRequested;
import dev.keel.command.order.ExpireUnpaidOrder;
import dev.keel.command.order.MarkOrderPaid;
import dev.keel.command.order.OrderChanged;
import dev.keel.command.order.RecordPaymentCaptured;
import dev.keel.command.order.RecordPaymentDeclined;
import dev.keel.command.order.RecordPaymentFailure;
import dev.keel.command.order.RecordPaymentVoided;
import dev.keel.command.order.RecordRefund;
import dev.keel.command.payment.PaymentGateway.GatewayPayment;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.keel.command.payment.PaymentProcess.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

/** Every branch of an order's payment process, against the sandbox gateway. */
class PaymentProcessTest {

    private static final Duration DEADLINE_AFTER = Duration.ofMinutes(30);
    private static final Money TOTAL = Money.of(2_380, "EUR");

    private final SandboxGateway gateway = new SandboxGateway();
    private final AccountId customer = AccountId.random();
    private final OrderId orderId = OrderId.random();
    private final String aggregate = orderId.toString();
    private SagaTestFixture<PaymentProcess> fixture;
    private Instant placedAt;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentProcess.class);
        fixture.registerResource(gateway);
        fixture.registerResource(new PaymentProperties(DEADLINE_AFTER, "sandbox", null));
        placedAt = fixture.currentTime();
    }

    @Test
    void placingAnOrderSetsItsPaymentDeadline() {
        fixture.givenNoPriorActivity()
                .whenAggregate(aggregate).publishes(placed())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(placedAt.plus(DEADLINE_AFTER), DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void anApprovedPaymentMarksTheOrderPaidAndLiftsTheDeadline() {
        fixture.givenAggregate(aggregate).published(placed())
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.APPROVE))
                .expectDispatchedCommands(new MarkOrderPaid(orderId, reference(1, SandboxGateway.APPROVE)))
                .expectNoScheduledDeadlines();
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.AUTHORIZED);
    }

    @Test
    void aDeclinedPaymentIsRecordedAndTheDeadlineStays() {
        fixture.givenAggregate(aggregate).published(placed())
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.DECLINE))
                .expectDispatchedCommands(new RecordPaymentDeclined(orderId, 1, "card_declined"))
                .expectScheduledDeadlineWithName(placedAt.plus(DEADLINE_AFTER), DEADLINE);
    }

    @Test
    void aSecondAttemptAfterADeclineCanPay() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.INSUFFICIENT_FUNDS))
                .whenAggregate(aggregate).publishes(requested(2, SandboxGateway.APPROVE))
                .expectDispatchedCommands(new MarkOrderPaid(orderId, reference(2, SandboxGateway.APPROVE)));
    }

    @Test
    void aTimedOutAuthorizationThatWentThroughIsFoundAtTheGatewayAndChargedOnce() {
        fixture.givenAggregate(aggregate).published(placed())
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.TIMEOUT_THEN_APPROVE))
                .expectDispatchedCommands(new MarkOrderPaid(orderId, reference(1, SandboxGateway.TIMEOUT_THEN_APPROVE)));
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.AUTHORIZED);
    }

    @Test
    void aTimedOutAuthorizationThatWasDeclinedIsRecordedAsDeclined() {
        fixture.givenAggregate(aggregate).published(placed())
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.TIMEOUT_THEN_DECLINE))
                .expectDispatchedCommands(new RecordPaymentDeclined(orderId, 1, "card_declined"))
                .expectScheduledDeadlineWithName(placedAt.plus(DEADLINE_AFTER), DEADLINE);
    }

    @Test
    void fulfilmentCapturesTheAuthorizedPayment() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1))
                .whenAggregate(aggregate).publishes(fulfilment())
                .expectDispatchedCommands(new RecordPaymentCaptured(orderId, fixture.currentTime()))
                .expectActiveSagas(1);
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.CAPTURED);
    }

    @Test
    void aCaptureWhoseAnswerWasLostIsFoundCapturedAndRecordedOnce() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.CAPTURE_TIMEOUT), paid(1))
                .whenAggregate(aggregate).publishes(fulfilment())
                .expectDispatchedCommands(new RecordPaymentCaptured(orderId, fixture.currentTime()));
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.CAPTURED);
    }

    @Test
    void cancellingBeforeCaptureVoidsTheAuthorizationAndEndsTheProcess() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1))
                .whenAggregate(aggregate).publishes(cancelled(OrderStatus.PAID))
                .expectDispatchedCommands(new RecordPaymentVoided(orderId, reference(1, SandboxGateway.APPROVE)))
                .expectActiveSagas(0);
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.VOIDED);
    }

    @Test
    void cancellingAfterCaptureRefundsWhatWasTakenAndEndsTheProcess() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1),
                        fulfilment(), cancelled(OrderStatus.IN_FULFILMENT))
                .whenAggregate(aggregate).publishes(new RefundRequested(orderId, customer, 1, TOTAL))
                .expectDispatchedCommands(new RecordRefund(orderId, 1, TOTAL, refundReference(1)))
                .expectActiveSagas(0);
        assertThat(gateway.find(PaymentKeys.authorize(orderId, 1)).orElseThrow().refundedMinor()).isEqualTo(2_380);
    }

    @Test
    void aPartialRefundGivesThatMuchBackAndKeepsTheProcessForMore() {
        Money part = Money.of(500, "EUR");
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1),
                        fulfilment())
                .whenAggregate(aggregate).publishes(new RefundRequested(orderId, customer, 1, part))
                .expectDispatchedCommands(new RecordRefund(orderId, 1, part, refundReference(1)))
                .expectActiveSagas(1);
        assertThat(gateway.find(PaymentKeys.authorize(orderId, 1)).orElseThrow().refundedMinor()).isEqualTo(500);
    }

    @Test
    void anApprovalForAnOrderCancelledMeanwhileIsVoided() {
        fixture.setCallbackBehavior((command, metadata) -> command instanceof MarkOrderPaid
                ? new OrderChanged(orderId, OrderStatus.CANCELLED, 2) : null);
        fixture.givenAggregate(aggregate).published(placed())
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.APPROVE))
                .expectDispatchedCommands(new MarkOrderPaid(orderId, reference(1, SandboxGateway.APPROVE)),
                        new RecordPaymentVoided(orderId, reference(1, SandboxGateway.APPROVE)))
                .expectActiveSagas(0);
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.VOIDED);
    }

    @Test
    void aRedeliveredPaymentRequestChargesNothingTwice() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1))
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.APPROVE))
                .expectNoDispatchedCommands();
    }

    @Test
    void anOrderUnpaidAtTheDeadlineIsExpired() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.DECLINE))
                .whenTimeElapses(DEADLINE_AFTER.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(DEADLINE)
                .expectDispatchedCommands(new ExpireUnpaidOrder(orderId));
    }

    @Test
    void aPaidOrderHasNoDeadlineToMeet() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1))
                .whenTimeElapses(DEADLINE_AFTER.plusSeconds(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void anExpiredOrdersLateAttemptIsNotSentToTheGateway() throws Exception {
        fixture.givenAggregate(aggregate).published(placed())
                .andThenTimeElapses(DEADLINE_AFTER.plusSeconds(1))
                .whenAggregate(aggregate).publishes(requested(1, SandboxGateway.APPROVE))
                .expectNoDispatchedCommands();
        assertThat(gateway.find(PaymentKeys.authorize(orderId, 1))).isEmpty();
    }

    @Test
    void anOrderPaidOutsideThisProcessEndsIt() {
        fixture.givenAggregate(aggregate).published(placed())
                .whenAggregate(aggregate).publishes(new OrderPaid(orderId, customer, "paid-elsewhere"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    /** Stripe's webhook marked the order paid (one OrderPaid, the same reference), and Stripe sent it twice. */
    @Test
    void aDuplicateWebhookPaymentChangesNothing() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.TIMEOUT_THEN_APPROVE), paid(1))
                .whenAggregate(aggregate).publishes(paid(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void anOrderTheWebhookPaidTwiceIsCapturedOnce() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1), paid(1))
                .whenAggregate(aggregate).publishes(fulfilment())
                .expectDispatchedCommands(new RecordPaymentCaptured(orderId, fixture.currentTime()))
                .expectActiveSagas(1);
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.CAPTURED);
    }

    @Test
    void aCaptureRefusedForGoodIsRecordedOnTheOrderAndEndsTheProcess() {
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.AUTHORIZATION_EXPIRES), paid(1))
                .whenAggregate(aggregate).publishes(fulfilment())
                .expectDispatchedCommands(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.CAPTURE, 0, null,
                        "authorization_expired"))
                .expectActiveSagas(0);
        assertThat(status(1)).isEqualTo(GatewayPayment.Status.VOIDED);
    }

    @Test
    void aRefundTheGatewayRefusesForGoodIsRecordedAndTheProcessGoesOn() {
        Money more = Money.of(2_381, "EUR");
        fixture.givenAggregate(aggregate).published(placed(), requested(1, SandboxGateway.APPROVE), paid(1), fulfilment())
                .whenAggregate(aggregate).publishes(new RefundRequested(orderId, customer, 1, more))
                .expectDispatchedCommands(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.REFUND, 1, more,
                        "refund_not_possible"))
                .expectActiveSagas(1);
        assertThat(gateway.find(PaymentKeys.authorize(orderId, 1)).orElseThrow().refundedMinor()).isZero();
    }

    private OrderPlaced placed() {
        Money zero = Money.of(0, "EUR");
        return new OrderPlaced(orderId, customer, List.of(),
                new OrderTotals(Money.of(2_000, "EUR"), zero, Money.of(380, "EUR"), TOTAL), null, null, "DE", 1_900,
                new ShippingAddress("Ada Lovelace", "Unter den Linden 1", null, "10117", "Berlin", "DE"), List.of(),
                placedAt);
    }

    private PaymentRequested requested(int attempt, String token) {
        return new PaymentRequested(orderId, customer, attempt, token, TOTAL);
    }

    private OrderPaid paid(int attempt) {
        return new OrderPaid(orderId, customer, reference(attempt, SandboxGateway.APPROVE));
    }

    private OrderFulfilmentStarted fulfilment() {
        return new OrderFulfilmentStarted(orderId, customer, List.of());
    }

    private OrderCancelled cancelled(OrderStatus from) {
        return new OrderCancelled(orderId, customer, CancelledBy.STAFF, from, List.of());
    }

    /** What the gateway calls the payment: derived from the idempotency key alone, whatever the token. */
    private String reference(int attempt, String token) {
        return new SandboxGateway().authorize(PaymentKeys.authorize(orderId, attempt), SandboxGateway.APPROVE, TOTAL)
                .paymentReference();
    }

    private String refundReference(int number) {
        SandboxGateway other = new SandboxGateway();
        String payment = other.authorize(PaymentKeys.authorize(orderId, 1), SandboxGateway.APPROVE, TOTAL)
                .paymentReference();
        other.capture("capture", payment, TOTAL);
        return other.refund(PaymentKeys.refund(orderId, number), payment, Money.of(1, "EUR"));
    }

    private GatewayPayment.Status status(int attempt) {
        return gateway.find(PaymentKeys.authorize(orderId, attempt)).orElseThrow().status();
    }
}
