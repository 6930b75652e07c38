package dev.keel.api.catalog;

import java.util.List;

/** Suggestions for a {@link SuggestProducts}, best first. */
public record ProductSuggestions(List<ProductSuggestion> suggestions) {

    public ProductSuggestions {
        suggestions = List.copyOf(suggestions);
    }
}
