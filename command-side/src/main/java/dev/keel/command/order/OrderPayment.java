package dev.keel.command.order;

import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderStatus;
import dev.keel.command.rejection.CommandRejected;

import java.util.Map;

import static dev.keel.command.rejection.CommandRejected.Kind.CONFLICT;
import static dev.keel.command.rejection.CommandRejected.Kind.UNPROCESSABLE;

/**
 * What the order knows of its payment, and the rules of paying and refunding. Kept in the order's own
 * events, so order status and payment state can never disagree (docs/payments.md).
 *
 * @param attempts         payment requests so far
 * @param pending          an attempt is at the gateway and has no answer yet
 * @param reference        the authorization's id at the gateway, once authorized
 * @param captured         the money taken, or {@code null}
 * @param refundsRequested refunds asked for so far
 * @param refundsDone      refunds the gateway answered (paid back or refused for good)
 * @param refundedMinor    what the requested refunds add up to, less those refused for good
 * @param stopped          the gateway refused a capture or void for good: the payment process ended there
 */
record OrderPayment(int attempts, boolean pending, String reference, Money captured, boolean voided,
                    int refundsRequested, int refundsDone, long refundedMinor, boolean stopped) {

    static final OrderPayment NONE = new OrderPayment(0, false, null, null, false, 0, 0, 0, false);

    /** @throws CommandRejected when the order cannot take a payment now */
    void checkCanStart(OrderStatus status, OrderId orderId) {
        if (status == OrderStatus.PAID || status == OrderStatus.IN_FULFILMENT || status == OrderStatus.DELIVERED) {
            throw new CommandRejected(CONFLICT, "order-already-paid", "Order " + orderId + " is " + status
                    + "; it has been paid", Map.of("orderStatus", status.name()));
        }
        if (status == OrderStatus.PLACED && pending) {
            throw new CommandRejected(CONFLICT, "payment-in-progress", "Order " + orderId + " has payment attempt "
                    + attempts + " at the gateway; wait for its outcome", Map.of("attempt", attempts));
        }
        Transition.PAY.from(status, orderId);
    }

    /** @return what a refund of {@code amountMinor} (null: all that is left) gives back */
    Money refund(Long amountMinor, OrderId orderId) {
        if (captured == null) {
            throw new CommandRejected(CONFLICT, "payment-not-captured", "Order " + orderId
                    + " has no captured payment to refund" + (reference == null ? "" : "; it is authorized only"
                    + " and is voided if the order is cancelled"));
        }
        long refundable = captured.amountMinor() - refundedMinor;
        long amount = amountMinor == null ? refundable : amountMinor;
        if (amount > refundable || refundable == 0) {
            throw new CommandRejected(UNPROCESSABLE, "refund-exceeds-captured", "Order " + orderId + " can have "
                    + refundable + " refunded (minor units); the refund asks for " + amount,
                    Map.of("refundable", new Money(refundable, captured.currency())));
        }
        return new Money(amount, captured.currency());
    }

    /** @return what is captured and not yet refunded, in minor units */
    long refundable() {
        return captured == null ? 0 : captured.amountMinor() - refundedMinor;
    }

    OrderPayment withRequest() {
        return new OrderPayment(attempts + 1, true, reference, captured, voided, refundsRequested, refundsDone,
                refundedMinor, stopped);
    }

    OrderPayment withAnswer(String authorization) {
        return new OrderPayment(attempts, false, authorization, captured, voided, refundsRequested, refundsDone,
                refundedMinor, stopped);
    }

    OrderPayment withCapture(Money amount) {
        return new OrderPayment(attempts, pending, reference, amount, voided, refundsRequested, refundsDone,
                refundedMinor, stopped);
    }

    OrderPayment withVoid() {
        return new OrderPayment(attempts, pending, reference, captured, true, refundsRequested, refundsDone,
                refundedMinor, stopped);
    }

    OrderPayment withRefundRequested(Money amount) {
        return new OrderPayment(attempts, pending, reference, captured, voided, refundsRequested + 1, refundsDone,
                refundedMinor + amount.amountMinor(), stopped);
    }

    OrderPayment withRefundDone() {
        return new OrderPayment(attempts, pending, reference, captured, voided, refundsRequested, refundsDone + 1,
                refundedMinor, stopped);
    }

    OrderPayment withStop() {
        return new OrderPayment(attempts, pending, reference, captured, voided, refundsRequested, refundsDone,
                refundedMinor, true);
    }

    /** A refund refused for good gave nothing back: its amount is refundable again. */
    OrderPayment withRefundFailed(Money amount) {
        return new OrderPayment(attempts, pending, reference, captured, voided, refundsRequested, refundsDone + 1,
                refundedMinor - amount.amountMinor(), stopped);
    }

    /** @return whether a refund's answer is due: requested, and not answered yet */
    boolean awaitsRefund(int refundNumber) {
        return refundNumber > refundsDone && refundNumber <= refundsRequested;
    }
}
