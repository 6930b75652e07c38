package dev.keel.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * STAFF: a paid order's goods are picked and leave stock for good.
 *
 * @param expectedVersion the order version the caller last saw, or {@code null} to skip the check
 */
public record StartFulfilment(@TargetAggregateIdentifier OrderId orderId, Long expectedVersion) {
}
