package dev.keel.testing;

import dev.keel.api.catalog.ProductCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection for tests only: writes a row for products whose SKU starts with {@code TXPROBE-},
 * then throws while told to, so a test can see whether the row and the token roll back together.
 */
@Component
@ProcessingGroup(TransactionProbe.GROUP)
public class TransactionProbe {

    public static final String GROUP = "transaction-probe";
    public static final String SKU_PREFIX = "TXPROBE-";

    private final JdbcClient jdbc;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    TransactionProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("CREATE TABLE IF NOT EXISTS transaction_probe (product_id VARCHAR(64) NOT NULL)").update();
    }

    public void failFor(String sku) {
        failing.add(sku);
    }

    public void recover(String sku) {
        failing.remove(sku);
    }

    public long rowsFor(String productId) {
        return jdbc.sql("SELECT count(*) FROM transaction_probe WHERE product_id = ?").param(productId)
                .query(Long.class).single();
    }

    @EventHandler
    void on(ProductCreated event) {
        if (!event.sku().startsWith(SKU_PREFIX)) {
            return;
        }
        jdbc.sql("INSERT INTO transaction_probe (product_id) VALUES (?)").param(event.productId().toString()).update();
        if (failing.contains(event.sku())) {
            throw new IllegalStateException("Probe told to fail for " + event.sku());
        }
    }
}
