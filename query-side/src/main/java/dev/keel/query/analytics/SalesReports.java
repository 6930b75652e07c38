package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.web.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sales per bucket, currency and group, from one composite aggregation paged through to the end:
 * exact bucket keys and sums at any number of buckets (a terms aggregation would cut them off).
 * Orders are counted with {@code cardinality}, exact below {@link #ORDERS_PRECISION} (docs/analytics.md).
 */
@Component
class SalesReports {

    /**
     * Exact below this many distinct orders per bucket, within a few percent above. Each bucket's
     * counter takes up to eight bytes per unit of it, so with {@link #PAGE} it bounds the memory one
     * page takes on the node (docs/analytics.md).
     */
    static final int ORDERS_PRECISION = 3_000;
    private static final int PAGE = 200;

    /**
     * The most buckets one report answers. Every page of a composite aggregation scans the whole
     * period again, so a report of 200,000 buckets (a year by week and product) took minutes on a
     * million lines (bench/README.md); a report that size is a table to export, not a chart.
     */
    static final int MAX_BUCKETS = 10_000;

    private final ElasticsearchClient client;
    private final String index;

    @Autowired
    SalesReports(ElasticsearchClient client) {
        this(client, OrderAnalyticsIndex.ALIAS);
    }

    /** On another index with the same mapping (the latency benchmark's). */
    SalesReports(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    SalesReport sales(Period period, String interval, String groupBy) throws IOException {
        List<NamedValue<CompositeAggregationSource>> sources = new ArrayList<>(List.of(
                NamedValue.of("start", CompositeAggregationSource.of(source -> source.dateHistogram(histogram -> histogram
                        .field("placedAt").calendarInterval(Time.of(time -> time.time(interval))).timeZone("UTC")))),
                NamedValue.of("currency", CompositeAggregationSource.of(source -> source.terms(terms -> terms.field("currency"))))));
        if (groupBy != null) {
            sources.add(NamedValue.of("group", CompositeAggregationSource.of(source -> source.terms(terms -> terms
                    .field(field(groupBy)).missingBucket(true)))));
        }
        List<SalesReport.Bucket> buckets = new ArrayList<>();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> response = client.search(search -> search.index(index).size(0)
                    .query(period.sales())
                    .aggregations("buckets", aggregation -> aggregation
                            .composite(composite -> {
                                composite.size(PAGE).sources(sources);
                                return from == null ? composite : composite.after(from);
                            })
                            .aggregations("orders", orders -> orders.cardinality(c -> c.field("orderId")
                                    .precisionThreshold(ORDERS_PRECISION)))
                            .aggregations("units", units -> units.sum(sum -> sum.field("quantity")))
                            .aggregations("revenue", revenue -> revenue.sum(sum -> sum.field("lineTotalMinor")))),
                    Void.class);
            CompositeAggregate page = response.aggregations().get("buckets").composite();
            page.buckets().array().forEach(bucket -> buckets.add(bucket(bucket, groupBy != null)));
            if (buckets.size() > MAX_BUCKETS) {
                throw Problems.error(HttpStatus.UNPROCESSABLE_CONTENT, "report-too-large", "This report has more than "
                        + MAX_BUCKETS + " buckets (time buckets x currencies" + (groupBy == null ? "" : " x " + groupBy)
                        + "s); choose a shorter period, a longer interval or " + (groupBy == null ? "" : "no or another ")
                        + "grouping, or read the order lines through /v1/analytics/export");
            }
            after = page.buckets().array().isEmpty() ? null : page.afterKey();
        } while (after != null && !after.isEmpty());
        return new SalesReport(period.from(), period.to(), interval, groupBy, buckets);
    }

    private static SalesReport.Bucket bucket(CompositeBucket bucket, boolean grouped) {
        long orders = bucket.aggregations().get("orders").cardinality().value();
        long units = Math.round(bucket.aggregations().get("units").sum().value());
        long revenue = Math.round(bucket.aggregations().get("revenue").sum().value());
        return new SalesReport.Bucket(Instant.ofEpochMilli(bucket.key().get("start").longValue()),
                grouped ? text(bucket.key().get("group")) : null, bucket.key().get("currency").stringValue(),
                orders, units, revenue, SalesReport.average(revenue, orders));
    }

    /** A product without a category is grouped under {@code null}. */
    private static String text(FieldValue value) {
        return value == null || value.isNull() ? null : value.stringValue();
    }

    private static String field(String groupBy) {
        return switch (groupBy) {
            case "category" -> "category";
            case "product" -> "productId";
            case "country" -> "country";
            default -> throw new IllegalArgumentException("No group " + groupBy);
        };
    }
}
