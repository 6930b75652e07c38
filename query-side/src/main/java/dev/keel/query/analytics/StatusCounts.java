package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.api.order.OrderStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many orders placed in a period are in each status now: each order counted once, on its line 0. */
@Component
class StatusCounts {

    private final ElasticsearchClient client;
    private final String index;

    @Autowired
    StatusCounts(ElasticsearchClient client) {
        this(client, OrderAnalyticsIndex.ALIAS);
    }

    /** On another index with the same mapping (the latency benchmark's). */
    StatusCounts(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** @param orders per status, every status listed (zero when none) */
    record Statuses(Instant from, Instant to, Map<OrderStatus, Long> orders) {
    }

    Statuses count(Period period) throws IOException {
        SearchResponse<Void> response = client.search(search -> search.index(index).size(0)
                .query(q -> q.bool(bool -> bool.filter(period.placed())
                        .filter(f -> f.term(term -> term.field("lineNumber").value(0)))))
                .aggregations("statuses", aggregation -> aggregation.terms(terms -> terms.field("status")
                        .size(OrderStatus.values().length))),
                Void.class);
        Map<OrderStatus, Long> orders = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            orders.put(status, 0L);
        }
        response.aggregations().get("statuses").sterms().buckets().array()
                .forEach(bucket -> orders.put(OrderStatus.valueOf(bucket.key().stringValue()), bucket.docCount()));
        return new Statuses(period.from(), period.to(), orders);
    }
}
