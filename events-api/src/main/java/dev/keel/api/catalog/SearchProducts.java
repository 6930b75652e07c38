package dev.keel.api.catalog;

/**
 * Full-text search over the catalog by page number; answered with a {@link ProductPage}. Being
 * replaced by {@link SearchCatalog} (cursors, filters, facets), which the query side moves to.
 *
 * @param text words to look for in SKU, name and description; blank lists every product
 * @param page zero-based page number
 * @param size products per page
 */
public record SearchProducts(String text, int page, int size) {
}
