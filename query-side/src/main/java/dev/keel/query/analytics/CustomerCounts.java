package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.api.order.OrderStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Distinct customers of a period, by their pseudonymous key, exact: every customer who bought before
 * {@code to} is one composite bucket, holding their first purchase ever and their purchases in the
 * period. New: the first purchase is in the period; returning: they had bought before it. Orders of
 * erased customers have no key and count in neither.
 */
@Component
class CustomerCounts {

    private static final int PAGE = 1_000;

    private final ElasticsearchClient client;
    private final String index;

    @Autowired
    CustomerCounts(ElasticsearchClient client) {
        this(client, OrderAnalyticsIndex.ALIAS);
    }

    /** On another index with the same mapping (the latency benchmark's). */
    CustomerCounts(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /**
     * @param customers             distinct customers with a (not cancelled) order in the period
     * @param newCustomers          of them, those whose first order ever is in the period
     * @param returningCustomers    of them, those who had ordered before {@code from}
     * @param ordersOfErasedPersons orders in the period whose customer was erased (no customer key)
     */
    record Customers(Instant from, Instant to, long customers, long newCustomers, long returningCustomers,
                     long ordersOfErasedPersons) {
    }

    Customers count(Period period) throws IOException {
        Query before = Query.of(q -> q.bool(bool -> bool
                .filter(f -> f.range(range -> range.date(date -> date.field("placedAt").lt(period.to().toString()))))
                .filter(f -> f.exists(exists -> exists.field("customerKey")))
                .mustNot(not -> not.term(term -> term.field("status").value(OrderStatus.CANCELLED.name())))));
        long customers = 0;
        long fresh = 0;
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> response = client.search(search -> search.index(index).size(0)
                    .query(before)
                    .aggregations("customers", aggregation -> aggregation
                            .composite(composite -> {
                                composite.size(PAGE).sources(List.of(NamedValue.of("customer",
                                        CompositeAggregationSource.of(source -> source.terms(terms -> terms.field("customerKey"))))));
                                return from == null ? composite : composite.after(from);
                            })
                            .aggregations("first", first -> first.min(min -> min.field("placedAt")))
                            .aggregations("inPeriod", in -> in.filter(period.placed()))),
                    Void.class);
            CompositeAggregate page = response.aggregations().get("customers").composite();
            for (CompositeBucket bucket : page.buckets().array()) {
                if (bucket.aggregations().get("inPeriod").filter().docCount() > 0) {
                    customers++;
                    if (bucket.aggregations().get("first").min().value() >= period.from().toEpochMilli()) {
                        fresh++;
                    }
                }
            }
            after = page.buckets().array().isEmpty() ? null : page.afterKey();
        } while (after != null && !after.isEmpty());
        return new Customers(period.from(), period.to(), customers, fresh, customers - fresh, erasedOrders(period));
    }

    private long erasedOrders(Period period) throws IOException {
        return client.count(count -> count.index(index).query(q -> q.bool(bool -> bool
                .filter(period.sales())
                .filter(f -> f.term(term -> term.field("lineNumber").value(0)))
                .mustNot(not -> not.exists(exists -> exists.field("customerKey")))))).count();
    }
}
