package dev.keel.api.catalog;

/** The orders a catalog search can sort in. Ties are broken by product id, so cursors are stable. */
public enum ProductSort {
    /** Best match for the words first; without words, by name. */
    RELEVANCE,
    /** Cheapest first. */
    PRICE_ASC,
    /** Most expensive first. */
    PRICE_DESC,
    /** Most recently created first. */
    NEWEST
}
