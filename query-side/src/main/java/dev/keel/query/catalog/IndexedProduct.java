package dev.keel.query.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A product document as the search index stores it (the projections' {@code ProductDocument}).
 * Fields an older index version lacks read as absent, so searches keep working while a new version
 * is being built; the fields only the index needs (stock sequence, suggestions) are not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IndexedProduct(ProductId productId,
                      String sku,
                      String name,
                      String description,
                      Money price,
                      String category,
                      List<String> imageUrls,
                      Long stock,
                      Long available,
                      Boolean archived,
                      long version,
                      Instant createdAt,
                      Instant updatedAt) {

    ProductView toView() {
        return new ProductView(productId, sku, name, description, price, category, imageUrls, stock, available,
                Boolean.TRUE.equals(archived), version, createdAt, updatedAt);
    }
}
