package dev.keel.projection.catalog;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;

import java.time.Instant;

/**
 * A product's search document: the fields of {@code products-v1}, whose mapping is strict. The
 * query side reads it as a {@code ProductView}; the fields this index lacks read as absent.
 */
record ProductDocument(ProductId productId,
                       String sku,
                       String name,
                       String description,
                       Money price,
                       long version,
                       Instant createdAt,
                       Instant updatedAt) {
}
