package dev.keel.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * STAFF: an order in fulfilment arrived.
 *
 * @param expectedVersion the order version the caller last saw, or {@code null} to skip the check
 */
public record ConfirmDelivery(@TargetAggregateIdentifier OrderId orderId, Long expectedVersion) {
}
