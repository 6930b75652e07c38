package dev.keel.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the units on hand by {@code delta}: a delivery from a supplier (positive), breakage
 * (negative). Only for products with a counted stock; it cannot go below the reserved units.
 *
 * @param delta           units added (positive) or taken away (negative), not zero
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check
 */
public record AdjustProductStock(@TargetAggregateIdentifier ProductId productId,
                                 long delta,
                                 Long expectedVersion) {
}
