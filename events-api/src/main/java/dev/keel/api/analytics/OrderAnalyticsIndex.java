package dev.keel.api.analytics;

/**
 * The Elasticsearch index of order lines the projections write and the analytics endpoints read: one
 * document per order line (id {@code <orderId>:<lineNumber>}), no personal data. The customer appears
 * only as {@code customerKey}, an HMAC of the customer id under a key derived from that person's own
 * data key; once the person is erased, nobody can compute it again and their lines lose it.
 */
public final class OrderAnalyticsIndex {

    /** The alias readers use; it points at the complete index while a rebuild fills a new one. */
    public static final String ALIAS = "order-analytics";

    /** The alias the projection writes through; during a rebuild, the index being filled. */
    public static final String WRITE_ALIAS = "order-analytics-write";

    /** The prefix of every physical index; a rebuild creates the next one beside the served one. */
    public static final String PREFIX = "order-analytics-v1-";

    private OrderAnalyticsIndex() {
    }
}
