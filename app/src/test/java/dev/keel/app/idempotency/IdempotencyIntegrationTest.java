package dev.keel.app.idempotency;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetryReturnsTheFirstResultAndAppendsNothing() {
        String staff = tokens.staff();
        String key = UUID.randomUUID().toString();
        var request = productRequest(uniqueSku(), "Retried", 100, "EUR");

        String first = create(staff, key, request);
        String retried = create(staff, key, request);

        assertThat(retried).isEqualTo(first);
        assertThat(eventsUnderKey(key)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesCreateOneProduct() {
        String staff = tokens.staff();
        String key = UUID.randomUUID().toString();
        var request = productRequest(uniqueSku(), "Raced", 100, "EUR");

        var ids = Flux.range(0, 8)
                .parallel(8).runOn(Schedulers.boundedElastic())
                .map(i -> create(staff, key, request))
                .sequential().collectList().block();

        assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
        assertThat(eventsUnderKey(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String staff = tokens.staff();
        String key = UUID.randomUUID().toString();
        create(staff, key, productRequest(uniqueSku(), "First", 100, "EUR"));

        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(staff))
                .header("Idempotency-Key", key)
                .bodyValue(productRequest(uniqueSku(), "Second", 100, "EUR"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");
        assertThat(eventsUnderKey(key)).isEqualTo(1);
    }

    @Test
    void keysBelongToOneUserSoAnotherUsersRequestIsItsOwn() {
        String key = UUID.randomUUID().toString();
        String sku = uniqueSku();
        String mine = create(tokens.staff(), key, productRequest(sku, "Mine", 100, "EUR"));

        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", key)
                .bodyValue(productRequest(sku, "Mine", 100, "EUR"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/sku-already-in-use");
        assertThat(mine).isNotBlank();
    }

    @Test
    void aRejectedCommandLeavesTheKeyFreeForACorrectedRetry() {
        String staff = tokens.staff();
        String productId = catalog.createProduct("Versioned", 100);
        String key = UUID.randomUUID().toString();

        reprice(staff, key, productId, "\"7\"").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(0);
        reprice(staff, key, productId, "\"0\"").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec reprice(
            String token, String key, String productId, String ifMatch) {
        return web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .header("If-Match", ifMatch)
                .bodyValue(Map.of("amountMinor", 50, "currency", "EUR"))
                .exchange();
    }

    private String create(String token, String key, Map<String, Object> request) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("productId").toString();
    }

    private long eventsUnderKey(String key) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8') LIKE ?")
                .param("%\"idempotencyKey\":\"" + key + "\"%")
                .query(Long.class).single();
    }
}
