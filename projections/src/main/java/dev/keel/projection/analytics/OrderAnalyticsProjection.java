package dev.keel.projection.analytics;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import dev.keel.api.account.AccountErased;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.api.catalog.ProductCategoryChanged;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderDelivered;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.projection.batch.BulkDocuments;
import dev.keel.projection.erasure.PersonalReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The order-analytics index ({@link OrderAnalyticsIndex}): a document per order line, written when
 * the order is placed and moved along by its status events. One segment, so events come in the order
 * they were stored: a product's category before its orders, an order's placement before its status,
 * a person's orders before their erasure. The customer key is computed when the line is written, and
 * after an erasure it cannot be: lines written later have none, and {@link AccountErased} blanks it on
 * the lines written before (docs/analytics.md).
 */
@Component
@ProcessingGroup(OrderAnalyticsProjection.GROUP)
class OrderAnalyticsProjection implements PersonalReadModel {

    static final String GROUP = "order-analytics";

    private final BulkDocuments documents;
    private final JdbcClient jdbc;
    private final CustomerPseudonyms pseudonyms;
    private final OrderAnalyticsIndexes indexes;

    OrderAnalyticsProjection(BulkDocuments documents, JdbcClient jdbc, CustomerPseudonyms pseudonyms,
                             OrderAnalyticsIndexes indexes) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.indexes = indexes;
    }

    /** The customer key is pseudonymous, still the person's: it is blanked on erasure. */
    @Override
    public Set<String> personalStores() {
        return Set.of(OrderAnalyticsIndex.ALIAS);
    }

    @EventHandler
    void on(ProductCreated event) {
        category(event.productId().value(), event.category());
    }

    @EventHandler
    void on(ProductCategoryChanged event) {
        category(event.productId().value(), event.category());
    }

    @EventHandler
    void on(OrderPlaced event) {
        jdbc.sql("""
                        INSERT INTO analytics_order (order_id, customer_id, line_count) VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""")
                .params(event.orderId().value(), event.customerId().value(), event.lines().size()).update();
        String customerKey = pseudonyms.of(event.customerId()).orElse(null);
        for (int line = 0; line < event.lines().size(); line++) {
            OrderLineDocument document = OrderLineDocument.of(event, line, categoryOf(event.lines().get(line).productId().value()),
                    customerKey);
            String id = OrderLineDocument.id(document.orderId(), line);
            documents.add(BulkOperation.of(op -> op.create(create -> create.index(OrderAnalyticsIndex.WRITE_ALIAS)
                    .id(id).document(document))));
        }
    }

    @EventHandler
    void on(OrderPaid event, @Timestamp Instant at) {
        moved(event.orderId(), OrderStatus.PAID, "paidAt", at);
    }

    @EventHandler
    void on(OrderFulfilmentStarted event, @Timestamp Instant at) {
        moved(event.orderId(), OrderStatus.IN_FULFILMENT, "fulfilmentStartedAt", at);
    }

    @EventHandler
    void on(OrderDelivered event, @Timestamp Instant at) {
        moved(event.orderId(), OrderStatus.DELIVERED, "deliveredAt", at);
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        moved(event.orderId(), OrderStatus.CANCELLED, "cancelledAt", at);
    }

    @EventHandler
    void on(AccountErased event) {
        jdbc.sql("SELECT order_id, line_count FROM analytics_order WHERE customer_id = ?")
                .param(event.accountId().value())
                .query((row, n) -> Map.entry(row.getObject("order_id", UUID.class).toString(), row.getInt("line_count")))
                .list()
                .forEach(order -> update(order.getKey(), order.getValue(), JsonData.fromJson("{\"customerKey\": null}")));
    }

    @ResetHandler
    void onReset() {
        jdbc.sql("TRUNCATE analytics_order, analytics_product").update();
        indexes.rebuild();
    }

    private void moved(OrderId orderId, OrderStatus status, String timeField, Instant at) {
        Integer lines = jdbc.sql("SELECT line_count FROM analytics_order WHERE order_id = ?").param(orderId.value())
                .query(Integer.class).optional().orElse(0);
        update(orderId.toString(), lines, JsonData.of(Map.of("status", status.name(), timeField, at.toString())));
    }

    private void update(String orderId, int lines, JsonData fields) {
        for (int line = 0; line < lines; line++) {
            String id = OrderLineDocument.id(orderId, line);
            documents.add(BulkOperation.of(op -> op.update(update -> update.index(OrderAnalyticsIndex.WRITE_ALIAS).id(id)
                    .action(action -> action.doc(fields)))));
        }
    }

    private void category(UUID productId, String category) {
        jdbc.sql("""
                        INSERT INTO analytics_product (product_id, category) VALUES (?, ?)
                        ON CONFLICT (product_id) DO UPDATE SET category = excluded.category""")
                .params(productId, category).update();
    }

    private String categoryOf(UUID productId) {
        return jdbc.sql("SELECT category FROM analytics_product WHERE product_id = ?").param(productId)
                .query(String.class).optional().orElse(null);
    }
}
