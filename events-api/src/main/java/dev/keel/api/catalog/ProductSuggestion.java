package dev.keel.api.catalog;

/** One autocomplete suggestion: the text to show and the product it completes to. */
public record ProductSuggestion(String text, ProductId productId) {
}
