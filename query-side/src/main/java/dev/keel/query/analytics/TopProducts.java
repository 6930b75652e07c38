package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The best-selling products of a period, per currency, by revenue or by units. The index has one
 * shard, so a terms aggregation ordered by a sum is exact.
 */
@Component
class TopProducts {

    static final int MAX_CURRENCIES = 50;

    private final ElasticsearchClient client;
    private final String index;

    @Autowired
    TopProducts(ElasticsearchClient client) {
        this(client, OrderAnalyticsIndex.ALIAS);
    }

    /** On another index with the same mapping (the latency benchmark's). */
    TopProducts(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /**
     * @param products per currency, best first (ties: product id)
     */
    record Ranking(Instant from, Instant to, String by, List<Product> products) {
    }

    /**
     * @param rank     1 for the best in its currency
     * @param category the category of its latest line in the period, or {@code null}
     */
    record Product(String currency, int rank, @Schema(format = "uuid") String productId, String sku, String productName,
                   @Schema(nullable = true) String category, long orders, long units, long revenueMinor) {
    }

    Ranking top(Period period, String by, int limit) throws IOException {
        String metric = "revenue".equals(by) ? "revenue" : "units";
        SearchResponse<Void> response = client.search(search -> search.index(index).size(0)
                .query(period.sales())
                .aggregations("currencies", currencies -> currencies
                        .terms(terms -> terms.field("currency").size(MAX_CURRENCIES))
                        .aggregations("products", products -> products
                                .terms(terms -> terms.field("productId").size(limit)
                                        .order(NamedValue.of(metric, SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc)))
                                .aggregations("orders", orders -> orders.cardinality(c -> c.field("orderId")
                                        .precisionThreshold(SalesReports.ORDERS_PRECISION)))
                                .aggregations("units", units -> units.sum(sum -> sum.field("quantity")))
                                .aggregations("revenue", revenue -> revenue.sum(sum -> sum.field("lineTotalMinor")))
                                .aggregations("latest", latest -> latest.topHits(hits -> hits.size(1)
                                        .sort(sort -> sort.field(field -> field.field("placedAt").order(SortOrder.Desc)))
                                        .source(source -> source.filter(filter -> filter
                                                .includes("sku", "productName", "category"))))))),
                Void.class);
        List<Product> products = response.aggregations().get("currencies").sterms().buckets().array().stream()
                .flatMap(currency -> ranked(currency.key().stringValue(), currency)).toList();
        return new Ranking(period.from(), period.to(), by, products);
    }

    private static java.util.stream.Stream<Product> ranked(String currency, StringTermsBucket bucket) {
        List<StringTermsBucket> products = bucket.aggregations().get("products").sterms().buckets().array();
        return java.util.stream.IntStream.range(0, products.size()).mapToObj(i -> {
            StringTermsBucket product = products.get(i);
            Map<?, ?> latest = product.aggregations().get("latest").topHits().hits().hits().getFirst().source()
                    .to(Map.class);
            return new Product(currency, i + 1, product.key().stringValue(), (String) latest.get("sku"),
                    (String) latest.get("productName"), (String) latest.get("category"),
                    product.aggregations().get("orders").cardinality().value(),
                    Math.round(product.aggregations().get("units").sum().value()),
                    Math.round(product.aggregations().get("revenue").sum().value()));
        });
    }
}
