package dev.keel.api.catalog;

/** How many matching products are listed under {@code category}. */
public record CategoryCount(String category, long count) {
}
