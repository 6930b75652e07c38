package dev.keel.api.order;

import dev.keel.api.catalog.ProductId;

/** A product and how many of it, as a customer asks for it: no price, the catalog has that. */
public record BasketLine(ProductId productId, int quantity) {
}
