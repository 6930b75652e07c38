package dev.keel.query.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.keel.api.catalog.ProductId;

/** The part of a product document an autocomplete answer needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SuggestedProduct(ProductId productId, String name) {
}
