package dev.keel.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lists a product under another category. Setting the category it has changes nothing.
 *
 * @param category        the new category, or {@code null} for none
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check
 */
public record ChangeProductCategory(@TargetAggregateIdentifier ProductId productId,
                                    String category,
                                    Long expectedVersion) {
}
