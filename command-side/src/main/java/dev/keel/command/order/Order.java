package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.order.CancelOrder;
import dev.keel.api.order.CancelledBy;
import dev.keel.api.order.ConfirmDelivery;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderDelivered;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderView;
import dev.keel.api.order.PlaceOrder;
import dev.keel.api.order.StartFulfilment;
import dev.keel.api.money.Money;
import dev.keel.api.payment.PayOrder;
import dev.keel.api.payment.PaymentCaptureFailed;
import dev.keel.api.payment.PaymentCaptured;
import dev.keel.api.payment.PaymentDeclined;
import dev.keel.api.payment.PaymentRefunded;
import dev.keel.api.payment.PaymentRequested;
import dev.keel.api.payment.PaymentVoidFailed;
import dev.keel.api.payment.PaymentVoided;
import dev.keel.api.payment.RefundFailed;
import dev.keel.api.payment.RefundOrder;
import dev.keel.api.payment.RefundRequested;
import dev.keel.api.promotion.PromotionId;
import dev.keel.command.promotion.PromotionBook;
import dev.keel.command.rejection.ExpectedVersion;
import dev.keel.command.stock.SellableProducts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order, from placed to delivered or cancelled. It knows its customer, so a customer can never
 * change another's order; its stock and promotion use live in rows it changes in the command's
 * transaction (docs/commerce.md).
 */
