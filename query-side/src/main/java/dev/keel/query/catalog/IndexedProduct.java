package dev.keel.query.catalog;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.money.Money;

import java.time.Instant;
import java.util.List;

/** A document of {@code products-v1} as stored; that index has no category, pictures or stock yet. */
record IndexedProduct(ProductId productId,
                      String sku,
                      String name,
                      String description,
                      Money price,
                      long version,
                      Instant createdAt,
                      Instant updatedAt) {

    ProductView toView() {
        return new ProductView(productId, sku, name, description, price, null, List.of(), null, null, false,
                version, createdAt, updatedAt);
    }
}
