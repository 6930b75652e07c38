package dev.keel.app.axon;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.TransactionProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot 4 pitfall 1: without a Spring transaction manager for Axon, a failing projection would keep
 * its writes and lose nothing of its token. Here both roll back, and the event is handled once later.
 */
class ProjectionTransactionIntegrationTest extends KeelIntegrationTest {

    @Autowired
    TransactionProbe probe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aFailingProjectionRollsBackItsWritesAndItsTokenTogether() {
        String sku = TransactionProbe.SKU_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        probe.failFor(sku);
        String productId = catalog.createProduct(productRequest(sku, "Probe", 100, "EUR"));
        long eventIndex = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(productId).query(Long.class).single();

        String staff = tokens.staff();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(staff)).exchange()
                .expectStatus().is5xxServerError()
                .expectBody()
                .jsonPath("$.components.eventProcessors.details['transaction-probe'].failingSegments['0'].error")
                .isEqualTo("IllegalStateException")
                .jsonPath("$.components.eventProcessors.details['transaction-probe'].failingSegments['0'].errorId")
                .isNotEmpty());
        web.get().uri("/actuator/health").exchange().expectBody(String.class)
                .value(health -> assertThat(health).as("public: no message, no data").doesNotContain(sku));
        assertThat(probe.rowsFor(productId)).as("the handler's insert rolled back").isZero();
        assertThat(tokenCovers(eventIndex)).as("the token did not move past the event").isFalse();

        probe.recover(sku);
        await().atMost(Duration.ofSeconds(60)).until(() -> tokenCovers(eventIndex));
        assertThat(probe.rowsFor(productId)).as("handled exactly once after recovery").isEqualTo(1);
        web.get().uri("/actuator/health").headers(headers -> headers.setBearerAuth(staff)).exchange()
                .expectBody()
                .jsonPath("$.components.eventProcessors.details['transaction-probe'].failingSegments").doesNotExist();
    }

    /** The probe has one segment (test properties), so one token says how far it got. */
    private boolean tokenCovers(long eventIndex) {
        byte[] token = jdbc.sql("SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0")
                .param(TransactionProbe.GROUP).query(byte[].class).optional().orElse(null);
        if (token == null) {
            return false;
        }
        JsonNode gapAware = json.readTree(token);
        boolean inGaps = false;
        for (JsonNode gap : gapAware.path("gaps")) {
            inGaps |= gap.asLong() == eventIndex;
        }
        return gapAware.path("index").asLong() >= eventIndex && !inGaps;
    }
}
