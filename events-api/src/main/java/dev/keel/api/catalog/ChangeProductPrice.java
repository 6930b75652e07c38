package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets a product's unit price. Setting the price it already has changes nothing.
 *
 * @param productId       the product
 * @param price           the new unit price, not negative
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check
 */
public record ChangeProductPrice(@TargetAggregateIdentifier ProductId productId,
                                 Money price,
                                 @TargetAggregateVersion Long expectedVersion) {
}
