package dev.keel.query.live;

import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderStatus;

import java.time.Instant;

/** The {@code data:} of a stream event: which order, and where it is now. */
record StreamedChange(OrderId orderId, OrderStatus status, long version, Instant occurredAt) {
}
