package dev.keel.api.catalog;

import org.axonframework.serialization.Revision;

/**
 * STAFF added units to a product's stock or took them away.
 *
 * @param delta      units added (positive) or taken away (negative)
 * @param stockLevel the result
 */
@Revision("1")
public record ProductStockAdjusted(ProductId productId, long delta, StockLevel stockLevel) {
}
