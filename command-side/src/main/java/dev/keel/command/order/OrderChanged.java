package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderStatus;

/** What a change of an order did: its status and version now (send the version as the next If-Match). */
public record OrderChanged(OrderId orderId, OrderStatus status, long version) {
}
