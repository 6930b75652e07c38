package dev.keel.testing;

import dev.keel.api.catalog.ProductCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only handler in a processing group with a dead-letter queue: fails for the SKUs it is told,
 * and remembers which products it handled.
 */
@Component
@ProcessingGroup(DeadLetterProbe.GROUP)
public class DeadLetterProbe {

    public static final String GROUP = "dead-letter-probe";
    public static final String SKU_PREFIX = "DLQPROBE-";

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    public void failFor(String sku) {
        failing.add(sku);
    }

    public void recover(String sku) {
        failing.remove(sku);
    }

    public boolean handled(String productId) {
        return handled.contains(productId);
    }

    @EventHandler
    void on(ProductCreated event) {
        if (!event.sku().startsWith(SKU_PREFIX)) {
            return;
        }
        if (failing.contains(event.sku())) {
            throw new IllegalStateException("Dead-letter probe told to fail for " + event.sku());
        }
        handled.add(event.productId().toString());
    }
}
