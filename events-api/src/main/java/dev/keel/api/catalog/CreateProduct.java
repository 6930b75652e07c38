package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a product to the catalog. The SKU must be unique across the catalog.
 *
 * @param productId   the new product's id, chosen by the caller
 * @param sku         stock-keeping unit, unique
 * @param name        display name
 * @param description free text, may be empty
 * @param price       unit price, not negative
 */
public record CreateProduct(@TargetAggregateIdentifier ProductId productId,
                            String sku,
                            String name,
                            String description,
                            Money price) {
}
