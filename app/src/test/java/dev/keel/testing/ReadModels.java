package dev.keel.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.api.catalog.ProductSearchIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Whole read-model rows and search documents, every column and field, so a test can say that
 * something left them exactly as they were.
 */
@Component
public class ReadModels {

    private final JdbcClient jdbc;
    private final ElasticsearchClient elasticsearch;

    ReadModels(JdbcClient jdbc, ElasticsearchClient elasticsearch) {
        this.jdbc = jdbc;
        this.elasticsearch = elasticsearch;
    }

    /** Rows of the product table as JSON, ordered by product id. */
    public List<String> productRows(Collection<String> productIds) {
        return rows("SELECT to_jsonb(p)::text FROM product p WHERE product_id::text IN (:ids) ORDER BY product_id",
                productIds);
    }

    /** Rows of product_stock and catalog_change for these products, ordered by product id and position. */
    public List<String> productStockAndChangeRows(Collection<String> productIds) {
        List<String> rows = new ArrayList<>(rows(
                "SELECT to_jsonb(s)::text FROM product_stock s WHERE product_id::text IN (:ids) ORDER BY product_id",
                productIds));
        rows.addAll(rows("""
                SELECT to_jsonb(c)::text FROM catalog_change c WHERE product_id::text IN (:ids)
                ORDER BY product_id, position""", productIds));
        return rows;
    }

    /** Rows of customer_order and order_change for these orders, ordered by order id and position. */
    public List<String> orderRows(Collection<String> orderIds) {
        List<String> rows = new ArrayList<>(rows(
                "SELECT to_jsonb(o)::text FROM customer_order o WHERE order_id::text IN (:ids) ORDER BY order_id",
                orderIds));
        rows.addAll(rows("""
                SELECT to_jsonb(c)::text FROM order_change c WHERE order_id::text IN (:ids)
                ORDER BY order_id, position""", orderIds));
        return rows;
    }

    public List<String> accountRows(Collection<String> accountIds) {
        return rows("SELECT to_jsonb(a)::text FROM account a WHERE account_id::text IN (:ids) ORDER BY account_id",
                accountIds);
    }

    /** Every session row of these accounts, revoked ones included. */
    public List<String> sessionRows(Collection<String> accountIds) {
        return rows("""
                SELECT to_jsonb(s)::text FROM account_session s WHERE account_id::text IN (:ids)
                ORDER BY session_id""", accountIds);
    }

    /** The search documents of these products, in the order of the ids; a product without one is left out. */
    @SuppressWarnings("rawtypes")
    public List<Map> searchDocuments(Collection<String> productIds) {
        try {
            return elasticsearch.mget(get -> get.index(ProductSearchIndex.ALIAS).ids(List.copyOf(productIds)), Map.class)
                    .docs().stream()
                    .filter(doc -> doc.isResult() && doc.result().found())
                    .map(doc -> doc.result().source())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The order-analytics documents of these orders, by order and line, each with its id. */
    @SuppressWarnings("rawtypes")
    public List<Map> orderLineDocuments(Collection<String> orderIds) {
        try {
            List<FieldValue> ids = orderIds.stream().map(FieldValue::of).toList();
            // A search sees only what the last refresh made visible
            elasticsearch.indices().refresh(refresh -> refresh.index(OrderAnalyticsIndex.ALIAS));
            return elasticsearch.search(search -> search.index(OrderAnalyticsIndex.ALIAS).size(1_000)
                            .query(query -> query.terms(terms -> terms.field("orderId").terms(values -> values.value(ids))))
                            .sort(sort -> sort.field(field -> field.field("orderId").order(SortOrder.Asc)))
                            .sort(sort -> sort.field(field -> field.field("lineNumber").order(SortOrder.Asc))), Map.class)
                    .hits().hits().stream()
                    .map(hit -> (Map) Map.of("id", hit.id(), "source", hit.source()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> rows(String sql, Collection<String> ids) {
        return jdbc.sql(sql).param("ids", List.copyOf(ids)).query(String.class).list();
    }
}
