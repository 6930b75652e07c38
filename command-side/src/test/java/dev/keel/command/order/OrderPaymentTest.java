package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.api.order.CancelOrder;
import dev.keel.api.order.CancelledBy;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.payment.PayOrder;
import dev.keel.api.payment.PaymentCaptureFailed;
import dev.keel.api.payment.PaymentCaptured;
import dev.keel.api.payment.PaymentVoidFailed;
import dev.keel.api.payment.RefundFailed;
import dev.keel.api.payment.PaymentDeclined;
import dev.keel.api.payment.PaymentRefunded;
import dev.keel.api.payment.PaymentRequested;
import dev.keel.api.payment.PaymentVoided;
import dev.keel.api.payment.RefundOrder;
import dev.keel.api.payment.RefundRequested;
import dev.keel.command.rejection.CommandRejected;
import dev.keel.command.stock.SellableProduct;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.keel.command.order.OrderFixtures.NOW;
import static dev.keel.command.order.OrderFixtures.TO_BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

/** What the order allows of its payment: one attempt at a time, refunds within what was captured. */
class OrderPaymentTest {

    private final OrderFixtures shop = new OrderFixtures();
    private final AccountId customer = AccountId.random();
    private final Money total = eur(2_380);
    private final ReceiptNumbers receipts = new ReceiptNumbers() {
        private int last;

        @Override
        public String next(Instant at) {
            return "%d-%06d".formatted(at.atZone(ZoneOffset.UTC).getYear(), ++last);
        }
    };
    private AggregateTestFixture<Order> fixture;
    private ProductId mug;
    private OrderId orderId;
    private OrderPlaced placed;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(shop.checkout);
        fixture.registerInjectableResource(shop.products);
        fixture.registerInjectableResource(shop.promotions);
        fixture.registerInjectableResource(receipts);
        mug = shop.product("MUG", 1_000, 10L);
        shop.products.put(new SellableProduct(mug, "MUG", "Product MUG", eur(1_000), 10L, 2, false, 0));
        orderId = OrderId.random();
        placed = new OrderPlaced(orderId, customer,
                List.of(new OrderLine(mug, "MUG", "Product MUG", 2, eur(1_000), eur(2_000))),
                new OrderTotals(eur(2_000), eur(0), eur(380), total), null, null, "DE", 1_900, TO_BERLIN,
                List.of(new StockLevel(mug, 10L, 8L, 1)), NOW);
    }

    @Test
    void theCustomerPaysThePlacedOrdersTotal() {
        fixture.given(placed)
                .when(new PayOrder(orderId, customer, "tok_approve"))
                .expectEvents(new PaymentRequested(orderId, customer, 1, "tok_approve", total))
                .expectResultMessagePayload(new PaymentStarted(orderId, 1, "PENDING", 1));
    }

    @Test
    void anotherCustomerHearsTheOrderDoesNotExist() {
        fixture.given(placed)
                .when(new PayOrder(orderId, AccountId.random(), "tok_approve"))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Nothing exists with id " + orderId)
                .expectNoEvents();
    }

    @Test
    void aSecondAttemptWaitsForTheFirstOnesAnswer() {
        fixture.given(placed, requested(1))
                .when(new PayOrder(orderId, customer, "tok_approve"))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " has payment attempt 1 at the gateway; wait for its outcome")
                .expectNoEvents();
    }

    @Test
    void afterADeclineTheCustomerMayTryAgain() {
        fixture.given(placed, requested(1), new PaymentDeclined(orderId, customer, 1, "card_declined"))
                .when(new PayOrder(orderId, customer, "tok_approve"))
                .expectEvents(new PaymentRequested(orderId, customer, 2, "tok_approve", total));
    }

    @Test
    void aPaidOrderIsNotPaidAgain() {
        fixture.given(placed, requested(1), paid())
                .when(new PayOrder(orderId, customer, "tok_approve"))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " is PAID; it has been paid")
                .expectNoEvents();
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        fixture.given(placed, cancelled(OrderStatus.PLACED))
                .when(new PayOrder(orderId, customer, "tok_approve"))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " is CANCELLED; it cannot be marked paid now")
                .expectNoEvents();
    }

    @Test
    void markingPaidAgainWithTheSameReferenceChangesNothing() {
        fixture.given(placed, requested(1), paid())
                .when(new MarkOrderPaid(orderId, "pay-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.PAID, 2));
    }

    @Test
    void anApprovalForACancelledOrderLeavesItCancelledAndSaysSo() {
        fixture.given(placed, requested(1), cancelled(OrderStatus.PLACED))
                .when(new MarkOrderPaid(orderId, "pay-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.CANCELLED, 2));
    }

    @Test
    void aDeclineIsRecordedOncePerAttempt() {
        fixture.given(placed, requested(1), new PaymentDeclined(orderId, customer, 1, "card_declined"))
                .when(new RecordPaymentDeclined(orderId, 1, "card_declined"))
                .expectNoEvents();
    }

    @Test
    void aCaptureIssuesTheYearsNextReceiptNumber() {
        fixture.given(placed, requested(1), paid(), fulfilment())
                .when(new RecordPaymentCaptured(orderId, NOW))
                .expectEvents(new PaymentCaptured(orderId, customer, "pay-1", total, "2026-000001", NOW));
    }

    @Test
    void aCaptureIsRecordedOnceAndTakesNoSecondNumber() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured())
                .when(new RecordPaymentCaptured(orderId, NOW))
                .expectNoEvents();
        assertThat(receipts.next(NOW)).isEqualTo("2026-000001");
    }

    @Test
    void aVoidIsRecordedOnce() {
        fixture.given(placed, requested(1), paid(), cancelled(OrderStatus.PAID),
                        new PaymentVoided(orderId, customer, "pay-1"))
                .when(new RecordPaymentVoided(orderId, "pay-1"))
                .expectNoEvents();
    }

    @Test
    void theUnpaidOrderIsCancelledAtTheDeadlineAndItsStockGoesBack() {
        fixture.given(placed, requested(1), new PaymentDeclined(orderId, customer, 1, "card_declined"))
                .when(new ExpireUnpaidOrder(orderId))
                .expectEvents(new OrderCancelled(orderId, customer, CancelledBy.PAYMENT_DEADLINE, OrderStatus.PLACED,
                        List.of(new StockLevel(mug, 10L, 10L, 1))));
        assertThat(shop.products.get(mug).reserved()).isZero();
    }

    @Test
    void anOrderPaidBeforeTheDeadlineStaysPaid() {
        fixture.given(placed, requested(1), paid())
                .when(new ExpireUnpaidOrder(orderId))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.PAID, 2));
    }

    @Test
    void staffRefundPartOfACapturedPayment() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured())
                .when(new RefundOrder(orderId, 500L))
                .expectEvents(new RefundRequested(orderId, customer, 1, eur(500)));
    }

    @Test
    void aRefundWithoutAmountGivesBackAllThatIsLeft() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(500)))
                .when(new RefundOrder(orderId, null))
                .expectEvents(new RefundRequested(orderId, customer, 2, eur(1_880)));
    }

    @Test
    void noRefundExceedsWhatWasCapturedAndNotYetRefunded() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(2_000)))
                .when(new RefundOrder(orderId, 381L))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " can have 380 refunded (minor units); the refund asks for 381")
                .expectNoEvents();
    }

    @Test
    void nothingIsRefundedBeforeCapture() {
        fixture.given(placed, requested(1), paid())
                .when(new RefundOrder(orderId, 100L))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " has no captured payment to refund; it is authorized"
                        + " only and is voided if the order is cancelled")
                .expectNoEvents();
    }

    @Test
    void cancellingAfterCaptureRefundsWhatIsLeft() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(380)))
                .when(new CancelOrder(orderId, AccountId.random(), CancelledBy.STAFF, null))
                .expectEvents(new OrderCancelled(orderId, customer, CancelledBy.STAFF, OrderStatus.IN_FULFILMENT, List.of()),
                        new RefundRequested(orderId, customer, 2, eur(2_000)));
    }

    @Test
    void aRefundIsRecordedOnce() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(500)),
                        new PaymentRefunded(orderId, customer, 1, eur(500), "re-1"))
                .when(new RecordRefund(orderId, 1, eur(500), "re-1"))
                .expectNoEvents();
    }

    @Test
    void aCaptureRefusedForGoodIsRecordedOnceForStaff() {
        fixture.given(placed, requested(1), paid(), fulfilment())
                .when(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.CAPTURE, 0, null, "authorization_expired"))
                .expectEvents(new PaymentCaptureFailed(orderId, customer, "pay-1", total, "authorization_expired"));
        fixture.given(placed, requested(1), paid(), fulfilment(),
                        new PaymentCaptureFailed(orderId, customer, "pay-1", total, "authorization_expired"))
                .when(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.CAPTURE, 0, null, "authorization_expired"))
                .expectNoEvents();
    }

    @Test
    void aVoidRefusedForGoodIsRecordedOnce() {
        fixture.given(placed, requested(1), paid(), cancelled(OrderStatus.PAID))
                .when(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.VOID, 0, null, "payment_captured"))
                .expectEvents(new PaymentVoidFailed(orderId, customer, "pay-1", "payment_captured"));
    }

    @Test
    void aRefundRefusedForGoodIsRefundableAgain() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(2_380)),
                        new RefundFailed(orderId, customer, 1, eur(2_380), "resource_missing"))
                .when(new RefundOrder(orderId, null))
                .expectEvents(new RefundRequested(orderId, customer, 2, eur(2_380)));
    }

    @Test
    void aRefundRefusedForGoodIsRecordedOnceAndOnlyForARefundAwaitingItsAnswer() {
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(500)))
                .when(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.REFUND, 1, eur(500), "resource_missing"))
                .expectEvents(new RefundFailed(orderId, customer, 1, eur(500), "resource_missing"));
        fixture.given(placed, requested(1), paid(), fulfilment(), captured(),
                        new RefundRequested(orderId, customer, 1, eur(500)),
                        new RefundFailed(orderId, customer, 1, eur(500), "resource_missing"))
                .when(new RecordPaymentFailure(orderId, RecordPaymentFailure.Step.REFUND, 1, eur(500), "resource_missing"))
                .expectNoEvents();
    }

    private PaymentRequested requested(int attempt) {
        return new PaymentRequested(orderId, customer, attempt, "tok_approve", total);
    }

    private OrderPaid paid() {
        return new OrderPaid(orderId, customer, "pay-1");
    }

    private OrderFulfilmentStarted fulfilment() {
        return new OrderFulfilmentStarted(orderId, customer, List.of());
    }

    private PaymentCaptured captured() {
        return new PaymentCaptured(orderId, customer, "pay-1", total, "2026-000009", NOW);
    }

    private OrderCancelled cancelled(OrderStatus from) {
        return new OrderCancelled(orderId, customer, CancelledBy.CUSTOMER, from, List.of());
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
