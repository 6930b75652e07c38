package dev.keel.api.catalog;

/**
 * Searches the catalog with filters, a sort order, facets and a cursor; answered with a
 * {@link CatalogPage}. Archived products are never in the results. Supersedes the page-numbered
 * {@link SearchProducts}, which goes once {@code GET /v1/products} answers this query.
 *
 * @param text     words to look for in SKU, name and description; {@code null} or blank matches everything
 * @param category only products in this category, or {@code null} for any
 * @param minPrice only products whose price's {@code amountMinor} is at least this, or {@code null}
 * @param maxPrice only products whose price's {@code amountMinor} is at most this, or {@code null}
 * @param inStock  {@code true}: only products with unlimited stock or {@code available > 0};
 *                 {@code null} or {@code false}: any
 * @param sort     the order of the results; {@code null} means {@link ProductSort#RELEVANCE}
 * @param cursor   {@link CatalogPage#nextCursor()} of the page before, or {@code null} for the first
 *                 page; opaque to clients, bound to the same filters and sort
 * @param size     products per page
 */
public record SearchCatalog(String text,
                            String category,
                            Long minPrice,
                            Long maxPrice,
                            Boolean inStock,
                            ProductSort sort,
                            String cursor,
                            int size) {
}
