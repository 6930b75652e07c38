package dev.keel.api.catalog;

/**
 * The Elasticsearch index the projections write and the query side searches. Each document is a
 * {@link ProductView} as JSON, with the product id as document id.
 */
public final class ProductSearchIndex {

    /** The alias readers use; it points at the current versioned index. */
    public static final String ALIAS = "products";

    private ProductSearchIndex() {
    }
}
