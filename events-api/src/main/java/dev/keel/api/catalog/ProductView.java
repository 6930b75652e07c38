package dev.keel.api.catalog;

import dev.keel.api.money.Money;

import java.time.Instant;

/**
 * A product as the catalog read model holds it.
 *
 * @param version the product's last event sequence number; send it back as {@code If-Match}
 */
public record ProductView(ProductId productId,
                          String sku,
                          String name,
                          String description,
                          Money price,
                          long version,
                          Instant createdAt,
                          Instant updatedAt) {
}
