package dev.keel.projection.catalog;

import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.projection.batch.BatchedJdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code product} table. Every write carries the event's sequence number and only moves a row
 * forward, so a redelivered or replayed event changes nothing twice.
 */
@Component
@ProcessingGroup(ProductTableProjection.GROUP)
class ProductTableProjection {

    static final String GROUP = "product-table";

    private final BatchedJdbc batch;
    private final JdbcClient jdbc;

    ProductTableProjection(BatchedJdbc batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        INSERT INTO product (product_id, sku, name, description, price_minor, currency, version,
                                             created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (product_id) DO UPDATE SET
                            sku = EXCLUDED.sku, name = EXCLUDED.name, description = EXCLUDED.description,
                            price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency,
                            version = EXCLUDED.version, created_at = EXCLUDED.created_at,
                            updated_at = EXCLUDED.updated_at
                        WHERE product.version < EXCLUDED.version""",
                event.productId().value(), event.sku(), event.name(), event.description(),
                event.price().amountMinor(), event.price().currency().getCurrencyCode(), version, utc(at), utc(at));
    }

    @EventHandler
    void on(ProductPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        UPDATE product SET price_minor = ?, currency = ?, version = ?, updated_at = ?
                        WHERE product_id = ? AND version < ?""",
                event.price().amountMinor(), event.price().currency().getCurrencyCode(), version, utc(at),
                event.productId().value(), version);
    }

    @ResetHandler
    void onReset() {
        jdbc.sql("TRUNCATE product").update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
