package dev.keel.app.axon;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.app.KeelIntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail and compliance replay depend on who, from where and why, on every event. */
class EventMetadataIntegrationTest extends KeelIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void everyEventCarriesWhoCausedItFromWhereAndWhy() {
        String userId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String productId = web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.forUser(userId, "STAFF", "ANALYST")))
                .header("Idempotency-Key", key)
                .header("X-Device-Id", "device-42")
                .header("X-Correlation-Id", "journey-7")
                .bodyValue(productRequest(uniqueSku(), "Audited", 100, "EUR"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("productId").toString();

        DomainEventMessage<?> event = eventStore.readEvents(productId).next();
        var metadata = event.getMetaData();

        assertThat(metadata.get(MetadataKeys.ACTOR)).isEqualTo("user:" + userId);
        assertThat(metadata.get(MetadataKeys.ROLES)).isEqualTo(List.of("ANALYST", "STAFF"));
        assertThat(metadata.get(MetadataKeys.DEVICE_ID)).isEqualTo("device-42");
        assertThat(metadata.get(MetadataKeys.CLIENT_IP)).isEqualTo("127.0.0.1");
        assertThat(metadata.get(MetadataKeys.CORRELATION_ID)).isEqualTo("journey-7");
        assertThat(metadata.get(MetadataKeys.IDEMPOTENCY_KEY)).isEqualTo(key);
        assertThat((String) metadata.get(MetadataKeys.CAUSATION_ID)).isNotBlank().isNotEqualTo(event.getIdentifier());
        assertThat(metadata).doesNotContainKey("requestFingerprint");
    }
}
