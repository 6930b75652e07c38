package dev.keel.command.order;

import dev.keel.api.order.CancelledBy;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderStatus;
import dev.keel.command.rejection.CommandRejected;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.keel.api.order.OrderStatus.CANCELLED;
import static dev.keel.api.order.OrderStatus.DELIVERED;
import static dev.keel.api.order.OrderStatus.IN_FULFILMENT;
import static dev.keel.api.order.OrderStatus.PAID;
import static dev.keel.api.order.OrderStatus.PLACED;

/** The order lifecycle as a table: each move, the statuses it may start from, and where it leads. */
enum Transition {
    PAY("be marked paid", PAID, PLACED),
    START_FULFILMENT("go into fulfilment", IN_FULFILMENT, PAID),
    DELIVER("be delivered", DELIVERED, IN_FULFILMENT),
    CANCEL_BY_CUSTOMER("be cancelled by its customer", CANCELLED, PLACED, PAID),
    CANCEL_BY_STAFF("be cancelled", CANCELLED, PLACED, PAID, IN_FULFILMENT);

    private final String move;
    private final OrderStatus to;
    private final Set<OrderStatus> from;

    Transition(String move, OrderStatus to, OrderStatus first, OrderStatus... more) {
        this.move = move;
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    static Transition cancelBy(CancelledBy by) {
        return by == CancelledBy.STAFF ? CANCEL_BY_STAFF : CANCEL_BY_CUSTOMER;
    }

    /**
     * @return the status the order moves to
     * @throws CommandRejected 409 {@code order-status-conflict} naming the current status in
     *                         {@code orderStatus} ({@code status} is the problem's HTTP status, RFC 9457)
     */
    OrderStatus from(OrderStatus current, OrderId orderId) {
        if (!from.contains(current)) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "order-status-conflict",
                    "Order " + orderId + " is " + current + "; it cannot " + move + " now",
                    Map.of("orderStatus", current.name()));
        }
        return to;
    }
}
