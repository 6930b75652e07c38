package dev.keel.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets how many units of a product are on hand (after a stock count, say). It cannot go below the
 * units that placed orders have reserved.
 *
 * @param stock           units on hand, not negative, or {@code null} for unlimited
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check
 */
public record SetProductStock(@TargetAggregateIdentifier ProductId productId,
                              Long stock,
                              Long expectedVersion) {
}
