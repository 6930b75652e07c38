package dev.keel.api.catalog;

/**
 * Autocomplete: products whose name starts with what the user typed; answered with
 * {@link ProductSuggestions}. Archived products are never suggested.
 *
 * @param prefix the beginning of a word in the name, as typed
 * @param size   the most suggestions to answer
 */
public record SuggestProducts(String prefix, int size) {
}
