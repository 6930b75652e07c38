package dev.keel.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stops selling a product for good. Orders placed before keep it; new orders and quotes refuse it,
 * and an archived product takes no further changes.
 *
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check
 */
public record ArchiveProduct(@TargetAggregateIdentifier ProductId productId, Long expectedVersion) {
}
