package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets a product's unit price. Setting the price it already has changes nothing.
 *
 * @param productId       the product
 * @param price           the new unit price, not negative
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check;
 *                        the product checks it, so a version from the future is a conflict too
 */
public record ChangeProductPrice(@TargetAggregateIdentifier ProductId productId,
                                 Money price,
                                 Long expectedVersion) {
}
