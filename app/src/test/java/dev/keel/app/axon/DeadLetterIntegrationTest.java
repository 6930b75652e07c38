package dev.keel.app.axon;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.DeadLetterProbe;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processing group with a dead-letter queue parks a failing event in PostgreSQL and goes on with
 * the rest; once the cause is fixed, processing the dead letters handles it and empties the queue.
 */
class DeadLetterIntegrationTest extends KeelIntegrationTest {

    @Autowired
    DeadLetterProbe probe;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailingEventIsParkedNotLostAndRetriedLater() {
        String sku = DeadLetterProbe.SKU_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        probe.failFor(sku);
        String parked = catalog.createProduct(productRequest(sku, "Parked", 100, "EUR"));
        String next = catalog.createProduct(productRequest(DeadLetterProbe.SKU_PREFIX + UUID.randomUUID()
                .toString().substring(0, 8), "Not blocked", 100, "EUR"));

        await().atMost(Duration.ofSeconds(60)).until(() -> probe.handled(next) && deadLetters(parked) == 1);
        assertThat(probe.handled(parked)).isFalse();

        probe.recover(sku);
        var deadLetters = processing.sequencedDeadLetterProcessor(DeadLetterProbe.GROUP).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            deadLetters.processAny();
            return probe.handled(parked);
        });
        assertThat(deadLetters(parked)).isZero();
    }

    private long deadLetters(String productId) {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND aggregate_identifier = ?")
                .params(DeadLetterProbe.GROUP, productId)
                .query(Long.class).single();
    }
}
