package dev.keel.api.catalog;

/** Asks for one product; answered with a {@link ProductView}, or {@code null} when there is none. */
public record FindProduct(ProductId productId) {
}
