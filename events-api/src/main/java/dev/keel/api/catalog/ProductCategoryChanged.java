package dev.keel.api.catalog;

import org.axonframework.serialization.Revision;

/** A product moved from {@code previousCategory} to {@code category}; either may be {@code null} (none). */
@Revision("1")
public record ProductCategoryChanged(ProductId productId, String category, String previousCategory) {
}
