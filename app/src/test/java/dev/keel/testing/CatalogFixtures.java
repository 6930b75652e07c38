package dev.keel.testing;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Catalog test data, created through the public API like a client would. */
@Component
public class CatalogFixtures {

    private final WebTestClient web;
    private final TestTokens tokens;
    private final JdbcClient jdbc;

    CatalogFixtures(WebTestClient web, TestTokens tokens, JdbcClient jdbc) {
        this.web = web;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    public static String uniqueSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static Map<String, Object> productRequest(String sku, String name, long amountMinor, String currency) {
        return Map.of("sku", sku, "name", name, "description", "A test product called " + name,
                "price", Map.of("amountMinor", amountMinor, "currency", currency));
    }

    /** Creates a product as STAFF and returns its id. */
    public String createProduct(String name, long amountMinor) {
        return createProduct(productRequest(uniqueSku(), name, amountMinor, "EUR"));
    }

    public String createProduct(Map<String, Object> request) {
        return createProduct(request, tokens.staff());
    }

    /** Creates a product as the holder of {@code accessToken}, who must be STAFF. */
    public String createProduct(Map<String, Object> request, String accessToken) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("productId").toString();
    }

    /** Changes the price as STAFF, only if the product is at {@code version}; returns the new version. */
    public long reprice(String productId, long version, long amountMinor) {
        return ((Number) web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"" + version + "\"")
                .bodyValue(Map.of("amountMinor", amountMinor, "currency", "EUR"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("version")).longValue();
    }

    /** How many stored events name this SKU, in any case (product events carry no encrypted fields). */
    public long eventsNaming(String sku) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') ILIKE ?")
                .param("%\"" + sku + "\"%").query(Long.class).single();
    }

    /** Waits until the product table serves the product at {@code version} or later. */
    public void awaitProductVersion(String productId, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var result = web.get().uri("/v1/products/{id}", productId).exchange().returnResult(Map.class);
            return result.getStatus() == HttpStatus.OK
                    && ((Number) result.getResponseBody().blockFirst().get("version")).longValue() >= version;
        });
    }
}
