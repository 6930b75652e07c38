package dev.keel.api.catalog;

import org.axonframework.serialization.Revision;

/** STAFF set a product's stock; {@code stockLevel} is the result (available = stock minus reserved). */
@Revision("1")
public record ProductStockSet(ProductId productId, StockLevel stockLevel) {
}
