package dev.keel.projection.catalog;

import dev.keel.api.catalog.ProductArchived;
import dev.keel.api.catalog.ProductCategoryChanged;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductImagesChanged;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.api.catalog.ProductStockAdjusted;
import dev.keel.api.catalog.ProductStockSet;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderPlaced;
import dev.keel.projection.batch.BatchedJdbc;
import dev.keel.projection.batch.ChangeLog;
import dev.keel.projection.batch.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code product} and {@code product_stock} tables, and the {@code catalog_change} log that
 * offline sync reads, all in one transaction per batch. Product facts move forward by the product's
 * version; stock by its level sequence (order events carry levels too, in any order with the
 * product's own); the log by event position. So a redelivered or replayed event changes nothing twice.
 */
@Component
@ProcessingGroup(ProductTableProjection.GROUP)
class ProductTableProjection {

    static final String GROUP = "product-table";

    private static final ChangeLog.Log CATALOG_CHANGES = new ChangeLog.Log("""
            INSERT INTO catalog_change (seq, position, product_id, event_type) VALUES (?, ?, ?, ?)
            ON CONFLICT (position) DO NOTHING""", "catalog_change");

    private final BatchedJdbc batch;
    private final ChangeLog changes;
    private final JdbcClient jdbc;

    ProductTableProjection(BatchedJdbc batch, ChangeLog changes, JdbcClient jdbc) {
        this.batch = batch;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        batch.update("""
                        INSERT INTO product (product_id, sku, name, description, price_minor, currency, category,
                                             image_urls, archived, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)
                        ON CONFLICT (product_id) DO UPDATE SET
                            sku = EXCLUDED.sku, name = EXCLUDED.name, description = EXCLUDED.description,
                            price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency,
                            category = EXCLUDED.category, image_urls = EXCLUDED.image_urls, archived = FALSE,
                            version = EXCLUDED.version, created_at = EXCLUDED.created_at,
                            updated_at = EXCLUDED.updated_at
                        WHERE product.version < EXCLUDED.version""",
                event.productId().value(), event.sku(), event.name(), event.description(),
                event.price().amountMinor(), event.price().currency().getCurrencyCode(), event.category(),
                event.imageUrls().toArray(String[]::new), version, utc(at), utc(at));
        level(event.stockLevel());
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(ProductPriceChanged event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        batch.update("""
                        UPDATE product SET price_minor = ?, currency = ?, version = ?, updated_at = ?
                        WHERE product_id = ? AND version < ?""",
                event.price().amountMinor(), event.price().currency().getCurrencyCode(), version, utc(at),
                event.productId().value(), version);
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(ProductCategoryChanged event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        batch.update("UPDATE product SET category = ?, version = ?, updated_at = ? WHERE product_id = ? AND version < ?",
                event.category(), version, utc(at), event.productId().value(), version);
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(ProductImagesChanged event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        batch.update("UPDATE product SET image_urls = ?, version = ?, updated_at = ? WHERE product_id = ? AND version < ?",
                event.imageUrls().toArray(String[]::new), version, utc(at), event.productId().value(), version);
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(ProductArchived event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        batch.update("UPDATE product SET archived = TRUE, version = ?, updated_at = ? WHERE product_id = ? AND version < ?",
                version, utc(at), event.productId().value(), version);
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(ProductStockSet event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        touched(event.productId(), version, at);
        level(event.stockLevel());
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(ProductStockAdjusted event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        touched(event.productId(), version, at);
        level(event.stockLevel());
        logged(event.productId(), event, token);
    }

    @EventHandler
    void on(OrderPlaced event) {
        levels(event.stockLevels());
    }

    @EventHandler
    void on(OrderFulfilmentStarted event) {
        levels(event.stockLevels());
    }

    @EventHandler
    void on(OrderCancelled event) {
        levels(event.stockLevels());
    }

    @ResetHandler
    void onReset() {
        // The change log stays: it is history keyed by event position, and a replay appends nothing to it.
        jdbc.sql("TRUNCATE product, product_stock").update();
    }

    private void touched(ProductId productId, long version, Instant at) {
        batch.update("UPDATE product SET version = ?, updated_at = ? WHERE product_id = ? AND version < ?",
                version, utc(at), productId.value(), version);
    }

    private void levels(List<StockLevel> levels) {
        levels.forEach(this::level);
    }

    private void level(StockLevel level) {
        batch.upsertLatest("""
                        INSERT INTO product_stock (product_id, stock, available, sequence) VALUES (?, ?, ?, ?)
                        ON CONFLICT (product_id) DO UPDATE SET
                            stock = EXCLUDED.stock, available = EXCLUDED.available, sequence = EXCLUDED.sequence
                        WHERE product_stock.sequence < EXCLUDED.sequence""",
                level.productId().value(), level.sequence(),
                level.productId().value(), level.stock(), level.available(), level.sequence());
    }

    private void logged(ProductId productId, Object event, TrackingToken token) {
        changes.append(CATALOG_CHANGES, EventPositions.of(token), productId.value(), event.getClass().getSimpleName());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
