package dev.keel.testing;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the read side's tests do through the public API: products with the new facts, orders placed
 * and moved on, and waiting until a read shows a change (reads are eventually consistent).
 */
@Component
public class Storefront {

    private final WebTestClient web;
    private final TestTokens tokens;
    private final CatalogFixtures catalog;

    Storefront(WebTestClient web, TestTokens tokens, CatalogFixtures catalog) {
        this.web = web;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    /** A EUR product in a category, with pictures and stock ({@code null}: unlimited); returns its id. */
    public String product(String name, long priceMinor, String category, Long stock) {
        Map<String, Object> request = new HashMap<>(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), name,
                priceMinor, "EUR"));
        request.put("category", category);
        request.put("imageUrls", List.of("https://images.example/" + UUID.randomUUID() + ".jpg"));
        request.put("stock", stock);
        return catalog.createProduct(request);
    }

    public void archive(String productId) {
        web.post().uri("/v1/products/{id}/archival", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isOk();
    }

    public void changeCategory(String productId, String category) {
        staffPut("/v1/products/{id}/category", productId, Map.of("category", category));
    }

    public void changeImages(String productId, List<String> imageUrls) {
        staffPut("/v1/products/{id}/images", productId, Map.of("imageUrls", imageUrls));
    }

    private void staffPut(String path, String productId, Object body) {
        web.put().uri(path, productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();
    }

    public void adjustStock(String productId, long delta) {
        web.post().uri("/v1/products/{id}/stock-adjustments", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("delta", delta))
                .exchange()
                .expectStatus().isOk();
    }

    /** An order body, shipped to Germany. */
    public static Map<String, Object> order(Map<String, Integer> quantities, String promotionCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", quantities.entrySet().stream()
                .map(line -> Map.of("productId", line.getKey(), "quantity", line.getValue())).toList());
        body.put("shippingAddress", Map.of("recipient", "Grace Hopper", "line1", "Hauptstrasse 1", "postalCode", "10115",
                "city", "Berlin", "country", "DE"));
        if (promotionCode != null) {
            body.put("promotionCode", promotionCode);
        }
        return body;
    }

    /** Places an order of one product as this customer; the answer (an OrderView). */
    public Map<?, ?> place(String accessToken, String productId, int quantity) {
        return place(accessToken, order(Map.of(productId, quantity), null));
    }

    public Map<?, ?> place(String accessToken, Map<String, Object> body) {
        return web.post().uri("/v1/orders")
                .headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Cancels as this caller (the customer, or STAFF); the new version. */
    public long cancel(String accessToken, String orderId) {
        return ((Number) web.post().uri("/v1/orders/{id}/cancellation", orderId)
                .headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("version")).longValue();
    }

    /** Waits until {@code GET /v1/orders/{id}} shows the order at {@code version} or later; returns it. */
    public Map<?, ?> awaitOrder(String accessToken, String orderId, long version) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var result = web.get().uri("/v1/orders/{id}", orderId).headers(h -> h.setBearerAuth(accessToken))
                    .exchange().returnResult(Map.class);
            return result.getStatus() == HttpStatus.OK ? result.getResponseBody().blockFirst() : null;
        }, order -> order != null && ((Number) order.get("version")).longValue() >= version);
    }

    /** Waits until a search for this word finds exactly these many products; returns the page. */
    public Map<?, ?> awaitSearch(Map<String, Object> parameters, int total) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> search(parameters),
                page -> page != null && ((Number) page.get("total")).intValue() == total);
    }

    public Map<?, ?> search(Map<String, Object> parameters) {
        return web.get().uri(uri -> {
                    uri.path("/v1/products");
                    parameters.forEach(uri::queryParam);
                    return uri.build();
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