@Aggregate(cache = "orderCache")
class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private AccountId customerId;
    private OrderStatus status;
    private List<OrderLine> lines;
    private PromotionId promotionId;
    private Money total;
    private OrderPayment payment;

    Order() {
        // for Axon
    }

    /** @return the order as placed; a retry under the same Idempotency-Key answers it again */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    OrderView handle(PlaceOrder command, Checkout checkout) {
        OrderPlaced placed = checkout.place(command);
        apply(placed);
        return new OrderView(placed.orderId(), placed.customerId(), OrderStatus.PLACED, 0, placed.lines(),
                placed.totals(), placed.promotionCode(), placed.placedAt(), placed.placedAt());
    }

    /** Another customer hears the order does not exist; one attempt at a time, none once paid. */
    @CommandHandler
    PaymentStarted handle(PayOrder command) {
        if (!customerId.equals(command.requestedBy())) {
            throw OrderProblems.notFound(orderId);
        }
        payment.checkCanStart(status, orderId);
        int attempt = payment.attempts() + 1;
        apply(new PaymentRequested(orderId, customerId, attempt, command.paymentMethodToken(), total));
        return new PaymentStarted(orderId, attempt, "PENDING", AggregateLifecycle.getVersion());
    }

    /**
     * A cancelled order stays cancelled and says so: the payment process voids the authorization. The
     * same reference again (a redelivered event) changes nothing.
     */
    @CommandHandler
    OrderChanged handle(MarkOrderPaid command) {
        if (status == OrderStatus.CANCELLED
                || (status != OrderStatus.PLACED && command.paymentReference().equals(payment.reference()))) {
            return changed();
        }
        Transition.PAY.from(status, orderId);
        apply(new OrderPaid(orderId, customerId, command.paymentReference()));
        return changed();
    }

    @CommandHandler
    void handle(RecordPaymentDeclined command) {
        if (payment.pending() && payment.attempts() == command.attempt()) {
            apply(new PaymentDeclined(orderId, customerId, command.attempt(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentCaptured command, ReceiptNumbers receipts) {
        if (payment.captured() == null) {
            apply(new PaymentCaptured(orderId, customerId, payment.reference(), total, receipts.next(command.at()),
                    command.at()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentVoided command) {
        if (!payment.voided()) {
            apply(new PaymentVoided(orderId, customerId, command.paymentReference()));
        }
    }

    @CommandHandler
    OrderChanged handle(RefundOrder command) {
        apply(new RefundRequested(orderId, customerId, payment.refundsRequested() + 1,
                payment.refund(command.amountMinor(), orderId)));
        return changed();
    }

    @CommandHandler
    void handle(RecordRefund command) {
        if (payment.awaitsRefund(command.refundNumber())) {
            apply(new PaymentRefunded(orderId, customerId, command.refundNumber(), command.amount(),
                    command.refundReference()));
        }
    }

    /** A step the gateway refused for good is recorded once, for STAFF to act on; the payment process stops. */
    @CommandHandler
    void handle(RecordPaymentFailure command) {
        switch (command.step()) {
            case CAPTURE -> {
                if (payment.captured() == null && !payment.stopped()) {
                    apply(new PaymentCaptureFailed(orderId, customerId, payment.reference(), total, command.reason()));
                }
            }
            case VOID -> {
                if (!payment.voided() && !payment.stopped()) {
                    apply(new PaymentVoidFailed(orderId, customerId, payment.reference(), command.reason()));
                }
            }
            case REFUND -> {
                if (payment.awaitsRefund(command.refundNumber())) {
                    apply(new RefundFailed(orderId, customerId, command.refundNumber(), command.refund(),
                            command.reason()));
                }
            }
        }
    }

    /** The goods leave stock for good here: stock and reservation both drop by the quantities. */
    @CommandHandler
    OrderChanged handle(StartFulfilment command, SellableProducts stock) {
        ExpectedVersion.check(command.expectedVersion(), "Order " + orderId);
        Transition.START_FULFILMENT.from(status, orderId);
        apply(new OrderFulfilmentStarted(orderId, customerId, eachProduct(stock::ship)));
        return changed();
    }

    @CommandHandler
    OrderChanged handle(ConfirmDelivery command) {
        ExpectedVersion.check(command.expectedVersion(), "Order " + orderId);
        Transition.DELIVER.from(status, orderId);
        apply(new OrderDelivered(orderId, customerId));
        return changed();
    }

    /**
     * Another customer hears the order does not exist, before any other check. Reserved stock and the
     * promotion's use go back; goods already in fulfilment stay out of stock (STAFF add them back with
     * a stock adjustment when they return).
     */
    @CommandHandler
    OrderChanged handle(CancelOrder command, SellableProducts stock, PromotionBook promotions) {
        if (command.by() == CancelledBy.CUSTOMER && !customerId.equals(command.requestedBy())) {
            throw OrderProblems.notFound(orderId);
        }
        ExpectedVersion.check(command.expectedVersion(), "Order " + orderId);
        Transition.cancelBy(command.by()).from(status, orderId);
        cancel(command.by(), stock, promotions);
        return changed();
    }

    /** Still unpaid at the payment deadline: cancelled. Paid (or cancelled) meanwhile: left as it is. */
    @CommandHandler
    OrderChanged handle(ExpireUnpaidOrder command, SellableProducts stock, PromotionBook promotions) {
        if (status == OrderStatus.PLACED) {
            cancel(CancelledBy.PAYMENT_DEADLINE, stock, promotions);
        }
        return changed();
    }

    /** Money already captured goes back with it: all that is left is refunded. */
    private void cancel(CancelledBy by, SellableProducts stock, PromotionBook promotions) {
        List<StockLevel> released = status == OrderStatus.IN_FULFILMENT ? List.of() : eachProduct(stock::release);
        if (promotionId != null) {
            promotions.giveBack(promotionId, customerId);
        }
        apply(new OrderCancelled(orderId, customerId, by, status, released));
        if (payment.refundable() > 0) {
            apply(new RefundRequested(orderId, customerId, payment.refundsRequested() + 1, payment.refund(null, orderId)));
        }
    }

    /** Changes each product's row in product-id order, the order every command locks them in. */
    private List<StockLevel> eachProduct(BiFunction<ProductId, Long, StockLevel> change) {
        return lines.stream()
                .sorted(Comparator.comparing(line -> line.productId().value()))
                .map(line -> change.apply(line.productId(), (long) line.quantity()))
                .toList();
    }

    private OrderChanged changed() {
        return new OrderChanged(orderId, status, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        customerId = event.customerId();
        status = OrderStatus.PLACED;
        lines = event.lines();
        promotionId = event.promotionId();
        total = event.totals().total();
        payment = OrderPayment.NONE;
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        payment = payment.withRequest();
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        payment = payment.withAnswer(null);
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        payment = payment.withCapture(event.amount());
    }

    @EventSourcingHandler
    void on(PaymentVoided event) {
        payment = payment.withVoid();
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        payment = payment.withRefundRequested(event.amount());
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        payment = payment.withRefundDone();
    }

    @EventSourcingHandler
    void on(PaymentCaptureFailed event) {
        payment = payment.withStop();
    }

    @EventSourcingHandler
    void on(PaymentVoidFailed event) {
        payment = payment.withStop();
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        payment = payment.withRefundFailed(event.amount());
    }

    @EventSourcingHandler
    void on(OrderPaid event) {
        status = OrderStatus.PAID;
        payment = payment.withAnswer(event.paymentReference());
    }

    @EventSourcingHandler
    void on(OrderFulfilmentStarted event) {
        status = OrderStatus.IN_FULFILMENT;
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }
}
