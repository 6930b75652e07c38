package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
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
 * Distinct customers of a period, by their pseudonymous key, exact. The customers of the period are
 * walked as composite buckets, a page at a time; for each page one more search asks which of those
 * keys had bought before {@code from}: those are returning, the rest new. So the work grows with the
 * customers of the period, not with every customer who ever bought. Cancelled orders count in neither
 * (a customer whose only earlier order was cancelled is new); orders of erased customers have no key
 * and are counted apart.
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
        long customers = 0;
        long returning = 0;
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> response = client.search(search -> search.index(index).size(0)
                    .query(withCustomer(period.sales()))
                    .aggregations("customers", aggregation -> aggregation.composite(composite -> {
                        composite.size(PAGE).sources(List.of(NamedValue.of("customer",
                                CompositeAggregationSource.of(source -> source.terms(terms -> terms.field("customerKey"))))));
                        return from == null ? composite : composite.after(from);
                    })),
                    Void.class);
            CompositeAggregate page = response.aggregations().get("customers").composite();
            List<FieldValue> keys = page.buckets().array().stream().map(bucket -> bucket.key().get("customer")).toList();
            customers += keys.size();
            returning += boughtBefore(period.from(), keys);
            after = keys.isEmpty() ? null : page.afterKey();
        } while (after != null && !after.isEmpty());
        return new Customers(period.from(), period.to(), customers, customers - returning, returning, erasedOrders(period));
    }

    /** How many of these customers have a (not cancelled) order placed before {@code from}. */
    private long boughtBefore(Instant from, List<FieldValue> keys) throws IOException {
        if (keys.isEmpty()) {
            return 0;
        }
        Query earlier = Query.of(q -> q.bool(bool -> bool
                .filter(f -> f.range(range -> range.date(date -> date.field("placedAt").lt(from.toString()))))
                .filter(f -> f.terms(terms -> terms.field("customerKey").terms(values -> values.value(keys))))
                .mustNot(not -> not.term(term -> term.field("status").value(OrderStatus.CANCELLED.name())))));
        SearchResponse<Void> response = client.search(search -> search.index(index).size(0).query(earlier)
                        .aggregations("customers", aggregation -> aggregation.terms(terms -> terms.field("customerKey")
                                .size(keys.size()))),
                Void.class);
        return response.aggregations().get("customers").sterms().buckets().array().size();
    }

    private static Query withCustomer(Query query) {
        return Query.of(q -> q.bool(bool -> bool.filter(query)
                .filter(f -> f.exists(exists -> exists.field("customerKey")))));
    }

    private long erasedOrders(Period period) throws IOException {
        return client.count(count -> count.index(index).query(q -> q.bool(bool -> bool
                .filter(period.sales())
                .filter(f -> f.term(term -> term.field("lineNumber").value(0)))
                .mustNot(not -> not.exists(exists -> exists.field("customerKey")))))).count();
    }
}
