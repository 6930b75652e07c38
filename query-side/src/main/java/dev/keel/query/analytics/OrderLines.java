package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.api.order.OrderStatus;
import dev.keel.query.paging.Cursors;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Order lines, newest first, a page at a time ({@code search_after} on placement time, order id and
 * line number, so every line has one place and no page skips or repeats one); the export walks the
 * same pages to the end.
 */
@Component
class OrderLines {

    private static final List<SortOptions> SORT = List.of(
            SortOptions.of(s -> s.field(f -> f.field("placedAt").order(SortOrder.Desc))),
            SortOptions.of(s -> s.field(f -> f.field("orderId").order(SortOrder.Asc))),
            SortOptions.of(s -> s.field(f -> f.field("lineNumber").order(SortOrder.Asc))));

    private static final int EXPORT_PAGE = 1_000;

    private final ElasticsearchClient client;
    private final String index;

    @Autowired
    OrderLines(ElasticsearchClient client) {
        this(client, OrderAnalyticsIndex.ALIAS);
    }

    /** On another index with the same mapping (the latency benchmark's). */
    OrderLines(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** @param nextCursor where the next page starts, or {@code null} after the last */
    record Page(List<OrderLineView> items, @Schema(nullable = true) String nextCursor) {
    }

    /** What a cursor is bound to: these filters. */
    static String scope(Period period, OrderStatus status, String text) {
        return String.join("|", "analytics-orders", period.from().toString(), period.to().toString(),
                Objects.toString(status, ""), text == null ? "" : text.trim());
    }

    /** @throws org.springframework.web.ErrorResponseException 400 {@code invalid-cursor} */
    Page page(Period period, OrderStatus status, String text, String cursor, int size) throws IOException {
        String scope = scope(period, status, text);
        List<FieldValue> after = cursor == null ? List.of() : Cursors.decode(cursor, scope, 3).stream()
                .map(value -> value instanceof Long number ? FieldValue.of(number) : FieldValue.of((String) value)).toList();
        return page(period.lines(status, text), scope, after, size);
    }

    /**
     * Every line the filters match, as CSV rows after a header row, read a page at a time as the
     * client takes them: memory stays at one page whatever the export's size.
     */
    Flux<String> csv(Period period, OrderStatus status, String text) {
        Query query = period.lines(status, text);
        return Mono.fromCallable(() -> hits(query, List.of(), EXPORT_PAGE))
                .expand(hits -> hits.size() < EXPORT_PAGE ? Mono.empty()
                        : Mono.fromCallable(() -> hits(query, hits.getLast().sort(), EXPORT_PAGE)))
                .subscribeOn(Schedulers.boundedElastic())
                .concatMapIterable(hits -> hits.stream().map(hit -> hit.source().csv()).toList())
                .startWith(OrderLineView.CSV_HEADER + "\r\n");
    }

    private List<Hit<OrderLineView>> hits(Query query, List<FieldValue> after, int size) throws IOException {
        SearchResponse<OrderLineView> response = client.search(search -> {
            search.index(index).query(query).sort(SORT).size(size).trackTotalHits(t -> t.enabled(false));
            return after.isEmpty() ? search : search.searchAfter(after);
        }, OrderLineView.class);
        return response.hits().hits();
    }

    private Page page(Query query, String scope, List<FieldValue> after, int size) throws IOException {
        List<Hit<OrderLineView>> hits = hits(query, after, size + 1);
        List<Hit<OrderLineView>> page = hits.subList(0, Math.min(hits.size(), size));
        String next = hits.size() > size ? Cursors.encode(scope, page.getLast().sort().stream()
                .map(value -> value.isLong() ? (Object) value.longValue() : value.stringValue()).toList()) : null;
        return new Page(page.stream().map(Hit::source).toList(), next);
    }
}
