package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.serialization.Revision;

/** A product was added to the catalog. */
@Revision("1")
public record ProductCreated(ProductId productId,
                             String sku,
                             String name,
                             String description,
                             Money price) {
}
